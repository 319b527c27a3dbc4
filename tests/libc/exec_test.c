/*
 * tests/libc/exec_test.c - execve(), execv() and execvp(): a child runs
 * the shell found through $PATH and its exit status comes back; the
 * failures give ENOENT, EACCES and ENOTDIR as glibc's search does.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

/* run @argv with execvp in a child; return its exit status */
static int
spawn(char *const argv[])
{
	int status = -1;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		printf("execvp %s failed: errno %d\n", argv[0], errno);
		fflush(stdout);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
main(void)
{
	char *sh_exit[] = { "sh", "-c", "exit 7", NULL };
	char *sh_echo[] = { "sh", "-c", "echo \"from the shell: $0 $1\"", "zero", "one", NULL };
	char *missing[] = { "pagoda-no-such-program", NULL };
	char *envp[] = { "GREETING=hi", NULL };
	char *sh_env[] = { "/bin/sh", "-c", "echo \"env: $GREETING\"; exit 3", NULL };
	int status, ret;
	pid_t pid;

	printf("sh exit status: %d\n", spawn(sh_exit));
	printf("sh echo status: %d\n", spawn(sh_echo));
	printf("missing program status: %d\n", spawn(missing));

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		execve("/bin/sh", sh_env, envp);
		_exit(126);
	}
	waitpid(pid, &status, 0);
	printf("execve with its own environment: %d\n", WEXITSTATUS(status));

	ret = execv("/", missing);
	printf("execv of a directory: %d errno %d\n", ret, errno);
	ret = execv("/nonexistent", missing);
	printf("execv of a missing file: %d errno %d\n", ret, errno);
	ret = execv("/etc/passwd/x", missing);
	printf("execv through a file: %d errno %d\n", ret, errno);
	setenv("PATH", "/nonexistent:/etc:", 1);
	ret = execvp("passwd-no", missing);
	printf("execvp, nothing on PATH: %d errno %d\n", ret, errno);
	ret = execvp("passwd", missing);
	printf("execvp, a non-executable on PATH: %d errno %d\n", ret, errno);
	return 0;
}
