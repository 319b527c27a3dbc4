/*
 * kernel/mm/shmem.c - tmpfs, the root file system, and shared anonymous memory.
 *
 * tmpfs: a file system whose files live only in the page cache. The root
 * is one, as Linux's rootfs: at boot the initramfs archive is unpacked
 * into it (fs/initramfs.c calls shmem_get_inode and writes each file's
 * bytes with generic_perform_write), so every path is writable; /tmp and
 * /dev/shm are directories of it. A file's pages are its page cache
 * (mm/filemap.c) and nothing else: read_folio makes a zeroed page for a
 * hole, writepage is missing (nowhere to write to until swap comes), so
 * a page leaves memory only when the file shrinks or dies (mm/truncate.c).
 *
 *	read()/write() --> filemap_read / shmem_file_write --+
 *	mmap() fault   --> filemap_fault --------------------+--> page cache --> shmem_read_folio
 *
 * The size limit (Linux's size= mount option; rootfs_size= on Pagoda's
 * command line, in bytes with K/M/G, or % of RAM; half of RAM by default)
 * caps the pages all tmpfs files hold: a write or fault that needs one
 * more gets ENOSPC (SIGBUS in a fault). The inode limit is half of RAM's
 * pages, as Linux's nr_inodes default.
 *
 * Shared anonymous memory: a MAP_SHARED|MAP_ANONYMOUS mapping is backed
 * by a shmem_object: an array of frames, filled on first touch, that
 * every VMA mapping it (in this process and in forked children) uses.
 * Each frame carries one reference for the object and one per page-table
 * entry mapping it.
 *
 * Counterpart: Linux mm/shmem.c (which backs shared anonymous memory with
 * an unlinked tmpfs file too).
 */
#include <pagoda/cmdline.h>
#include <pagoda/fs.h>
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/pagemap.h>
#include <pagoda/rmap.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <asm/pgtable.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>

#include "../fs/internal.h"

struct shmem_sb_info shmem_sb; /* the one tmpfs: the root */

static void shmem_evict_inode(struct inode *inode);

static const struct super_operations shmem_ops = {
	.evict_inode = shmem_evict_inode,
};

static struct super_block shmem_super = {
	.s_magic = TMPFS_MAGIC,
	.s_op = &shmem_ops,
	.s_fs_info = &shmem_sb,
};

struct shmem_object *
shmem_create(unsigned long npages)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	obj->pages = kzalloc(npages * sizeof(struct page *), GFP_KERNEL);
	if (!obj->pages) {
		kfree(obj);
		return NULL;
	}
	obj->refcount = 1;
	obj->npages = npages;
	return obj;
}

void
shmem_get(struct shmem_object *obj)
{
	obj->refcount++;
}

void
shmem_put(struct shmem_object *obj)
{
	if (--obj->refcount > 0)
		return;
	for (unsigned long i = 0; i < obj->npages; i++)
		if (obj->pages[i])
			put_page(obj->pages[i]);
	kfree(obj->pages);
	kfree(obj);
}

int
shmem_fault(struct vm_area_struct *vma, unsigned long addr, uint64_t *pte)
{
	struct shmem_object *obj = vma->vm_shared;
	unsigned long index = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);

	/* The object keeps its size when mremap grows a mapping of it: a page
	 * past its end does not exist (Linux: the shmem file's size, SIGBUS). */
	if (index >= obj->npages)
		return VM_FAULT_SIGBUS;
	if (!obj->pages[index]) {
		obj->pages[index] = alloc_pages(GFP_USER | __GFP_ZERO, 0);
		if (!obj->pages[index])
			return VM_FAULT_OOM;
	}
	get_page(obj->pages[index]);
	/* The entry was empty: nothing to flush (asm/tlbflush.h). */
	spin_lock(&vma->vm_mm->page_table_lock);
	*pte = pfn_pte(page_to_pfn(obj->pages[index]), vma->vm_page_prot);
	page_add_new_anon_rmap(obj->pages[index]);
	spin_unlock(&vma->vm_mm->page_table_lock);
	vma->vm_mm->rss[MM_ANONPAGES]++;
	return 0;
}

/* ---- tmpfs ---- */

/*
 * shmem_read_folio - a_ops->read_folio: the new cache page @page of a
 * tmpfs file is a hole, so zeros; -ENOSPC when it would take the file
 * system past its size limit (the page is already counted in NR_SHMEM).
 */
static int
shmem_read_folio(struct file *file, struct page *page)
{
	if (node_page_state(NR_SHMEM) > shmem_sb.max_blocks)
		return -ENOSPC; /* the caller takes the page out again */
	memset(page_address(page), 0, PAGE_SIZE);
	unlock_page(page);
	return 0;
}

/* shmem_dirty_folio - tmpfs pages are dirty from birth and never written
 * back: set the flag without counting it in Dirty (Linux's noop_dirty_folio). */
static bool
shmem_dirty_folio(struct address_space *mapping, struct page *page)
{
	if (page->flags & PG_dirty)
		return false;
	page->flags |= PG_dirty;
	return true;
}

static const struct address_space_operations shmem_aops = {
	.read_folio = shmem_read_folio, .dirty_folio = shmem_dirty_folio,
	/* no writepage: memory is a tmpfs page's only home (until swap) */
};

/*
 * shmem_file_write - f_op->write of tmpfs files: into the page cache at
 * *@ppos (the end of the file with O_APPEND), growing the file. The
 * bytes written, or -EFAULT / -ENOSPC / -EFBIG when none were.
 */
static ssize_t
shmem_file_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct inode *inode = file->f_inode;

	if (file->f_flags & O_APPEND)
		*ppos = inode->i_size;
	if (*ppos < 0)
		return -EINVAL;
	if (!count)
		return 0;
	if ((unsigned long long)*ppos + count > MAX_LFS_FILESIZE)
		return -EFBIG;
	return generic_perform_write(inode, (const void *)buf, count, ppos, true);
}

/* shmem_mmap - any range of a tmpfs file may be mapped; faults find the
 * pages in the page cache (filemap_fault), so nothing to set up. */
static int
shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	return 0;
}

/*
 * shmem_fallocate - f_op->fallocate of tmpfs files: put a page in the
 * cache for each page of [@offset, @offset + @len) (zeros where there was
 * none), then grow the file to @offset + @len unless FALLOC_FL_KEEP_SIZE.
 * 0, or -ENOSPC past the size limit (the pages made so far stay, as
 * Linux's tmpfs, which undoes them, would not keep them: a simplification).
 */
static long
shmem_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file->f_inode;
	unsigned long index = offset >> PAGE_SHIFT;
	unsigned long end = (offset + len - 1) >> PAGE_SHIFT;

	for (; index <= end; index++) {
		struct page *page = read_mapping_page(inode->i_mapping, index, NULL);

		if (IS_ERR(page))
			return PTR_ERR(page);
		put_page(page);
	}
	if (!(mode & FALLOC_FL_KEEP_SIZE) && offset + len > inode->i_size)
		inode->i_size = offset + len;
	return 0;
}

const struct file_operations shmem_file_operations = {
	.read = filemap_read,
	.write = shmem_file_write,
	.llseek = generic_file_llseek,
	.mmap = shmem_mmap,
	.fsync = noop_fsync,
	.fallocate = shmem_fallocate,
};

/*
 * shmem_setattr - i_op->setattr of tmpfs files: a new size (truncate,
 * ftruncate, O_TRUNC). Shrinking unmaps and drops the pages past the new
 * end in every process (truncate_pagecache), so a later access there is
 * SIGBUS; growing adds a hole that reads as zeros. 0, or -EFBIG.
 */
static int
shmem_setattr(struct inode *inode, struct iattr *attr)
{
	loff_t oldsize = inode->i_size;

	if (!(attr->ia_valid & ATTR_SIZE))
		return 0;
	if (attr->ia_size > MAX_LFS_FILESIZE)
		return -EFBIG;
	inode->i_size = attr->ia_size;
	if (attr->ia_size < oldsize)
		truncate_pagecache(inode, attr->ia_size);
	return 0;
}

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
};

/*
 * shmem_get_inode - a new tmpfs entry @name (@len bytes) in directory
 * @dir (NULL: the root) with @mode: regular files get a page cache,
 * directories tmpfs's directory operations. NULL when out of memory or
 * out of inodes (the caller reports -ENOSPC if shmem_sb.free_inodes is 0).
 */
struct inode *
shmem_get_inode(struct inode *dir, const char *name, size_t len, umode_t mode)
{
	struct inode *inode;

	if (!shmem_sb.free_inodes)
		return NULL;
	inode = new_inode(dir, name, len, mode);
	if (!inode)
		return NULL;
	shmem_sb.free_inodes--;
	inode->i_sb = &shmem_super;
	if (S_ISREG(mode)) {
		inode->i_fop = &shmem_file_operations;
		inode->i_op = &shmem_inode_operations;
		address_space_init_once(&inode->i_data, inode, &shmem_aops);
		inode->i_mapping = &inode->i_data;
	}
	return inode;
}

/*
 * shmem_evict_inode - s_op->evict_inode: a tmpfs inode is dying (no name,
 * no user): drop its pages and give its inode back to the limit.
 */
static void
shmem_evict_inode(struct inode *inode)
{
	if (inode->i_mapping)
		truncate_inode_pages(inode->i_mapping, 0);
	shmem_sb.free_inodes++;
}

/*
 * parse_size - "64M", "512k", "1G", "1000000" (bytes) or "25%" (of
 * @ram_pages) as pages; 0 for a malformed value.
 */
static unsigned long
parse_size(const char *s, unsigned long ram_pages)
{
	unsigned long long v = 0;

	if (*s < '0' || *s > '9')
		return 0;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	switch (*s) {
	case '%': return *++s ? 0 : ram_pages * v / 100;
	case 'k':
	case 'K':
		v <<= 10;
		s++;
		break;
	case 'm':
	case 'M':
		v <<= 20;
		s++;
		break;
	case 'g':
	case 'G':
		v <<= 30;
		s++;
		break;
	}
	return *s ? 0 : DIV_ROUND_UP(v, PAGE_SIZE);
}

/*
 * shmem_init - the root tmpfs's limits, from rootfs_size= on the kernel
 * command line @cmdline (half of RAM without it or when it is malformed).
 * Called by fs_init before the initramfs is unpacked.
 */
void
shmem_init(const char *cmdline)
{
	unsigned long ram = totalram_pages();
	char buf[32];

	shmem_sb.max_blocks = ram / 2;
	if (cmdline && cmdline_find_option(cmdline, "rootfs_size", buf, sizeof(buf)) > 0 &&
	    parse_size(buf, ram))
		shmem_sb.max_blocks = parse_size(buf, ram);
	shmem_sb.max_inodes = shmem_sb.free_inodes = ram / 2;
}
