/*
 * kernel/mm/filemap.c - the page lock (see include/pagoda/pagemap.h).
 *
 * PG_locked is set while a frame's contents are not ready (I/O under
 * way). A task that needs them sleeps on page_wait until the holder's
 * unlock_page() wakes every sleeper; each checks its own page again.
 * The page cache that gives this file its name comes with the next
 * issues.
 *
 * Counterpart: Linux mm/filemap.c (folio_lock, folio_unlock,
 * folio_wait_bit_common, and the hashed folio_wait_table).
 */
#include <pagoda/kernel.h>
#include <pagoda/lockdep.h>
#include <pagoda/mm.h>
#include <pagoda/pagemap.h>
#include <pagoda/sched.h>
#include <pagoda/wait.h>

/* Where tasks sleep until some page is unlocked (Linux: 256 hashed queues). */
static struct wait_queue_head page_wait = { LIST_HEAD_INIT(page_wait.head) };

/* page_wait_unlocked - sleep until @page is unlocked; take it if @lock. */
static void
page_wait_unlocked(struct page *page, bool lock)
{
	DEFINE_WAIT(wait);

	might_sleep();
	for (;;) {
		prepare_to_wait_state(&page_wait, &wait, TASK_UNINTERRUPTIBLE);
		if (!PageLocked(page))
			break;
		schedule();
	}
	finish_wait(&page_wait, &wait);
	if (lock)
		page->flags |= PG_locked;
}

void
lock_page(struct page *page)
{
	might_sleep();
	if (!trylock_page(page))
		page_wait_unlocked(page, true);
}

void
unlock_page(struct page *page)
{
	if (!PageLocked(page))
		panic("unlock_page: the page of pfn %#lx is not locked", page_to_pfn(page));
	page->flags &= ~PG_locked;
	wake_up(&page_wait);
}

void
wait_on_page_locked(struct page *page)
{
	if (PageLocked(page))
		page_wait_unlocked(page, false);
}
