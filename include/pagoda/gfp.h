/*
 * include/pagoda/gfp.h - the page-frame allocator's interface.
 *
 * Blocks of 2^order physically contiguous page frames, order 0 to
 * MAX_PAGE_ORDER, from the buddy allocator (kernel/mm/page_alloc.c). This
 * is the bottom of the malloc chain: the first write to a new heap page
 * faults, and the fault handler gets its frame here.
 *
 * Counterpart: Linux include/linux/gfp.h.
 */
#ifndef PAGODA_GFP_H
#define PAGODA_GFP_H

#include <pagoda/mm_types.h>

typedef unsigned int gfp_t;

#define __GFP_ZERO     0x1u /* fill the block with zeros */
#define GFP_KERNEL     0x0u /* an ordinary kernel allocation */
#define GFP_USER       0x0u /* a page for user space */

#define MAX_PAGE_ORDER 10 /* the largest block: 2^10 pages, 4 MiB */
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)

/*
 * alloc_pages - a block of 2^@order frames, its first struct page with one
 * reference; NULL when no block that large is free (never waits). Safe in
 * the page-fault path; takes no lock (one CPU, and callers do not
 * allocate from interrupt handlers).
 */
struct page *alloc_pages(gfp_t gfp, unsigned int order);

/* __free_pages - drop a reference to a block from alloc_pages(@order);
 * the last one frees it. Freeing a block twice, a frame the allocator
 * does not own, or with the wrong order is a kernel bug: it panics. */
void __free_pages(struct page *page, unsigned int order);

/* The same as kernel virtual addresses (in the direct map). */
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);

static inline void
free_page(unsigned long addr)
{
	free_pages(addr, 0);
}

/* Free frames now, and per order (as /proc/buddyinfo shows them). */
unsigned long nr_free_pages(void);
unsigned long nr_free_blocks(unsigned int order);

/* Frames the allocator manages (free or not): Linux's totalram_pages(). */
unsigned long totalram_pages(void);

/* Boot: the frames behind mem_map, and the free ranges it starts with. */
void free_area_init(struct page *map, unsigned long nr_pfns);
void free_memory_range(phys_addr_t start, phys_addr_t end);

#endif /* PAGODA_GFP_H */
