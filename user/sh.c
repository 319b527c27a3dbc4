/*
 * user/sh.c - a small shell: run programs, with arguments and pipes.
 *
 *   $ ls /bin
 *   $ cat /etc/motd | wc
 *   $ echo $?
 *
 * Each line is split into words (single and double quotes group words),
 * then into commands at each '|'. Every command runs in a child made with
 * fork() and execve(); a pipe joins neighbours. `cd` and `exit` are built
 * in, `$?` is the last exit status. A program killed by a signal is
 * reported as bash reports it ("Segmentation fault").
 *
 * `sh -c 'COMMAND LINE'` runs that one line and exits with its status:
 * what the C library's system() and popen() ask of /bin/sh.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE  1024
#define MAX_WORDS 64
#define MAX_CMDS  8

static int last_status;
extern char **environ;

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * split - break @line into words, copied into @buf; returns how many.
 * Quotes group words ('a b' is one word), and '|' is always a word.
 */
static int
split(const char *line, char **words, char *buf)
{
	int n = 0;

	while (n < MAX_WORDS - 1) {
		while (is_blank(*line))
			line++;
		if (!*line)
			break;
		words[n++] = buf;
		if (*line == '|') {
			*buf++ = *line++;
		} else {
			while (*line && !is_blank(*line) && *line != '|') {
				if (*line == '\'' || *line == '"') {
					char quote = *line++;

					while (*line && *line != quote)
						*buf++ = *line++;
					if (*line)
						line++;
				} else {
					*buf++ = *line++;
				}
			}
		}
		*buf++ = '\0';
	}
	words[n] = NULL;
	return n;
}

/* expand - "$?" becomes the last status. */
static void
expand(char **words, char *buf)
{
	for (int i = 0; words[i]; i++) {
		if (strcmp(words[i], "$?") == 0) {
			snprintf(buf, 16, "%d", last_status);
			words[i] = buf;
		}
	}
}

/* run_command - exec @argv, looking it up in /bin when it has no '/'. */
static void
run_command(char **argv)
{
	char path[256];

	if (strchr(argv[0], '/'))
		snprintf(path, sizeof(path), "%s", argv[0]);
	else
		snprintf(path, sizeof(path), "/bin/%s", argv[0]);
	execve(path, argv, environ);
	fprintf(stderr, "sh: %s: %s\n", argv[0],
		errno == ENOENT ? "command not found" : strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/* report - what bash prints for a command a signal ended. */
static void
report(int status)
{
	if (WIFEXITED(status)) {
		last_status = WEXITSTATUS(status);
	} else if (WIFSIGNALED(status)) {
		last_status = 128 + WTERMSIG(status);
		if (WTERMSIG(status) != SIGINT && WTERMSIG(status) != SIGPIPE)
			fprintf(stderr, "%s\n", strsignal(WTERMSIG(status)));
	}
}

/* pipeline - run the commands in @cmds (@n of them), joined by pipes. */
static void
pipeline(char ***cmds, int n)
{
	pid_t pids[MAX_CMDS];
	int in = -1;

	for (int i = 0; i < n; i++) {
		int fds[2] = { -1, -1 };

		if (i + 1 < n && pipe(fds) < 0) {
			perror("sh: pipe");
			return;
		}
		pids[i] = fork();
		if (pids[i] == 0) {
			if (in >= 0) {
				dup2(in, 0);
				close(in);
			}
			if (fds[1] >= 0) {
				dup2(fds[1], 1);
				close(fds[0]);
				close(fds[1]);
			}
			run_command(cmds[i]);
		}
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	for (int i = 0; i < n; i++) {
		int status;

		if (pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] && i == n - 1)
			report(status);
	}
}

/* builtin - cd and exit; returns 1 if @argv was one. */
static int
builtin(char **argv)
{
	if (strcmp(argv[0], "exit") == 0)
		exit(argv[1] ? atoi(argv[1]) : last_status);
	if (strcmp(argv[0], "cd") == 0) {
		if (chdir(argv[1] ? argv[1] : "/") < 0)
			fprintf(stderr, "sh: cd: %s: %s\n", argv[1] ? argv[1] : "/",
				strerror(errno));
		return 1;
	}
	return 0;
}

static void
run_line(char *line)
{
	char *words[MAX_WORDS], *cmds_words[MAX_CMDS][MAX_WORDS], status_buf[16];
	char **cmds[MAX_CMDS], wordbuf[2 * MAX_LINE];
	int nwords = split(line, words, wordbuf), ncmds = 0, k = 0;

	if (nwords == 0)
		return;
	expand(words, status_buf);
	for (int i = 0; i <= nwords && ncmds < MAX_CMDS; i++) {
		if (i == nwords || strcmp(words[i], "|") == 0) {
			cmds_words[ncmds][k] = NULL;
			cmds[ncmds] = cmds_words[ncmds];
			if (k == 0) {
				fprintf(stderr, "sh: syntax error near '|'\n");
				return;
			}
			ncmds++;
			k = 0;
		} else {
			cmds_words[ncmds][k++] = words[i];
		}
	}
	if (ncmds == 1 && builtin(cmds[0]))
		return;
	pipeline(cmds, ncmds);
}

int
main(int argc, char **argv)
{
	char line[MAX_LINE];
	int interactive = isatty(0);

	if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
		snprintf(line, sizeof(line), "%s", argv[2]);
		run_line(line);
		return last_status;
	}
	for (;;) {
		if (interactive) {
			printf("$ ");
			fflush(stdout);
		}
		if (!fgets(line, sizeof(line), stdin))
			break;
		run_line(line);
	}
	if (interactive)
		printf("\n");
	return last_status;
}
