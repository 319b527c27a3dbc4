/*
 * user/malloc_demo.c - the lecture program: what malloc(100) and
 * malloc(200 KiB) do, step by step.
 *
 * Top of the chain: main -> malloc (__libc_malloc, libc/malloc/malloc.c)
 * -> _int_malloc -> sysmalloc -> sbrk -> brk system call (small request)
 * or mmap (128 KiB and more). For each step it prints the request, the
 * chunk size malloc uses (nb), which way sysmalloc went (from
 * malloc_debug, Pagoda's counters in libc/malloc/malloc.h), the program
 * break before and after as offsets from where it started, and the line
 * of /proc/self/maps that holds the new block (when /proc exists).
 *
 * It avoids calling malloc behind the lecture's back: stdout gets a static
 * buffer (setvbuf), and /proc/self/maps is read with open/read, not fopen.
 * Built for Pagoda with its libc, and natively (build/malloc/malloc_demo,
 * libc/malloc/malloc.mk) with glibc's stdio and Pagoda's malloc.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "malloc.h"

static char stdout_buf[4096];
static char maps[64 * 1024];
static char *initial_brk;

static const char *const path_names[] = {
	[SYSMALLOC_NONE] = "none",
	[SYSMALLOC_BRK] = "brk: the heap grew with sbrk",
	[SYSMALLOC_MMAP] = "mmap: a mapping of its own",
	[SYSMALLOC_MMAP_HEAP] = "mmap: brk failed, the heap continued in a mapping",
};

/* Print the line of /proc/self/maps whose range holds @addr. */
static void
print_maps_line(const void *addr)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n = 0, got;
	char *line, *end;

	if (fd < 0) {
		printf("  /proc/self/maps: not available here\n");
		return;
	}
	while (n < (ssize_t)sizeof(maps) - 1 &&
	       (got = read(fd, maps + n, sizeof(maps) - 1 - n)) > 0)
		n += got;
	close(fd);
	maps[n] = '\0';
	for (line = maps; *line != '\0'; line = end + 1) {
		unsigned long start = 0, stop = 0;

		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (sscanf(line, "%lx-%lx", &start, &stop) == 2 && (uintptr_t)addr >= start &&
		    (uintptr_t)addr < stop) {
			printf("  /proc/self/maps: %.*s\n", (int)(end - line), line);
			return;
		}
		if (*end == '\0')
			break;
	}
	printf("  /proc/self/maps: no line holds %p\n", addr);
}

/* malloc(@bytes) and tell what happened on the way to the kernel. */
static void *
demo_malloc(const char *what, size_t bytes)
{
	unsigned long n_sys = malloc_debug.n_brk + malloc_debug.n_mmap + malloc_debug.n_mmap_heap;
	char *brk_before = sbrk(0), *brk_after;
	void *p;

	printf("%s = malloc(%zu)\n", what, bytes);
	p = malloc(bytes);
	brk_after = sbrk(0);
	printf("  chunk size nb = %zu (request + 8-byte size field, rounded up to 16)\n",
	       malloc_request2size(bytes));
	if (malloc_debug.n_brk + malloc_debug.n_mmap + malloc_debug.n_mmap_heap == n_sys)
		printf("  sysmalloc: not called, a free chunk or the top chunk had room\n");
	else
		printf("  sysmalloc: nb %s the mmap threshold %zu -> %s\n",
		       malloc_debug.last_nb >= malloc_debug.last_threshold ? ">=" : "<",
		       malloc_debug.last_threshold, path_names[malloc_debug.last_path]);
	printf("  break: +%#lx before, +%#lx after\n", (unsigned long)(brk_before - initial_brk),
	       (unsigned long)(brk_after - initial_brk));
	printf("  %s = %p\n", what, p);
	print_maps_line(p);
	return p;
}

/* free(@p) and show the break and the mapped bytes afterwards. */
static void
demo_free(const char *what, void *p)
{
	free(p);
	printf("free(%s)\n  break: +%#lx; mmapped chunks: %zu bytes\n", what,
	       (unsigned long)((char *)sbrk(0) - initial_brk), mallinfo2().hblkhd);
}

int
main(void)
{
	void *p, *q, *r;

	setvbuf(stdout, stdout_buf, _IOLBF, sizeof(stdout_buf));
	initial_brk = sbrk(0);
	printf("Pagoda malloc demo (break offsets are from the first break, %p)\n\n",
	       (void *)initial_brk);
	p = demo_malloc("p", 100);
	printf("\n");
	q = demo_malloc("q", 200 * 1024);
	printf("\n");
	demo_free("q", q);
	printf("  (freeing an mmapped chunk raises the mmap threshold to its size)\n\n");
	r = demo_malloc("r", 200 * 1024);
	printf("\n");
	demo_free("r", r);
	demo_free("p", p);
	/* The free top is under the (raised) trim threshold, so free() kept
	 * it; malloc_trim gives it back: systrim shrinks the break with brk. */
	malloc_trim(0);
	printf("malloc_trim(0)\n  break: +%#lx (systrim returned the free top with brk)\n",
	       (unsigned long)((char *)sbrk(0) - initial_brk));
	return 0;
}
