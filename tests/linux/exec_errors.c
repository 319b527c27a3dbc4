/*
 * tests/linux/exec_errors.c - execve: what it returns when it cannot run
 * the program, and what the new program receives when it can. Run again
 * with "child" as argv[1], the program prints what it was given.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
try_exec(const char *what, const char *path, char *const argv[], char *const envp[])
{
	errno = 0;
	int ret = execve(path, argv, envp);

	printf("%s: %d %s\n", what, ret, strerror(errno));
}

int
main(int argc, char **argv, char **envp)
{
	static char big[200 * 1024];
	char *bigargv[40];
	char *args[] = { "exec_errors", NULL };
	char self[256];
	char *const *volatile bad_argv = (char *const *)8; /* not a real array */
	ssize_t n;

	if (argc > 1 && strcmp(argv[1], "child") == 0) {
		printf("child: argc=%d argv[2]=%s FOO=%s\n", argc, argv[2], getenv("FOO"));
		return 42;
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	try_exec("missing file", "/no/such/program", args, envp);
	try_exec("a directory", "/", args, envp);
	try_exec("not executable", "/proc/self/status", args, envp);
	try_exec("bad path pointer", (const char *)8, args, envp);
	memset(big, 'x', sizeof(big) - 1);
	for (int i = 0; i < 39; i++)
		bigargv[i] = big;
	bigargv[39] = NULL;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n < 0) {
		perror("readlink /proc/self/exe");
		return 1;
	}
	self[n] = '\0';
	try_exec("arguments too long", self, bigargv, envp);
	try_exec("bad argv pointer", self, bad_argv, envp);

	pid_t pid = fork();

	if (pid == 0) {
		char *cargv[] = { "exec_errors", "child", "second word", NULL };
		char *cenv[] = { "FOO=bar", NULL };

		execve(self, cargv, cenv);
		_exit(99);
	}
	int status;

	waitpid(pid, &status, 0);
	printf("child exited %d\n", WEXITSTATUS(status));
	errno = 0;
	printf("waitpid WNOHANG with no children: %d %s\n", (int)waitpid(-1, &status, WNOHANG),
	       strerror(errno));
	return 0;
}
