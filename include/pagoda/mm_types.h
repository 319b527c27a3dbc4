/*
 * include/pagoda/mm_types.h - struct page, one per physical page frame.
 *
 * mem_map[] holds a struct page for every page frame from physical address
 * 0 up to the end of RAM (max_pfn frames); frame number pfn is
 * mem_map[pfn]. What a struct page means depends on who owns the frame,
 * told by its flags:
 *   PG_buddy  free, in the buddy allocator: it heads a free block of
 *             2^private frames on free_area[private] (lru links it);
 *   PG_head   allocated: it heads a block of 2^private frames with
 *             _refcount references;
 *   PG_slab   allocated, and a slab of kernel objects (mm/slab.c);
 *   none      a frame inside a block, a hole, or memory never given to the
 *             allocator (the kernel image, boot data).
 *
 * 32 bytes per 4 KiB frame: mem_map takes 0.8 % of RAM. A slab keeps its
 * bookkeeping in its own memory (mm/slab.c), not here.
 *
 * Counterpart: Linux include/linux/mm_types.h (64 bytes, with unions for
 * the page cache, slabs, page tables and more).
 */
#ifndef PAGODA_MM_TYPES_H
#define PAGODA_MM_TYPES_H

#include <pagoda/list.h>
#include <pagoda/types.h>

/* Bits of page->flags. */
#define PG_buddy    (1UL << 0) /* free, heads a block on a free list */
#define PG_head	    (1UL << 1) /* allocated, heads a block */
#define PG_slab	    (1UL << 2) /* holds slab objects */
#define PG_reserved (1UL << 3) /* never to be freed (e.g. the zero page) */

struct page {
	unsigned long flags;  /* PG_* bits */
	int _refcount;	      /* users of an allocated block; 0 when free */
	unsigned int private; /* order of the block this page heads */
	struct list_head lru; /* PG_buddy: link in free_area[order] */
};

#endif /* PAGODA_MM_TYPES_H */
