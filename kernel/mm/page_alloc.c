/*
 * kernel/mm/page_alloc.c - the buddy allocator: physical page frames.
 *
 * The bottom of the malloc chain. When a user program first writes to a
 * page of its heap, the page-fault handler (mm/memory.c) asks
 * alloc_pages() for a frame; when the heap shrinks or the process exits,
 * the frame comes back through __free_pages().
 *
 * Free memory is kept as blocks of 2^order frames, order 0 (4 KiB) to
 * MAX_PAGE_ORDER (4 MiB), each block aligned to its own size. free_area[k]
 * lists the free blocks of order k. Two blocks of order k that together
 * form an aligned block of order k+1 are "buddies": the buddy of the block
 * at frame number pfn is at pfn ^ 2^k.
 *
 *   allocate order k: take a block from the smallest non-empty list of
 *       order >= k; while it is too big, split it in halves and put the
 *       upper half back on the list one order below (expand).
 *   free order k: while the buddy is free and of the same order, take it
 *       off its list and merge; put the merged block on its list.
 *
 * So free memory never stays fragmented into buddies that could merge:
 * after every allocation is freed, the lists are as they were at boot.
 * Only the first struct page of a block says anything (PG_buddy and its
 * order); the frames themselves are never touched, except to zero them
 * for __GFP_ZERO.
 *
 * Counterpart: Linux mm/page_alloc.c (which adds zones, per-CPU lists,
 * watermarks and reclaim; Pagoda has one zone and no swapping).
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/string.h>

struct page *mem_map;
unsigned long max_pfn;

/* The free blocks of one order. */
struct free_area {
	struct list_head free_list; /* heads of free blocks (page->lru) */
	unsigned long nr_free;	    /* blocks on the list */
};

/* All of RAM is one zone ("Normal"), as on a 64-bit machine without DMA. */
struct zone {
	struct free_area free_area[NR_PAGE_ORDERS];
	unsigned long free_pages;    /* frames on all free lists */
	unsigned long managed_pages; /* frames ever given to the allocator */
};

static struct zone zone;

static inline bool
PageBuddy(const struct page *page)
{
	return page->flags & PG_buddy;
}

/* The free block headed by @page joins free_area[@order]. */
static inline void
add_to_free_list(struct page *page, unsigned int order)
{
	page->flags = PG_buddy;
	page->private = order;
	list_add(&page->lru, &zone.free_area[order].free_list);
	zone.free_area[order].nr_free++;
	zone.free_pages += 1UL << order;
}

static inline void
del_from_free_list(struct page *page, unsigned int order)
{
	list_del(&page->lru);
	page->flags = 0;
	page->private = 0;
	zone.free_area[order].nr_free--;
	zone.free_pages -= 1UL << order;
}

/* LAB(pmm) BEGIN: free blocks and their merging, splitting, allocation */
/*
 * __free_one_page - put the free block of 2^@order frames at @pfn on the
 * free lists, merging it with its buddy as long as the buddy is free and
 * whole (a free block of the same order).
 */
static void
__free_one_page(unsigned long pfn, unsigned int order)
{
	while (order < MAX_PAGE_ORDER) {
		unsigned long buddy_pfn = pfn ^ (1UL << order);

		if (buddy_pfn >= max_pfn)
			break;
		struct page *buddy = pfn_to_page(buddy_pfn);

		if (!PageBuddy(buddy) || buddy->private != order)
			break;
		del_from_free_list(buddy, order);
		pfn &= buddy_pfn; /* the merged block starts at the lower one */
		order++;
	}
	add_to_free_list(pfn_to_page(pfn), order);
}

/*
 * expand - a block of order @high at @page was taken to satisfy an
 * allocation of order @low: give back its upper halves, largest first,
 * until what remains is 2^@low frames.
 */
static void
expand(struct page *page, unsigned int low, unsigned int high)
{
	while (high > low) {
		high--;
		add_to_free_list(page + (1UL << high), high);
	}
}

/* __rmqueue - take a free block of 2^@order frames off the lists. */
static struct page *
__rmqueue(unsigned int order)
{
	for (unsigned int current_order = order; current_order <= MAX_PAGE_ORDER; current_order++) {
		struct free_area *area = &zone.free_area[current_order];

		if (list_empty(&area->free_list))
			continue;
		struct page *page = list_first_entry(&area->free_list, struct page, lru);

		del_from_free_list(page, current_order);
		expand(page, order, current_order);
		return page;
	}
	return NULL;
}

struct page *
alloc_pages(gfp_t gfp, unsigned int order)
{
	struct page *page;

	if (order > MAX_PAGE_ORDER)
		return NULL;
	page = __rmqueue(order);
	if (!page)
		return NULL;
	page->flags = PG_head;
	page->private = order;
	page->_refcount = 1;
	if (gfp & __GFP_ZERO)
		memset(page_address(page), 0, PAGE_SIZE << order);
	return page;
}
/* LAB(pmm) END */

/*
 * bad_free - freeing what cannot be freed is a kernel bug, never something
 * user input can cause: stop before the free lists are corrupted. The
 * panic's backtrace names the caller; @caller is printed too.
 */
static __noreturn void
bad_free(const char *why, struct page *page, unsigned int order, void *caller)
{
	panic("Bad page free: %s (pfn %#lx, order %u, caller %p)", why,
	      (unsigned long)(page - mem_map), order, caller);
}

/* LAB(pmm) BEGIN: freeing a block: the checks, the reference count, the merge */
void
__free_pages(struct page *page, unsigned int order)
{
	void *caller = __builtin_return_address(0);

	if (page < mem_map || page >= mem_map + max_pfn)
		bad_free("not a page the allocator owns", page, order, caller);
	if (PageBuddy(page))
		bad_free("double free", page, order, caller);
	if (!(page->flags & PG_head) || page->_refcount <= 0)
		bad_free("not an allocated block", page, order, caller);
	if (page->private != order)
		bad_free("wrong order", page, order, caller);
	if (--page->_refcount > 0)
		return; /* still in use by someone else */
	page->flags = 0;
	__free_one_page(page_to_pfn(page), order);
}
/* LAB(pmm) END */

unsigned long
__get_free_pages(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp, order);

	return page ? (unsigned long)page_address(page) : 0;
}

unsigned long
get_zeroed_page(gfp_t gfp)
{
	return __get_free_pages(gfp | __GFP_ZERO, 0);
}

void
free_pages(unsigned long addr, unsigned int order)
{
	if (addr != 0)
		__free_pages(virt_to_page((void *)addr), order);
}

unsigned long
nr_free_pages(void)
{
	return zone.free_pages;
}

unsigned long
nr_free_blocks(unsigned int order)
{
	return order <= MAX_PAGE_ORDER ? zone.free_area[order].nr_free : 0;
}

unsigned long
totalram_pages(void)
{
	return zone.managed_pages;
}

/*
 * free_area_init - start the allocator with no free memory, over @map, the
 * struct pages of frames 0 .. @nr_pfns - 1. Boot code then hands it the
 * free ranges with free_memory_range().
 */
void
free_area_init(struct page *map, unsigned long nr_pfns)
{
	mem_map = map;
	max_pfn = nr_pfns;
	memset(map, 0, nr_pfns * sizeof(struct page));
	memset(&zone, 0, sizeof(zone));
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		INIT_LIST_HEAD(&zone.free_area[order].free_list);
}

/*
 * free_memory_range - give the frames wholly inside [@start, @end) to the
 * allocator, in the largest aligned blocks that fit, so that a GiB of RAM
 * costs a few hundred list insertions rather than a quarter million.
 */
void
free_memory_range(phys_addr_t start, phys_addr_t end)
{
	unsigned long pfn = PHYS_PFN(ALIGN_UP(start, PAGE_SIZE));
	unsigned long end_pfn = min(PHYS_PFN(end), max_pfn);

	while (pfn < end_pfn) {
		unsigned int order = MAX_PAGE_ORDER;

		/* Shrink until the block is aligned and fits in the range. */
		while ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end_pfn)
			order--;
		zone.managed_pages += 1UL << order;
		__free_one_page(pfn, order);
		pfn += 1UL << order;
	}
}
