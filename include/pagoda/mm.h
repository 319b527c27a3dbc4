/*
 * include/pagoda/mm.h - page frames: numbers, struct pages, addresses.
 *
 * A frame can be named three ways: its page frame number (pfn, physical
 * address >> PAGE_SHIFT), its struct page in mem_map, and its address in
 * the kernel's direct map (page_address). These convert between them.
 *
 * Counterpart: Linux include/linux/mm.h, asm/page.h.
 */
#ifndef PAGODA_MM_H
#define PAGODA_MM_H

#include <pagoda/gfp.h>
#include <pagoda/mm_types.h>

#include <asm/page.h>

extern struct page *mem_map;  /* one struct page per frame, from pfn 0 */
extern unsigned long max_pfn; /* frames in mem_map: the end of RAM */

#define PHYS_PFN(pa)  ((unsigned long)((pa) >> PAGE_SHIFT))
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)

static inline unsigned long
page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *
pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline phys_addr_t
page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline struct page *
phys_to_page(phys_addr_t pa)
{
	return pfn_to_page(PHYS_PFN(pa));
}

/* page_address - the frame's kernel virtual address, in the direct map. */
static inline void *
page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* virt_to_page - the struct page of a direct-map address. */
static inline struct page *
virt_to_page(const void *va)
{
	return phys_to_page(__pa(va));
}

static inline int
page_ref_count(const struct page *page)
{
	return page->_refcount;
}

/* get_page - one more user of the block @page heads (e.g. a COW sharer). */
static inline void
get_page(struct page *page)
{
	page->_refcount++;
}

/* put_page - one user less; the last one frees the block. */
static inline void
put_page(struct page *page)
{
	__free_pages(page, page->private);
}

#endif /* PAGODA_MM_H */
