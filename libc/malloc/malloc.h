/*
 * libc/malloc/malloc.h - Pagoda's <malloc.h>: the allocator's public
 * extras beyond <stdlib.h> (mallopt, mallinfo2, malloc_trim, memalign...)
 * and malloc_debug, the counters that user/malloc_demo.c prints.
 *
 * Top of the malloc chain: programs call these; they are defined in
 * malloc.c, memalign.c and malloc_info.c. glibc counterpart: malloc/malloc.h.
 */
#ifndef PAGODA_MALLOC_H
#define PAGODA_MALLOC_H

#include <stddef.h>

/* mallopt() parameters: glibc's numbers. */
#define M_TRIM_THRESHOLD -1
#define M_TOP_PAD	 -2
#define M_MMAP_THRESHOLD -3
#define M_MMAP_MAX	 -4

/* The same fields as glibc's struct mallinfo2, with the same meaning. */
struct mallinfo2 {
	size_t arena;	 /* bytes obtained with sbrk (the heap) */
	size_t ordblks;	 /* free chunks in the bins, plus the top */
	size_t smblks;	 /* fastbin chunks: Pagoda has no fastbins, always 0 */
	size_t hblks;	 /* mmapped chunks */
	size_t hblkhd;	 /* bytes in mmapped chunks */
	size_t usmblks;	 /* unused (0), as in glibc */
	size_t fsmblks;	 /* bytes in fastbin chunks: always 0 */
	size_t uordblks; /* bytes of the heap in use (tcache chunks count as in use) */
	size_t fordblks; /* bytes of the heap free */
	size_t keepcost; /* bytes at the top that malloc_trim could give back */
};

/* Which way sysmalloc got memory the last time it ran. */
enum sysmalloc_path {
	SYSMALLOC_NONE,	     /* it has not run yet */
	SYSMALLOC_BRK,	     /* grew the heap with sbrk (brk) */
	SYSMALLOC_MMAP,	     /* gave the request its own mmap */
	SYSMALLOC_MMAP_HEAP, /* brk failed: heap grown with mmap instead */
};

/*
 * Pagoda's counters for lectures and measurements (no glibc equivalent):
 * what the last sysmalloc did, and how much memory came from the kernel.
 */
struct malloc_debug {
	enum sysmalloc_path last_path; /* the last sysmalloc's way */
	size_t last_nb;		       /* the chunk size it was asked for */
	size_t last_threshold;	       /* the mmap threshold it compared last_nb with */
	unsigned long n_brk;	       /* sysmalloc calls that used sbrk */
	unsigned long n_mmap;	       /* chunks given their own mmap */
	unsigned long n_mmap_heap;     /* heap growths through mmap (brk failed) */
	unsigned long n_trim;	       /* systrim calls that shrank the break */
	size_t kernel_bytes;	       /* heap (sbrk + mmapped heap) + mmapped chunks now */
	size_t max_kernel_bytes;       /* the peak of kernel_bytes */
};

extern struct malloc_debug malloc_debug;

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void *memalign(size_t alignment, size_t size);
int posix_memalign(void **memptr, size_t alignment, size_t size);
void *aligned_alloc(size_t alignment, size_t size);
void *valloc(size_t size);
void *pvalloc(size_t size);
size_t malloc_usable_size(void *ptr);
int mallopt(int param, int value);
int malloc_trim(size_t pad);
void malloc_stats(void);
struct mallinfo2 mallinfo2(void);

/* The chunk size malloc(@bytes) uses (request2size), for malloc_demo. */
size_t malloc_request2size(size_t bytes);

#endif /* PAGODA_MALLOC_H */
