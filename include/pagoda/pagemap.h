/*
 * include/pagoda/pagemap.h - the page lock: PG_locked in page->flags.
 *
 * A page being read from disk (the page cache and swap of the next
 * issues) is locked while the I/O runs: whoever wants its contents calls
 * lock_page() and sleeps until the reader's unlock_page(). The lock is a
 * bit of struct page rather than a lock object, so that every frame has
 * one for free; sleepers wait on one wait queue shared by all pages
 * (Linux hashes pages onto a table of queues).
 *
 * Counterpart: Linux include/linux/pagemap.h (lock_page, unlock_page,
 * trylock_page, wait_on_page_locked), mm/filemap.c.
 */
#ifndef PAGODA_PAGEMAP_H
#define PAGODA_PAGEMAP_H

#include <pagoda/mm_types.h>

static inline bool
PageLocked(const struct page *page)
{
	return page->flags & PG_locked;
}

/* trylock_page - lock @page if it is unlocked; true when it was. */
static inline bool
trylock_page(struct page *page)
{
	if (PageLocked(page))
		return false;
	page->flags |= PG_locked;
	return true;
}

/* lock_page - lock @page, sleeping while someone else holds it. May sleep. */
void lock_page(struct page *page);

/* unlock_page - unlock @page (it must be locked) and wake its waiters. */
void unlock_page(struct page *page);

/* wait_on_page_locked - sleep until @page is unlocked, without taking it. */
void wait_on_page_locked(struct page *page);

#endif /* PAGODA_PAGEMAP_H */
