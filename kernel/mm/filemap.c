/*
 * kernel/mm/filemap.c - the page cache, and the page lock.
 *
 * Every regular file's data live in page-cache pages: frames owned by the
 * file's struct address_space (inode->i_mapping), found by page offset
 * in its radix tree (lib/radix-tree.c). read() and write() copy to and
 * from these pages; a file mapping maps these very pages, so all of them
 * see one copy of the data:
 *
 *	inode --i_mapping--> address_space --i_pages--> page (index 0), page (1), ...
 *	                        |  ^                      ^
 *	                        |  +-- i_mmap: VMAs ------+-- their PTEs
 *	                        +-- a_ops: the file system (mm/shmem.c)
 *
 * The chain for a file access:
 *   read()  -> f_op->read = filemap_read -> read_mapping_page -> copy_to_user
 *   fault   -> handle_mm_fault -> do_fault (memory.c) -> filemap_fault ->
 *              read_mapping_page; do_fault maps the page (MAP_SHARED) or maps
 *              it read-only and copies it on the first write (MAP_PRIVATE)
 *   a missing page: read_mapping_page allocates a frame, adds it to the
 *              cache (add_to_page_cache_lru) and asks a_ops->read_folio to
 *              fill it (tmpfs: zeros; a disk file system: a read).
 *
 * The cache holds one reference to each of its pages; whoever looks a page
 * up (find_get_page) gets one more, and a PTE keeps that one. A page
 * leaves the cache when its file is truncated or dies
 * (truncate_inode_pages, mm/truncate.c).
 *
 * PG_locked is set while a frame's contents are not ready (I/O under
 * way). A task that needs them sleeps on page_wait until the holder's
 * unlock_page() wakes every sleeper; each checks its own page again.
 *
 * Counterpart: Linux mm/filemap.c (filemap_get_folio, filemap_add_folio,
 * filemap_read, filemap_fault, folio_lock, folio_unlock,
 * folio_wait_bit_common, and the hashed folio_wait_table).
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/lockdep.h>
#include <pagoda/mm.h>
#include <pagoda/pagemap.h>
#include <pagoda/radix-tree.h>
#include <pagoda/rmap.h>
#include <pagoda/sched.h>
#include <pagoda/string.h>
#include <pagoda/uaccess.h>
#include <pagoda/wait.h>

#include <uapi/errno.h>

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

/*
 * address_space_init_once - an empty page cache for @host whose pages
 * the file system @a_ops fills.
 */
void
address_space_init_once(struct address_space *mapping, struct inode *host,
			const struct address_space_operations *a_ops)
{
	mapping->host = host;
	mapping->i_pages = (struct radix_tree_root)RADIX_TREE_INIT;
	mapping->nrpages = 0;
	mapping->a_ops = a_ops;
	INIT_LIST_HEAD(&mapping->i_mmap);
}

/*
 * find_get_page - the page at @index of @mapping with a reference taken
 * for the caller (put_page it), or NULL when it is not cached.
 */
struct page *
find_get_page(struct address_space *mapping, unsigned long index)
{
	struct page *page = radix_tree_lookup(&mapping->i_pages, index);

	if (page)
		get_page(page);
	return page;
}

/*
 * add_to_page_cache_lru - make the new frame @page page @index of
 * @mapping. The cache takes a reference of its own; the caller keeps its
 * one. 0, -EEXIST when another page is there, -ENOMEM. Linux also puts the
 * page on an LRU list for reclaim; Pagoda has none yet.
 */
int
add_to_page_cache_lru(struct page *page, struct address_space *mapping, unsigned long index)
{
	int err = radix_tree_insert(&mapping->i_pages, index, page);

	if (err)
		return err;
	get_page(page);
	page->mapping = mapping;
	page->index = index;
	mapping->nrpages++;
	mod_node_page_state(NR_FILE_PAGES, 1);
	if (!mapping->a_ops->writepage)
		mod_node_page_state(NR_SHMEM, 1); /* memory is its only home */
	return 0;
}

/*
 * delete_from_page_cache - take @page out of its file's cache and drop
 * the cache's reference (the frame is freed unless someone else holds
 * it). Truncation unmaps it first (mm/truncate.c).
 */
void
delete_from_page_cache(struct page *page)
{
	struct address_space *mapping = page->mapping;

	radix_tree_delete(&mapping->i_pages, page->index);
	mapping->nrpages--;
	mod_node_page_state(NR_FILE_PAGES, -1);
	if (!mapping->a_ops->writepage)
		mod_node_page_state(NR_SHMEM, -1);
	if (page->flags & PG_dirty)
		mod_node_page_state(NR_FILE_DIRTY, -1);
	if (page_mapcount(page))
		mod_node_page_state(NR_FILE_MAPPED, -1);
	page->flags &= ~PG_dirty;
	page->mapping = NULL;
	put_page(page);
}

/*
 * set_page_dirty - @page (in the page cache) was written: it must be
 * written back before it may be dropped. True if it was clean.
 */
bool
set_page_dirty(struct page *page)
{
	struct address_space *mapping = page->mapping;

	if (mapping && mapping->a_ops->dirty_folio)
		return mapping->a_ops->dirty_folio(mapping, page);
	return filemap_dirty_folio(mapping, page);
}

/* filemap_dirty_folio - a_ops->dirty_folio of files without buffers: set
 * PG_dirty and count it; true if it was clean. */
bool
filemap_dirty_folio(struct address_space *mapping, struct page *page)
{
	if (page->flags & PG_dirty)
		return false;
	page->flags |= PG_dirty;
	if (page->mapping)
		mod_node_page_state(NR_FILE_DIRTY, 1);
	return true;
}

/*
 * read_mapping_page - page @index of @mapping, read in through
 * a_ops->read_folio (@file passed on) if not cached; with a reference for
 * the caller. ERR_PTR(-ENOMEM) or the file system's error. May sleep.
 */
struct page *
read_mapping_page(struct address_space *mapping, unsigned long index, struct file *file)
{
	struct page *page = find_get_page(mapping, index);
	int err;

	if (page) {
		wait_on_page_locked(page); /* another reader may still fill it */
		return page;
	}
	page = alloc_pages(GFP_USER, 0);
	if (!page)
		return ERR_PTR(-ENOMEM);
	page->flags |= PG_locked; /* nobody may see it before it is filled */
	err = add_to_page_cache_lru(page, mapping, index);
	if (err)
		goto out_put;
	err = mapping->a_ops->read_folio(file, page);
	if (err) {
		delete_from_page_cache(page);
		goto out_put;
	}
	return page;

out_put:
	if (PageLocked(page))
		unlock_page(page);
	put_page(page);
	return ERR_PTR(err);
}

/*
 * filemap_copy - copy up to @count bytes of @file at *@ppos to @buf, user
 * memory if @user, through the page cache; the bytes copied (0 at the end
 * of the file) or -errno if none were. Advances *@ppos.
 */
static ssize_t
filemap_copy(struct file *file, void *buf, size_t count, loff_t *ppos, bool user)
{
	struct inode *inode = file->f_inode;
	loff_t pos = *ppos;
	ssize_t done = 0, err = 0;

	if (pos < 0)
		return -EINVAL;
	while (count && pos < inode->i_size) {
		size_t offset = pos & (PAGE_SIZE - 1);
		size_t n = min(min(PAGE_SIZE - offset, count), (size_t)(inode->i_size - pos));
		struct page *page = read_mapping_page(inode->i_mapping, pos >> PAGE_SHIFT, file);

		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		if (!user)
			memcpy((char *)buf + done, (char *)page_address(page) + offset, n);
		else if (copy_to_user((char __user *)buf + done,
				      (char *)page_address(page) + offset, n))
			err = -EFAULT;
		put_page(page);
		if (err)
			break;
		done += n;
		pos += n;
		count -= n;
	}
	*ppos = pos;
	return done ? done : err;
}

/*
 * filemap_read - f_op->read of files in the page cache: up to @count
 * bytes at *@ppos to user @buf; the bytes read, 0 at end of file, or
 * -EFAULT / -ENOMEM when nothing could be read.
 */
ssize_t
filemap_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return filemap_copy(file, (void *)buf, count, ppos, true);
}

/* filemap_kernel_read - the same into kernel memory (kernel_read, exec). */
ssize_t
filemap_kernel_read(struct file *file, void *buf, size_t count, loff_t *ppos)
{
	return filemap_copy(file, buf, count, ppos, false);
}

/*
 * filemap_fault - the page-cache page for page @pgoff of @vma's file,
 * with a reference for the PTE the caller (do_fault) installs: 0 and
 * *@pagep set, VM_FAULT_SIGBUS for a page wholly past the end of the file
 * (the bytes of the last page past the end read as zeros), VM_FAULT_OOM.
 */
int
filemap_fault(struct vm_area_struct *vma, unsigned long pgoff, struct page **pagep)
{
	struct file *file = vma->vm_file;
	struct inode *inode = file->f_inode;
	struct page *page;

	if (pgoff >= DIV_ROUND_UP((unsigned long)inode->i_size, PAGE_SIZE))
		return VM_FAULT_SIGBUS;
	page = read_mapping_page(inode->i_mapping, pgoff, file);
	if (IS_ERR(page))
		return PTR_ERR(page) == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	*pagep = page;
	return 0;
}

/*
 * generic_perform_write - copy @count bytes from @buf (user memory if
 * @user) into @inode's page cache at *@ppos, page by page, growing
 * i_size; a missing page is made by a_ops->read_folio (tmpfs: zeros, or
 * -ENOSPC when full). Returns the bytes written, or -errno when none
 * were; advances *@ppos. Each page written is dirty (set_page_dirty).
 */
ssize_t
generic_perform_write(struct inode *inode, const void *buf, size_t count, loff_t *ppos, bool user)
{
	loff_t pos = *ppos;
	ssize_t done = 0, err = 0;

	while (count) {
		size_t offset = pos & (PAGE_SIZE - 1);
		size_t n = min(PAGE_SIZE - offset, count);
		struct page *page = read_mapping_page(inode->i_mapping, pos >> PAGE_SHIFT, NULL);
		char *to;

		if (IS_ERR(page)) {
			err = PTR_ERR(page);
			break;
		}
		to = (char *)page_address(page) + offset;
		if (!user)
			memcpy(to, (const char *)buf + done, n);
		else if (copy_from_user(to, (const char __user *)buf + done, n))
			err = -EFAULT;
		if (!err)
			set_page_dirty(page);
		put_page(page);
		if (err)
			break;
		done += n;
		pos += n;
		count -= n;
		if (pos > inode->i_size)
			inode->i_size = pos;
	}
	*ppos = pos;
	return done ? done : err;
}
