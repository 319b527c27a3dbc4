/*
 * tests/linux/mremap_madvise.c - mremap and madvise through raw system
 * calls: growing and shrinking in place, moving, MREMAP_FIXED and
 * MREMAP_DONTUNMAP, the error checks in Linux's order, and MADV_DONTNEED
 * on each kind of mapping. Prints only offsets, booleans and errno names.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define PAGE		 4096UL
#define RW		 (PROT_READ | PROT_WRITE)
#define ANON		 (MAP_PRIVATE | MAP_ANONYMOUS)

/* <sys/mman.h> names these only under _GNU_SOURCE. */
#define MREMAP_MAYMOVE	 1
#define MREMAP_FIXED	 2
#define MREMAP_DONTUNMAP 4

static const char *
errname(long ret)
{
	if (ret >= 0 || ret < -4095)
		return "ok";
	switch (-ret) {
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case EFAULT: return "EFAULT";
	case EBADF: return "EBADF";
	case EACCES: return "EACCES";
	case EAGAIN: return "EAGAIN";
	default: return "other";
	}
}

static long
map(long addr, unsigned long len, int flags)
{
	return raw(SYS_mmap, addr, len, RW, flags | (addr ? MAP_FIXED : 0), -1, 0);
}

static long
mremap_(long addr, unsigned long old_len, unsigned long new_len, long flags, long new_addr)
{
	return raw(SYS_mremap, addr, old_len, new_len, flags, new_addr, 0);
}

static long
madvise_(long addr, unsigned long len, long advice)
{
	return raw(SYS_madvise, addr, len, advice, 0, 0, 0);
}

/* mapped - is the page at @addr mapped? (mprotect fails with ENOMEM if not) */
static int
mapped(long addr)
{
	return raw(SYS_mprotect, addr, PAGE, RW, 0, 0, 0) == 0;
}

/* touch_fate - does reading @p kill a child with SIGSEGV or SIGBUS? */
static const char *
touch_fate(volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		(void)*p;
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (!WIFSIGNALED(status))
		return "ok";
	return WTERMSIG(status) == SIGSEGV  ? "SIGSEGV"
	       : WTERMSIG(status) == SIGBUS ? "SIGBUS"
					    : "signal";
}

/* fill - page i of @p holds the byte 'A' + i. */
static void
fill(long p, int npages)
{
	for (int i = 0; i < npages; i++)
		memset((char *)p + i * PAGE, 'A' + i, PAGE);
}

/* kept - do pages [0, npages) of @p still hold what fill() wrote? */
static int
kept(long p, int npages)
{
	for (int i = 0; i < npages; i++)
		if (((char *)p)[i * PAGE] != 'A' + i || ((char *)p)[i * PAGE + PAGE - 1] != 'A' + i)
			return 0;
	return 1;
}

/* area - a free range of @npages pages, found by mapping and unmapping it.
 * (On Linux, the pages above it may be [vvar]: nothing may reach past it.) */
static long
area(int npages)
{
	long p = map(0, npages * PAGE, ANON);

	raw(SYS_munmap, p, npages * PAGE, 0, 0, 0, 0);
	return p;
}

static void
mremap_errors(void)
{
	/* Linux puts [vvar] just above the first free area, and refuses to
	 * split it: keep every target inside our own area. */
	long base = area(8), p = map(base, 2 * PAGE, ANON), hole = base + 4 * PAGE;

	printf("mremap bad flags: %s\n", errname(mremap_(p, PAGE, PAGE, 8, 0)));
	printf("mremap fixed without maymove: %s\n",
	       errname(mremap_(p, PAGE, PAGE, MREMAP_FIXED, hole)));
	printf("mremap unaligned: %s\n", errname(mremap_(p + 1, PAGE, PAGE, 0, 0)));
	printf("mremap new len 0: %s\n", errname(mremap_(p, PAGE, 0, MREMAP_MAYMOVE, 0)));
	printf("mremap huge new len: %s\n", errname(mremap_(p, PAGE, -PAGE, MREMAP_MAYMOVE, 0)));
	printf("mremap unmapped: %s\n", errname(mremap_(hole, PAGE, 2 * PAGE, MREMAP_MAYMOVE, 0)));
	printf("mremap unmapped shrink: %s\n", errname(mremap_(hole, 2 * PAGE, PAGE, 0, 0)));
	printf("mremap across the end: %s\n",
	       errname(mremap_(p, 3 * PAGE, 4 * PAGE, MREMAP_MAYMOVE, 0)));
	printf("mremap fixed unaligned: %s\n",
	       errname(mremap_(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, hole + 1)));
	printf("mremap fixed overlapping: %s\n",
	       errname(mremap_(p + PAGE, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, p)));
	printf("mremap fixed beyond user space: %s\n",
	       errname(mremap_(p, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, 0x7ffffffff000L)));
	printf("mremap dontunmap resize: %s\n",
	       errname(mremap_(p, PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0)));
	printf("mremap dontunmap without maymove: %s\n",
	       errname(mremap_(p, PAGE, PAGE, MREMAP_DONTUNMAP, 0)));
	printf("mremap same size: %s, same place %d\n", errname(mremap_(p, PAGE, PAGE, 0, 0)),
	       mremap_(p, PAGE, PAGE, 0, 0) == p);
	raw(SYS_munmap, p, 2 * PAGE, 0, 0, 0, 0);
}

static void
mremap_in_place(void)
{
	long base = area(8), p = map(base, 2 * PAGE, ANON), r;

	fill(p, 2);
	r = mremap_(p, 2 * PAGE, 4 * PAGE, 0, 0);
	printf("grow in place: %s, same place %d, kept %d, new page zero %d\n", errname(r), r == p,
	       kept(p, 2), ((char *)p)[3 * PAGE] == 0);
	r = mremap_(p, 4 * PAGE, PAGE, 0, 0);
	printf("shrink: %s, same place %d, kept %d, tail mapped %d, tail read %s\n", errname(r),
	       r == p, kept(p, 1), mapped(p + PAGE), touch_fate((char *)p + PAGE));
	map(p + 2 * PAGE, PAGE, ANON);
	r = mremap_(p, PAGE, 3 * PAGE, 0, 0);
	printf("grow into a mapping: %s, tail mapped %d\n", errname(r), mapped(p + PAGE));
	r = mremap_(p, PAGE, 2 * PAGE, 0, 0);
	printf("grow up to it: %s\n", errname(r));
	raw(SYS_munmap, base, 8 * PAGE, 0, 0, 0, 0);
}

static void
mremap_move(void)
{
	long base = area(16), p = map(base, 2 * PAGE, ANON), r, q;

	fill(p, 2);
	map(p + 2 * PAGE, PAGE, ANON); /* blocks growth in place */
	r = mremap_(p, 2 * PAGE, 4 * PAGE, MREMAP_MAYMOVE, 0);
	printf("maymove: %s, moved %d, kept %d, old mapped %d, old read %s\n", errname(r), r != p,
	       kept(r, 2), mapped(p), touch_fate((char *)p));
	q = base + 8 * PAGE;
	map(q, 4 * PAGE, ANON);
	memset((char *)q, 'z', 4 * PAGE);
	p = mremap_(r, 4 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, q);
	printf("fixed over a mapping: %s, at new_addr %d, kept %d, replaced tail mapped %d\n",
	       errname(p), p == q, kept(q, 2), mapped(q + 2 * PAGE));
	printf("source gone: %d\n", !mapped(r));
	r = mremap_(q, 2 * PAGE, 2 * PAGE, MREMAP_MAYMOVE | MREMAP_DONTUNMAP, 0);
	printf("dontunmap: %s, moved %d, kept %d, old mapped %d, old reads zero %d\n", errname(r),
	       r != q, kept(r, 2), mapped(q), ((char *)q)[PAGE] == 0);
	raw(SYS_munmap, r, 2 * PAGE, 0, 0, 0, 0);
	/* The middle of a mapping moves out; the rest stays. */
	p = map(base, 4 * PAGE, ANON);
	fill(p, 4);
	r = mremap_(p + PAGE, PAGE, 3 * PAGE, MREMAP_MAYMOVE, 0);
	printf("middle moved: %s, moved %d, data %c, hole %d, ends kept %d %d\n", errname(r),
	       r != p + PAGE, ((char *)r)[0], !mapped(p + PAGE), ((char *)p)[0] == 'A',
	       ((char *)p)[2 * PAGE] == 'C');
	raw(SYS_munmap, r, 3 * PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, base, 16 * PAGE, 0, 0, 0, 0);
}

/* Shared anonymous memory is an object of fixed size: growing the mapping
 * does not grow it, and a page past its end raises SIGBUS. */
static void
mremap_shared(void)
{
	long base = area(4),
	     s = raw(SYS_mmap, base, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	long r;

	*(char *)s = 's';
	r = mremap_(s, PAGE, 2 * PAGE, 0, 0);
	printf("shared grown in place: %s, kept %d, past the object %s\n", errname(r),
	       *(char *)s == 's', touch_fate((char *)s + PAGE));
	raw(SYS_munmap, base, 4 * PAGE, 0, 0, 0, 0);
}

/* After fork, a moved copy-on-write page stays private to each side. */
static void
mremap_after_fork(void)
{
	long p = map(0, PAGE, ANON),
	     s = raw(SYS_mmap, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;

	*(char *)p = 'p';
	*(char *)s = 's';
	if (fork() == 0) {
		long q = mremap_(p, PAGE, 8 * PAGE, MREMAP_MAYMOVE, 0);
		long t = mremap_(s, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED, q + 4 * PAGE);

		*(char *)q = 'c';
		*(char *)t = 'c';
		_exit(0);
	}
	wait(&status);
	printf("after the child moved and wrote: private %c, shared %c\n", *(char *)p, *(char *)s);
	raw(SYS_munmap, p, PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, s, PAGE, 0, 0, 0, 0);
}

static void
madvise_checks(void)
{
	long p = map(0, 4 * PAGE, ANON);
	static const int ok[] = { MADV_NORMAL, MADV_RANDOM, MADV_SEQUENTIAL, MADV_WILLNEED,
				  MADV_FREE };

	fill(p, 4);
	for (unsigned i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		printf("madvise %d: %s\n", ok[i], errname(madvise_(p, 4 * PAGE, ok[i])));
	printf("madvise bad advice: %s\n", errname(madvise_(p, PAGE, 12345)));
	printf("madvise bad advice, unaligned: %s\n", errname(madvise_(p + 1, PAGE, 12345)));
	printf("madvise unaligned: %s\n", errname(madvise_(p + 1, PAGE, MADV_DONTNEED)));
	printf("madvise len 0: %s\n", errname(madvise_(p, 0, MADV_DONTNEED)));
	printf("madvise huge len: %s\n", errname(madvise_(p, -1UL, MADV_DONTNEED)));
	printf("madvise unmapped: %s\n", errname(madvise_(area(2), PAGE, MADV_DONTNEED)));
	printf("madvise unaligned len kept: %d\n", madvise_(p, 1, MADV_NORMAL) == 0);
	raw(SYS_munmap, p + 2 * PAGE, PAGE, 0, 0, 0, 0);
	fill(p, 2);
	/* (each call is a statement of its own: argument order is unspecified) */
	long r = madvise_(p + PAGE, 3 * PAGE, MADV_DONTNEED);

	printf("dontneed over a hole: %s, zeroed %d, after the hole zeroed %d\n", errname(r),
	       ((char *)p)[PAGE] == 0, ((char *)p)[3 * PAGE] == 0);
	printf("first page kept: %d\n", ((char *)p)[0] == 'A');
	r = madvise_(p, PAGE, MADV_DONTNEED);
	printf("dontneed private: %s, zeroed %d\n", errname(r),
	       ((char *)p)[0] == 0 && ((char *)p)[PAGE - 1] == 0);
	raw(SYS_munmap, p, 4 * PAGE, 0, 0, 0, 0);
}

static void
madvise_kinds(void)
{
	long s = raw(SYS_mmap, 0, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long c = map(0, PAGE, ANON);
	int status;

	*(char *)s = 's';
	long r = madvise_(s, PAGE, MADV_DONTNEED);

	printf("dontneed shared: %s, kept %d\n", errname(r), *(char *)s == 's');
	printf("free shared: %s\n", errname(madvise_(s, PAGE, MADV_FREE)));
	*(char *)c = 'p';
	if (fork() == 0) {
		madvise_(c, PAGE, MADV_DONTNEED);
		_exit(*(char *)c == 0 ? 0 : 1);
	}
	wait(&status);
	printf("child's dontneed: child saw zero %d, parent kept %d\n",
	       WIFEXITED(status) && WEXITSTATUS(status) == 0, *(char *)c == 'p');
	/* A private file mapping reads the file back after MADV_DONTNEED. */
	int fd = open("/proc/self/exe", O_RDONLY);
	long f = raw(SYS_mmap, 0, PAGE, RW, MAP_PRIVATE, fd, 0);

	printf("file map: %s, ELF %d\n", errname(f), memcmp((char *)f, "\177ELF", 4) == 0);
	memset((char *)f, 0, 4);
	r = madvise_(f, PAGE, MADV_DONTNEED);
	printf("dontneed file: %s, ELF again %d\n", errname(r),
	       memcmp((char *)f, "\177ELF", 4) == 0);
	printf("free file: %s\n", errname(madvise_(f, PAGE, MADV_FREE)));
	close(fd);
	raw(SYS_munmap, f, PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, s, PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, c, PAGE, 0, 0, 0, 0);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	mremap_errors();
	mremap_in_place();
	mremap_move();
	mremap_shared();
	mremap_after_fork();
	madvise_checks();
	madvise_kinds();
	return 0;
}
