/*
 * kernel/mm/truncate.c - dropping a file's pages: truncation and death.
 *
 * When a file shrinks (ftruncate, O_TRUNC) or dies (its last name and
 * last user gone), the pages past the new end leave its page cache. Two
 * steps, in Linux's order (truncate_pagecache):
 *
 *   unmap_mapping_range   every VMA that maps the file (the reverse map
 *                         mapping->i_mmap) loses its PTEs for those pages,
 *                         shared ones and private copies alike, in every
 *                         process: a later access there is past the end
 *                         of the file and gets SIGBUS (filemap_fault);
 *   truncate_inode_pages  the pages leave the cache (delete_from_page_cache)
 *                         and the frames go back to the buddy allocator
 *                         once nobody holds them; the part of the last
 *                         page past the new end is zeroed, so growing the
 *                         file again reads zeros there.
 *
 * Called by: shmem_setattr (ftruncate on tmpfs), the inode's death
 * (evict), and initramfs_free in host tests.
 *
 * Counterpart: Linux mm/truncate.c (truncate_inode_pages_range,
 * truncate_pagecache) and unmap_mapping_range in mm/memory.c.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/pagemap.h>
#include <pagoda/radix-tree.h>
#include <pagoda/string.h>

#define TRUNCATE_BATCH 16 /* pages looked up at a time (Linux: a folio_batch of 31) */

/*
 * unmap_mapping_range - clear every PTE that maps pages [@holebegin,
 * @holebegin + @holelen) (bytes; @holelen 0: to the end) of @mapping's
 * file, in every VMA of every process that maps it. Private COW copies
 * of those pages go too (Linux's even_cows, which truncation sets).
 */
void
unmap_mapping_range(struct address_space *mapping, loff_t holebegin, loff_t holelen)
{
	unsigned long first = holebegin >> PAGE_SHIFT;
	unsigned long last =
		holelen ? (unsigned long)((holebegin + holelen - 1) >> PAGE_SHIFT) : ~0UL;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, &mapping->i_mmap, shared)
	{
		unsigned long vfirst = vma->vm_pgoff;
		unsigned long vlast = vfirst + ((vma->vm_end - vma->vm_start) >> PAGE_SHIFT) - 1;
		unsigned long from = max(first, vfirst), to = min(last, vlast);

		if (from > to)
			continue;
		zap_page_range(vma, vma->vm_start + ((from - vfirst) << PAGE_SHIFT),
			       vma->vm_start + ((to - vfirst + 1) << PAGE_SHIFT));
	}
}

/* zero_partial_page - zero the bytes of the page holding @lstart from there on. */
static void
zero_partial_page(struct address_space *mapping, loff_t lstart)
{
	size_t offset = lstart & (PAGE_SIZE - 1);
	struct page *page;

	if (!offset)
		return;
	page = find_get_page(mapping, lstart >> PAGE_SHIFT);
	if (!page)
		return;
	memset((char *)page_address(page) + offset, 0, PAGE_SIZE - offset);
	put_page(page);
}

/*
 * truncate_inode_pages - drop every page of @mapping from byte @lstart on
 * (a page that holds @lstart stays, its tail zeroed). The caller has
 * unmapped them (unmap_mapping_range); a page still mapped stays in
 * memory until its last PTE goes, but no longer in the cache.
 */
void
truncate_inode_pages(struct address_space *mapping, loff_t lstart)
{
	unsigned long index = DIV_ROUND_UP((unsigned long)lstart, PAGE_SIZE);
	struct page *pages[TRUNCATE_BATCH];
	unsigned int n;

	zero_partial_page(mapping, lstart);
	while ((n = radix_tree_gang_lookup(&mapping->i_pages, (void **)pages, index,
					   TRUNCATE_BATCH))) {
		index = pages[n - 1]->index + 1; /* before the pages may be freed */
		for (unsigned int i = 0; i < n; i++) {
			wait_on_page_locked(pages[i]); /* nobody is filling it any more */
			delete_from_page_cache(pages[i]);
		}
	}
}

/*
 * truncate_pagecache - @inode's size became @newsize (bytes): unmap and
 * drop the pages past it, in every process. Unmapping twice, as Linux
 * does: a fault between the two steps could map a page again.
 */
void
truncate_pagecache(struct inode *inode, loff_t newsize)
{
	struct address_space *mapping = inode->i_mapping;
	loff_t holebegin = ALIGN_UP(newsize, PAGE_SIZE);

	unmap_mapping_range(mapping, holebegin, 0);
	truncate_inode_pages(mapping, newsize);
	unmap_mapping_range(mapping, holebegin, 0);
}
