/*
 * tests/libc/brk_test.c - the program break through brk() and sbrk(), with
 * glibc's semantics: sbrk(0) is the current break, sbrk(n) returns the old
 * break, failure is (void *)-1 with ENOMEM and leaves the break alone.
 * Only offsets from the first break and booleans are printed: the break's
 * address is randomized on Linux. Compared with glibc only: musl's sbrk()
 * refuses every nonzero increment.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>

#define NRESULTS 16

static long results[NRESULTS];
static const char *names[NRESULTS];
static int nresults;

/* remember a value; printing now could move the break (stdio may malloc) */
static void
note(const char *name, long value)
{
	names[nresults] = name;
	results[nresults++] = value;
}

int
main(void)
{
	char *base = sbrk(0), *p;
	int i;

	note("sbrk(0) is page-aligned or not, offset from itself", (char *)sbrk(0) - base);
	p = sbrk(4096);
	note("sbrk(4096) returned the old break (offset)", p - base);
	note("break after sbrk(4096) (offset)", (char *)sbrk(0) - base);
	memset(p, 0xab, 4096); /* the new memory is usable */
	note("new memory holds what was written", p[4095] == (char)0xab);
	p = sbrk(10000);
	note("sbrk(10000) returned (offset)", p - base);
	note("break after (offset)", (char *)sbrk(0) - base);
	p = sbrk(-10000);
	note("sbrk(-10000) returned (offset)", p - base);
	note("break after shrinking (offset)", (char *)sbrk(0) - base);
	note("brk(base + 8192)", brk(base + 8192));
	note("break after brk (offset)", (char *)sbrk(0) - base);
	errno = 0;
	p = sbrk(1L << 50); /* beyond the 47-bit user address space */
	note("sbrk(1 PiB) failed", p == (void *)-1);
	note("errno is ENOMEM", errno == ENOMEM);
	note("break unchanged after failure (offset)", (char *)sbrk(0) - base);
	errno = 0;
	note("brk(base) shrinks back", brk(base));
	note("sbrk wrapping below 0 fails", sbrk(-(long)(unsigned long)base - 4096) == (void *)-1);
	note("errno is ENOMEM", errno == ENOMEM);

	for (i = 0; i < nresults; i++)
		printf("%s: %ld\n", names[i], results[i]);
	return 0;
}
