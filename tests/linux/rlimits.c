/*
 * tests/linux/rlimits.c - RLIMIT_AS, RLIMIT_DATA and RLIMIT_STACK as
 * mmap, brk, mremap and stack growth see them. Each limit is set in a
 * child, so the next test starts unlimited. Prints errno names only.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define MiB (1024UL * 1024)

static const char *
errname(long ret)
{
	if (ret >= 0 || ret < -4095)
		return "ok";
	return ret == -ENOMEM ? "ENOMEM" : ret == -EINVAL ? "EINVAL" : "other";
}

static long
map(unsigned long len, int prot, int flags)
{
	return raw(SYS_mmap, 0, len, prot, flags, -1, 0);
}

static void
limit(int resource, unsigned long bytes)
{
	struct rlimit r = { bytes, bytes };

	if (setrlimit(resource, &r) != 0)
		printf("setrlimit failed\n");
}

/* in_child - run @fn in a child and report how it ended. */
static void
in_child(const char *name, void (*fn)(void))
{
	int status;

	if (fork() == 0) {
		fn();
		_exit(0);
	}
	wait(&status);
	if (WIFSIGNALED(status))
		printf("%s: killed by %s\n", name,
		       WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "signal");
	else
		printf("%s: exit %d\n", name, WEXITSTATUS(status));
}

static void
as_limit(void)
{
	int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	long p;
	uintptr_t b;

	limit(RLIMIT_AS, 64 * MiB);
	printf("AS: mmap 128 MiB: %s\n", errname(map(128 * MiB, PROT_READ, anon)));
	printf("AS: mmap 128 MiB shared: %s\n",
	       errname(map(128 * MiB, rw, MAP_SHARED | MAP_ANONYMOUS)));
	p = map(MiB, rw, anon);
	printf("AS: mmap 1 MiB: %s\n", errname(p));
	printf("AS: mremap to 128 MiB: %s\n",
	       errname(raw(SYS_mremap, p, MiB, 128 * MiB, 1 /* MREMAP_MAYMOVE */, 0, 0)));
	printf("AS: mremap to 2 MiB: %s\n",
	       errname(raw(SYS_mremap, p, MiB, 2 * MiB, 1 /* MREMAP_MAYMOVE */, 0, 0)));
	b = (uintptr_t)raw(SYS_brk, 0, 0, 0, 0, 0, 0);
	printf("AS: brk +128 MiB refused: %d\n",
	       raw(SYS_brk, b + 128 * MiB, 0, 0, 0, 0, 0) == (long)b);
	printf("AS: brk +1 MiB: %d\n", raw(SYS_brk, b + MiB, 0, 0, 0, 0, 0) == (long)(b + MiB));
}

static void
data_limit(void)
{
	int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
	uintptr_t b;

	limit(RLIMIT_DATA, 16 * MiB);
	printf("DATA: private writable 32 MiB: %s\n", errname(map(32 * MiB, rw, anon)));
	long r = map(32 * MiB, PROT_READ, anon);

	printf("DATA: private read-only 32 MiB: %s\n", errname(r));
	printf("DATA: mprotect it writable: %s\n",
	       errname(raw(SYS_mprotect, r, 32 * MiB, rw, 0, 0, 0)));
	printf("DATA: shared writable 32 MiB: %s\n",
	       errname(map(32 * MiB, rw, MAP_SHARED | MAP_ANONYMOUS)));
	long p = map(MiB, rw, anon);

	printf("DATA: private writable 1 MiB: %s\n", errname(p));
	printf("DATA: mprotect read-only: %s\n",
	       errname(raw(SYS_mprotect, p, MiB, PROT_READ, 0, 0, 0)));
	b = (uintptr_t)raw(SYS_brk, 0, 0, 0, 0, 0, 0);
	printf("DATA: brk +32 MiB refused: %d\n",
	       raw(SYS_brk, b + 32 * MiB, 0, 0, 0, 0, 0) == (long)b);
}

/* grow_stack - touch @len bytes of stack below this frame. */
static void
grow_stack(unsigned long len)
{
	volatile char *sp = __builtin_alloca(len);

	for (unsigned long off = 0; off < len; off += 4096)
		sp[off] = 1;
}

static void
stack_small(void)
{
	limit(RLIMIT_STACK, 4 * MiB);
	grow_stack(MiB);
}

static void
stack_big(void)
{
	limit(RLIMIT_STACK, 4 * MiB);
	grow_stack(8 * MiB);
}

static void
stack_as(void)
{
	limit(RLIMIT_AS, 64 * MiB);
	grow_stack(100 * MiB);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	in_child("AS", as_limit);
	in_child("DATA", data_limit);
	in_child("stack 1 MiB of 4", stack_small);
	in_child("stack 8 MiB of 4", stack_big);
	in_child("stack 100 MiB, AS 64 MiB", stack_as);
	return 0;
}
