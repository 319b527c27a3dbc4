/*
 * tests/robust/oom.c - memory exhaustion, run with little RAM (64 MiB).
 * A process that grows its heap with brk, or maps and touches anonymous
 * memory, until nothing is left must be the one killed -- SIGKILL, with
 * Linux's "Out of memory: Killed process" line in the kernel log --
 * unless the call itself fails first with ENOMEM; a runaway recursion
 * stops at the stack limit with SIGSEGV. Init, the parent, keeps running
 * throughout and can still fork and allocate afterwards.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define MiB (1024UL * 1024)

/* How a child ended, in the words the test looks for. */
static void
run_child(const char *name, void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by %s\n", name,
		       WTERMSIG(status) == SIGKILL   ? "SIGKILL"
		       : WTERMSIG(status) == SIGSEGV ? "SIGSEGV"
						     : "another signal");
	else if (WEXITSTATUS(status) == 12)
		printf("%s: ENOMEM\n", name);
	else
		printf("%s: exited %d\n", name, WEXITSTATUS(status));
}

/* Touch every page of [p, p + len). */
static void
touch(char *p, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += 4096)
		p[off] = 1;
}

static void
brk_exhaust(void)
{
	for (;;) {
		char *p = sbrk(MiB);

		if (p == (char *)-1)
			_exit(errno == ENOMEM ? 12 : 1);
		touch(p, MiB);
	}
}

static void
mmap_exhaust(void)
{
	for (;;) {
		char *p =
			mmap(NULL, MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(errno == ENOMEM ? 12 : 1);
		touch(p, MiB);
	}
}

#pragma GCC diagnostic ignored "-Winfinite-recursion" /* the point of it */
static int
recurse(int n)
{
	volatile char frame[1024];

	frame[0] = (char)n;
	return recurse(n + 1) + frame[0];
}

static void
stack_exhaust(void)
{
	exit(recurse(0));
}

/* Ask for more than there is in one go: the mapping may be made (pages
 * come on use), but touching it all must end in the OOM kill. */
static void
big_mmap_touch(void)
{
	char *p =
		mmap(NULL, 1024 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		_exit(errno == ENOMEM ? 12 : 1);
	touch(p, 1024 * MiB);
}

/* After all that, the parent can still allocate and fork. */
static void
still_works(void)
{
	char *p = malloc(4 * MiB);

	if (!p)
		_exit(2);
	touch(p, 4 * MiB);
	free(p);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	run_child("brk until exhausted", brk_exhaust);
	run_child("mmap until exhausted", mmap_exhaust);
	run_child("mmap 1 GiB and touch it", big_mmap_touch);
	run_child("recursion without end", stack_exhaust);
	run_child("afterwards, malloc 4 MiB", still_works);
	printf("the kernel is still here\n");
	return 0;
}
