/*
 * tests/linux/fork_wait.c - processes: fork, exit statuses, signals that
 * kill, copy-on-write privacy in both directions, and bad pointers that
 * must give EFAULT rather than crash anything.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int shared_value = 100;

/* Run @fn in a child; print how it ended. */
static void
run_child(const char *name, void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid) {
		printf("%s: waitpid failed: %s\n", name, strerror(errno));
		return;
	}
	if (WIFEXITED(status))
		printf("%s: exited %d\n", name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: killed by signal %d (%s)\n", name, WTERMSIG(status),
		       strsignal(WTERMSIG(status)));
}

static void
exit_7(void)
{
	exit(7);
}
static void
null_write(void)
{
	*(volatile int *)0 = 1;
}
static void
kernel_read(void)
{
	(void)*(volatile long *)0xffffffff80100000UL;
}
static void
text_write(void)
{
	*(volatile unsigned char *)(void *)&run_child = 0xc3;
}
static void
do_abort(void)
{
	abort();
}
static void
self_kill(void)
{
	kill(getpid(), SIGKILL);
}

static void
exec_data(void)
{
	static unsigned char code[16] = { 0xc3 }; /* ret, in a non-executable page */

	((void (*)(void))(void *)code)();
}

static void
exec_stack(void)
{
	unsigned char code[16] = { 0xc3 };

	((void (*)(void))(void *)code)();
}

/* Grow the stack by about 1 MiB, touching every page. */
static int
deep(int n)
{
	volatile char page[4096];

	page[0] = (char)n;
	page[4095] = (char)n;
	return n == 0 ? 0 : deep(n - 1) + (page[0] == (char)n ? 0 : 1);
}

static void
grow_stack(void)
{
	exit(deep(256));
}

static void
cow_test(void)
{
	int status;
	pid_t pid;

	shared_value = 1;
	pid = fork();
	if (pid == 0) {
		printf("child sees %d\n", shared_value);
		shared_value = 2;
		printf("child wrote %d\n", shared_value);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("parent still sees %d\n", shared_value);
	shared_value = 3;
	pid = fork();
	if (pid == 0) {
		printf("second child sees %d\n", shared_value);
		fflush(stdout);
		_exit(shared_value);
	}
	shared_value = 4; /* written after fork: the child must not see it */
	waitpid(pid, &status, 0);
	printf("second child exited %d, parent has %d\n", WEXITSTATUS(status), shared_value);
}

static void
efault_test(void)
{
	int status;
	pid_t pid;

	static const struct {
		const char *what;
		const void *ptr;
	} bad[] = {
		{ "NULL", NULL },
		{ "kernel", (void *)0xffffffff80100000UL },
		{ "non-canonical", (void *)0x800000000000UL },
		{ "unmapped", (void *)0x10000000UL },
	};
	long ret;

	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		ret = write(1, bad[i].ptr, 10);
		printf("write from %s: %ld %s\n", bad[i].what, ret, strerror(errno));
	}
	int fds[2];

	pipe(fds);
	write(fds[1], "x", 1);
	errno = 0;
	ret = read(fds[0], NULL, 1);
	printf("read into NULL: %ld %s\n", ret, strerror(errno));
	close(fds[0]);
	close(fds[1]);
	pid = fork();
	if (pid == 0)
		_exit(5);
	errno = 0;
	ret = wait4(pid, (int *)8, 0, NULL);
	printf("wait4 to a bad pointer: %ld %s\n", ret, strerror(errno));
	errno = 0;
	ret = waitpid(-1, &status, 0);
	printf("then: %ld %s\n", ret, strerror(errno));
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	run_child("exit(7)", exit_7);
	run_child("NULL write", null_write);
	run_child("kernel read", kernel_read);
	run_child("write to text", text_write);
	run_child("execute data", exec_data);
	run_child("execute stack", exec_stack);
	run_child("abort", do_abort);
	run_child("kill self", self_kill);
	run_child("stack growth", grow_stack);
	cow_test();
	efault_test();
	printf("getpid positive: %d\n", getpid() > 0);
	return 0;
}
