/*
 * include/pagoda/pagemap.h - the page cache (mm/filemap.c) and the page
 * lock: PG_locked in page->flags.
 *
 * The page cache's calls come first: looking a file's page up, adding
 * one, reading one in, dirtying one, and the read and fault paths built
 * on them.
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

#include <pagoda/fs.h>
#include <pagoda/mm_types.h>

/* address_space_init_once - an empty cache of @host's pages, filled by @a_ops. */
void address_space_init_once(struct address_space *mapping, struct inode *host,
			     const struct address_space_operations *a_ops);

/* find_get_page - the cached page @index of @mapping, referenced; or NULL. */
struct page *find_get_page(struct address_space *mapping, unsigned long index);

/* add_to_page_cache_lru - put the new frame @page at @index: 0, -EEXIST, -ENOMEM. */
int add_to_page_cache_lru(struct page *page, struct address_space *mapping, unsigned long index);

/* delete_from_page_cache - take @page out of its file's cache; drops the cache's reference. */
void delete_from_page_cache(struct page *page);

/* read_mapping_page - page @index, read in if missing; referenced, or ERR_PTR. May sleep. */
struct page *read_mapping_page(struct address_space *mapping, unsigned long index,
			       struct file *file);

/* set_page_dirty - mark the cache page @page written (a_ops->dirty_folio): true if it was clean. */
bool set_page_dirty(struct page *page);

/* filemap_dirty_folio - the usual a_ops->dirty_folio: set and count PG_dirty. */
bool filemap_dirty_folio(struct address_space *mapping, struct page *page);

/* filemap_read - f_op->read through the page cache. */
ssize_t filemap_read(struct file *file, char __user *buf, size_t count, loff_t *ppos);

/* filemap_kernel_read - the same into kernel memory. */
ssize_t filemap_kernel_read(struct file *file, void *buf, size_t count, loff_t *ppos);

/* generic_perform_write - copy @buf (user memory if @user) into @inode's cache at *@ppos. */
ssize_t generic_perform_write(struct inode *inode, const void *buf, size_t count, loff_t *ppos,
			      bool user);

/* filemap_fault - the cache page for page @pgoff of @vma's file: 0 and *@pagep, or VM_FAULT_*. */
int filemap_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **pagep);

/* ---- mm/truncate.c ---- */

/* unmap_mapping_range - clear the PTEs of bytes [@holebegin, +@holelen) (0: to the end) everywhere. */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin, loff_t holelen);

/* truncate_inode_pages - drop @mapping's pages from byte @lstart on. */
void truncate_inode_pages(struct address_space *mapping, loff_t lstart);

/* truncate_pagecache - unmap and drop @inode's pages past @newsize, in every process. */
void truncate_pagecache(struct inode *inode, loff_t newsize);

/* ---- the page lock ---- */

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
