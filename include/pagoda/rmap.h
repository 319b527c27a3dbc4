/*
 * include/pagoda/rmap.h - how many page-table entries map a page.
 *
 * page->_mapcount counts the PTEs that map a frame, in every process:
 * the fault handlers add one when they install an entry
 * (page_add_file_rmap for a page-cache page, page_add_new_anon_rmap for a
 * fresh anonymous one), fork one per copied entry (page_dup_rmap), and
 * zap_page_range takes one away (page_remove_rmap). _refcount counts
 * every user, the page cache included; _mapcount only the mappings, which
 * /proc/meminfo's Mapped and the reclaim and smaps of later issues need.
 * The shared zero page is not counted.
 *
 * Pagoda's _mapcount starts at 0 for an unmapped page; Linux's starts at
 * -1 (page_mapcount() adds 1) so that the first mapper can tell by an
 * atomic increment reaching 0. One CPU: plain integers.
 *
 * Counterpart: Linux include/linux/rmap.h, mm/rmap.c (which also finds
 * every PTE of a page: the anon_vma chains and the file's i_mmap tree).
 */
#ifndef PAGODA_RMAP_H
#define PAGODA_RMAP_H

#include <pagoda/mm.h>

/* page_mapcount - the page-table entries mapping @page. */
static inline int
page_mapcount(const struct page *page)
{
	return page->_mapcount;
}

/* page_add_file_rmap - a PTE now maps page-cache page @page. */
static inline void
page_add_file_rmap(struct page *page)
{
	if (page->_mapcount++ == 0 && page->mapping)
		mod_node_page_state(NR_FILE_MAPPED, 1);
}

/* page_add_new_anon_rmap - a PTE maps the new anonymous page @page. */
static inline void
page_add_new_anon_rmap(struct page *page)
{
	page->_mapcount++;
}

/* page_dup_rmap - fork copied a PTE mapping @page. */
static inline void
page_dup_rmap(struct page *page)
{
	page->_mapcount++;
}

/* page_remove_rmap - a PTE mapping @page was cleared. */
static inline void
page_remove_rmap(struct page *page)
{
	if (--page->_mapcount == 0 && page->mapping)
		mod_node_page_state(NR_FILE_MAPPED, -1);
}

#endif /* PAGODA_RMAP_H */
