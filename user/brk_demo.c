/*
 * user/brk_demo.c - the program break, step by step (lecture L3).
 *
 * Asks the kernel directly with the brk system call (sbrk is the C
 * library's wrapper) and shows after each step: the break, the [heap]
 * line of /proc/self/maps, and the resident set size. The heap VMA grows
 * at once; memory becomes resident only when a page is first touched:
 * each first write faults, and the kernel gives the page a frame
 * (do_anonymous_page), counted by pgalloc_anon in /proc/vmstat.
 */
#include <stdint.h>
#include <sys/syscall.h>

#include "memshow.h"

static uintptr_t
raw_brk(uintptr_t addr)
{
	return (uintptr_t)syscall(SYS_brk, addr);
}

/* Anonymous frames the kernel has given on a first write, system-wide. */
static long
anon_allocs(void)
{
	return proc_value("/proc/vmstat", "pgalloc_anon");
}

int
main(void)
{
	uintptr_t start = raw_brk(0), cur;

	printf("1. brk(0) returns the break: %#lx\n", (unsigned long)start);
	show_maps("[heap]");
	printf("   VmRSS: %ld kB\n", rss_kb());

	cur = raw_brk(start + 64 * 1024);
	printf("2. brk(break + 64 KiB) = %#lx (grew by %lu bytes)\n", (unsigned long)cur,
	       (unsigned long)(cur - start));
	show_maps("[heap]");
	printf("   VmRSS: %ld kB (no page touched yet)\n", rss_kb());

	anon_allocs(); /* the first call writes (so faults in) its own buffer */

	long before = rss_kb(), allocs = anon_allocs();

	for (char *p = (char *)start; p < (char *)cur; p += 4096)
		*p = 1;
	allocs = anon_allocs() - allocs;
	printf("3. touched 16 pages: VmRSS %+ld kB, pgalloc_anon %+ld\n", rss_kb() - before,
	       allocs);

	printf("4. brk(break - 1) is a shrink within a page: %#lx\n",
	       (unsigned long)raw_brk(cur - 1));
	printf("5. brk(1) is below the heap: refused, the break stays %#lx\n",
	       (unsigned long)raw_brk(1));
	before = rss_kb();
	cur = raw_brk(start);
	printf("6. brk(start) shrinks the heap back: %#lx, VmRSS %+ld kB\n", (unsigned long)cur,
	       rss_kb() - before);
	show_maps("[heap]");
	return 0;
}
