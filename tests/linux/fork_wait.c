/*
 * tests/linux/fork_wait.c - processes: fork, exit statuses, signals that
 * kill, copy-on-write privacy in both directions, bad pointers that must
 * give EFAULT rather than crash anything, and the tids clone writes
 * (CLONE_PARENT_SETTID, CLONE_CHILD_SETTID: glibc's fork and
 * pthread_create use them).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

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

/*
 * clone_and_exit - clone(@flags) with the child on @stack; the child
 * exits at once with status 0, touching no memory (it may share ours).
 * Returns what clone returned to the parent.
 */
static long
clone_and_exit(unsigned long flags, void *stack, int *ptid, int *ctid)
{
	register long r10 __asm__("r10") = (long)ctid, r8 __asm__("r8") = 0;
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov %[exit], %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(SYS_clone), "D"(flags), "S"(stack), "d"(ptid), "r"(r10),
			   "r"(r8), [exit] "i"(SYS_exit)
			 : "rcx", "r11", "memory");
	return ret;
}

/* Reap @pid and print how it ended. */
static void
report_exit(const char *name, long pid)
{
	int status;

	if (pid <= 0 || waitpid(pid, &status, 0) != pid)
		printf("%s: clone or waitpid failed: %ld %s\n", name, pid, strerror(errno));
	else
		printf("%s: %s %d\n", name, WIFEXITED(status) ? "exited" : "signal",
		       WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

/*
 * settid_test - the parent's tid word is written in the parent's memory,
 * the child's in the child's: after a fork-like clone each side sees only
 * its own; with CLONE_VM the child's write lands in the shared memory.
 * Bad pointers are ignored: the clone still succeeds.
 */
static void
settid_test(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	int ptid = 0, ctid = 0;
	long pid;

	pid = raw(SYS_clone, CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | SIGCHLD, 0, (long)&ptid,
		  (long)&ctid, 0, 0);
	if (pid == 0) {
		printf("settid child: ctid is its pid %d, ptid %d\n", ctid == getpid(), ptid);
		_exit(0);
	}
	report_exit("settid child", pid);
	printf("settid parent: ptid is the pid %d, ctid %d\n", ptid == pid, ctid);
	ptid = ctid = 0;
	pid = clone_and_exit(CLONE_VM | CLONE_VFORK | CLONE_CHILD_SETTID | CLONE_PARENT_SETTID |
				     SIGCHLD,
			     stack + sizeof(stack), &ptid, &ctid);
	printf("CLONE_VM child: ptid is the pid %d, ctid is the pid %d\n", ptid == pid,
	       ctid == pid);
	report_exit("CLONE_VM child", pid);
	pid = clone_and_exit(CLONE_VM | CLONE_VFORK | CLONE_CHILD_SETTID | CLONE_PARENT_SETTID |
				     SIGCHLD,
			     stack + sizeof(stack), (int *)8, (int *)0x800000000000UL);
	report_exit("bad tid pointers", pid);
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
	settid_test();
	printf("getpid positive: %d\n", getpid() > 0);
	return 0;
}
