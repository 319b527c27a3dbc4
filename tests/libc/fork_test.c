/*
 * tests/libc/fork_test.c - fork(), waitpid()/wait() and the wait status:
 * children that exit with several statuses, one killed by a signal, one
 * that aborts, and stdio's buffer copied by fork (unflushed output is
 * printed by both processes, as on Linux with a full buffer).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

/* describe a wait status the way a shell would */
static void
describe(const char *what, int status)
{
	if (WIFEXITED(status))
		printf("%s: exited, status %d\n", what, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: killed by signal %d%s\n", what, WTERMSIG(status),
		       WCOREDUMP(status) ? " (core dumped)" : "");
	else
		printf("%s: other status %#x\n", what, status);
}

/* fork a child that runs @how, wait for it, describe its status */
static void
run_child(const char *what, int how)
{
	pid_t pid, got;
	int status = -1;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(1);
	}
	if (pid == 0) {
		switch (how) {
		case 0: exit(0);
		case 1: exit(42);
		case 2: _exit(255);
		case 3: exit(256 + 7); /* only the low 8 bits reach the parent */
		case 4: kill(getpid(), SIGKILL); break;
		case 5: raise(SIGTERM); break;
		case 6: signal(SIGABRT, SIG_IGN); abort();
		case 7: return; /* falls out of main: main's return value */
		}
		_exit(99);
	}
	got = waitpid(pid, &status, 0);
	printf("waitpid returned the child: %d\n", got == pid);
	describe(what, status);
}

int
main(void)
{
	int status;
	pid_t pid;

	run_child("exit(0)", 0);
	run_child("exit(42)", 1);
	run_child("_exit(255)", 2);
	run_child("exit(263)", 3);
	run_child("SIGKILL", 4);
	run_child("raise(SIGTERM)", 5);
	run_child("abort() with SIGABRT ignored", 6);

	/* wait() for any child; getppid() in the child is our pid */
	fflush(stdout);
	pid = fork();
	if (pid == 0)
		exit(getppid() == getpid() ? 1 : 5);
	printf("wait returned the child: %d\n", wait(&status) == pid);
	describe("child checking getppid", status);
	printf("no children left: %d\n", wait(&status));

	/* unflushed output is in both copies of the buffer */
	printf("printed once, before fork, not flushed\n");
	pid = fork();
	if (pid == 0) {
		printf("child says goodbye\n");
		exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent says goodbye\n");
	return 0;
}
