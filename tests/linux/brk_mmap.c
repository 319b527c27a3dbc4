/*
 * tests/linux/brk_mmap.c - brk, mmap, munmap and mprotect through raw
 * system calls, printing only offsets, booleans and errno names, so that
 * Linux and Pagoda must print the same lines.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define PAGE 4096UL

static const char *
errname(long ret)
{
	if (ret >= 0)
		return "ok";
	switch (-ret) {
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case EBADF: return "EBADF";
	case EACCES: return "EACCES";
	case EEXIST: return "EEXIST";
	case EOVERFLOW: return "EOVERFLOW";
	case EFAULT: return "EFAULT";
	default: return "other";
	}
}

static uintptr_t
brk_(uintptr_t a)
{
	return (uintptr_t)raw(SYS_brk, a, 0, 0, 0, 0, 0);
}

static long
mmap_(uintptr_t addr, size_t len, int prot, int flags, int fd, long off)
{
	return raw(SYS_mmap, addr, len, prot, flags, fd, off);
}

/* touches - does writing to @p kill a child with SIGSEGV? */
static const char *
write_fate(volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		*p = 1;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "ok";
}

static void
brk_tests(void)
{
	uintptr_t start = brk_(0), b;

	printf("brk(0) page-aligned: %d\n", (start & (PAGE - 1)) == 0);
	b = brk_(start + 100);
	printf("grow by 100: +%lu\n", (unsigned long)(b - start));
	printf("zero-filled: %d\n", ((char *)start)[50] == 0);
	((char *)start)[99] = 7;
	printf("equal request: +%lu\n", (unsigned long)(brk_(start + 100) - start));
	printf("grow to 3 pages: +%lu\n", (unsigned long)(brk_(start + 3 * PAGE) - start));
	memset((char *)start, 0x55, 3 * PAGE);
	b = brk_(start + 3 * PAGE - 10);
	printf("shrink within a page keeps contents: +%lu, byte %d\n", (unsigned long)(b - start),
	       ((char *)start)[2 * PAGE + 5]);
	printf("shrink to 1 page: +%lu\n", (unsigned long)(brk_(start + PAGE) - start));
	printf("write above the break: %s\n", write_fate((char *)start + 2 * PAGE));
	b = brk_(start + 3 * PAGE);
	printf("regrow: +%lu, old data gone: %d\n", (unsigned long)(b - start),
	       ((char *)start)[2 * PAGE + 5] == 0);
	/* (glibc moved the break before main: only the very bottom is surely below it) */
	printf("below start refused: +%lu\n", (unsigned long)(brk_(1) - start));
	printf("kernel address refused: +%lu\n",
	       (unsigned long)(brk_(0xffffffff80000000UL) - start));
	/* A mapping just above the heap: growth must stop a page below it. */
	long m = mmap_(start + 8 * PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		       -1, 0);
	printf("map above heap: %s\n", errname(m));
	printf("grow into it refused: +%lu\n", (unsigned long)(brk_(start + 8 * PAGE) - start));
	printf("grow to the gap: +%lu\n", (unsigned long)(brk_(start + 7 * PAGE) - start));
	raw(SYS_munmap, start + 8 * PAGE, PAGE, 0, 0, 0, 0);
	brk_(start);
}

static void
mmap_errors(void)
{
	int anon = MAP_PRIVATE | MAP_ANONYMOUS;

	printf("len 0: %s\n", errname(mmap_(0, 0, PROT_READ, anon, -1, 0)));
	printf("huge len: %s\n", errname(mmap_(0, -PAGE, PROT_READ, anon, -1, 0)));
	printf("no type: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0)));
	printf("unaligned fixed: %s\n",
	       errname(mmap_(0x10000001, PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
	printf("unaligned offset: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, 0, 1)));
	printf("bad fd: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, 99, 0)));
	printf("fixed beyond user space: %s\n",
	       errname(mmap_(0x7ffffffff000UL, 2 * PAGE, PROT_READ, anon | MAP_FIXED, -1, 0)));
	printf("munmap unaligned: %s\n", errname(raw(SYS_munmap, 1, PAGE, 0, 0, 0, 0)));
	printf("munmap len 0: %s\n", errname(raw(SYS_munmap, 0x10000000, 0, 0, 0, 0, 0)));
	printf("mprotect unaligned: %s\n", errname(raw(SYS_mprotect, 1, PAGE, PROT_READ, 0, 0, 0)));
	printf("mprotect unmapped: %s\n",
	       errname(raw(SYS_mprotect, 0x10000000, PAGE, PROT_READ, 0, 0, 0)));
	printf("mprotect bad prot: %s\n",
	       errname(raw(SYS_mprotect, 0x10000000, PAGE, 0x100, 0, 0, 0)));
}

static void
mmap_sizes(void)
{
	static const size_t sizes[] = { 1, 4095, 4096, 4097, 65536, 200 * 1024, 1 << 20, 64 << 20 };

	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		long p = mmap_(0, sizes[i], PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);
		char *c = (char *)p;

		c[0] = 1;
		c[sizes[i] - 1] = 2;
		int aligned = (p & (PAGE - 1)) == 0, zero = c[sizes[i] / 2] == 0 || sizes[i] < 3;
		long unmapped = raw(SYS_munmap, p, sizes[i], 0, 0, 0, 0);

		printf("mmap %zu: aligned %d, zero inside %d, munmap %s\n", sizes[i], aligned, zero,
		       errname(unmapped));
	}
}

static void
split_and_protect(void)
{
	long p = mmap_(0, 4 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	printf("munmap middle: %s\n", errname(raw(SYS_munmap, p + PAGE, PAGE, 0, 0, 0, 0)));
	printf("hole mprotect: %s\n",
	       errname(raw(SYS_mprotect, p + PAGE, PAGE, PROT_READ, 0, 0, 0)));
	printf("range with hole mprotect: %s\n",
	       errname(raw(SYS_mprotect, p, 3 * PAGE, PROT_READ, 0, 0, 0)));
	printf("touch hole: %s\n", write_fate((char *)p + PAGE));
	printf("touch after hole: %s\n", write_fate((char *)p + 2 * PAGE));
	printf("mprotect read-only: %s\n",
	       errname(raw(SYS_mprotect, p + 2 * PAGE, 2 * PAGE, PROT_READ, 0, 0, 0)));
	printf("write read-only: %s\n", write_fate((char *)p + 3 * PAGE));
	long f = mmap_(p + PAGE, PAGE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	printf("fixed-noreplace into the hole: %s\n", errname(f));
	printf("fixed-noreplace onto a mapping: %s\n",
	       errname(mmap_(p, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
			     -1, 0)));
	long g = mmap_(p + PAGE / 2 * 3, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		       -1, 0);
	printf("fixed straddling, unaligned: %s\n", errname(g));
	raw(SYS_munmap, p, 4 * PAGE, 0, 0, 0, 0);
}

/*
 * mprotect_grows - PROT_GROWSDOWN and PROT_GROWSUP: not both; GROWSDOWN
 * only on a mapping that grows down (MAP_GROWSDOWN, the stack), and then
 * down to its start; GROWSUP never on x86-64. Checked before the range.
 */
static void
mprotect_grows(void)
{
	const long both = PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP;
	const long rw = PROT_READ | PROT_WRITE;
	long p = mmap_(0, 4 * PAGE, rw, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long s = mmap_(0, 4 * PAGE, rw, MAP_PRIVATE | MAP_ANONYMOUS | MAP_GROWSDOWN, -1, 0);

	printf("grows both: %s\n", errname(raw(SYS_mprotect, p, PAGE, both, 0, 0, 0)));
	printf("grows both, unaligned: %s\n",
	       errname(raw(SYS_mprotect, p + 1, PAGE, both, 0, 0, 0)));
	printf("grows both, huge len: %s\n", errname(raw(SYS_mprotect, p, -PAGE, both, 0, 0, 0)));
	printf("grows both, bad prot: %s\n",
	       errname(raw(SYS_mprotect, p, PAGE, both | 0x100, 0, 0, 0)));
	printf("growsdown, not a stack: %s\n",
	       errname(raw(SYS_mprotect, p + PAGE, PAGE, PROT_READ | PROT_GROWSDOWN, 0, 0, 0)));
	printf("growsup: %s\n",
	       errname(raw(SYS_mprotect, p + PAGE, PAGE, PROT_READ | PROT_GROWSUP, 0, 0, 0)));
	printf("growsup, grows-down mapping: %s\n",
	       errname(raw(SYS_mprotect, s, PAGE, PROT_READ | PROT_GROWSUP, 0, 0, 0)));
	printf("growsdown, unmapped: %s\n",
	       errname(raw(SYS_mprotect, 0x10000000, PAGE, PROT_READ | PROT_GROWSDOWN, 0, 0, 0)));
	printf("growsup, unmapped: %s\n",
	       errname(raw(SYS_mprotect, 0x10000000, PAGE, PROT_READ | PROT_GROWSUP, 0, 0, 0)));
	printf("write to MAP_GROWSDOWN: %s\n", write_fate((char *)s));
	printf("growsdown, grows-down mapping: %s\n",
	       errname(raw(SYS_mprotect, s + 2 * PAGE, PAGE, PROT_READ | PROT_GROWSDOWN, 0, 0, 0)));
	printf("then its first page: %s, its last: %s\n", write_fate((char *)s),
	       write_fate((char *)s + 3 * PAGE));
	raw(SYS_munmap, p, 4 * PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, s, 4 * PAGE, 0, 0, 0, 0);
}

static void
shared_and_private(void)
{
	int *shared =
		(int *)mmap_(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int *priv =
		(int *)mmap_(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	*shared = 1;
	*priv = 1;
	if (fork() == 0) {
		*shared = 2;
		*priv = 2;
		_exit(0);
	}
	wait(&status);
	printf("after the child wrote: shared %d, private %d\n", *shared, *priv);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	brk_tests();
	mmap_errors();
	mmap_sizes();
	split_and_protect();
	mprotect_grows();
	shared_and_private();
	return 0;
}
