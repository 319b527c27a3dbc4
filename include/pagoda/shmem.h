/*
 * include/pagoda/shmem.h - tmpfs (the root file system) and shared
 * anonymous memory (MAP_SHARED|MAP_ANONYMOUS), both in mm/shmem.c.
 *
 * tmpfs files keep their data in page-cache pages only; shmem_sb holds
 * the file system's limits (size=, nr_inodes=), which statfs reports.
 *
 * Pages that several processes map and all see each other's writes to:
 * they belong to a shmem_object, not to any one address space, so fork
 * shares them instead of copying, and they live until the last mapping is
 * gone.
 */
#ifndef PAGODA_SHMEM_H
#define PAGODA_SHMEM_H

#include <pagoda/fs.h>
#include <pagoda/mm_types.h>

#define TMPFS_MAGIC 0x01021994 /* statfs f_type (Linux's include/uapi/linux/magic.h) */

/* The tmpfs's limits: one CPU (Linux: sbinfo->stat_lock). */
struct shmem_sb_info {
	unsigned long max_blocks;  /* pages its files may hold (size=) */
	unsigned long max_inodes;  /* inodes it may have (nr_inodes=) */
	unsigned long free_inodes; /* of those, not in use */
};

extern struct shmem_sb_info shmem_sb;

/* shmem_nr_inodes - tmpfs inodes in use: the leak report counts them. */
static inline unsigned long
shmem_nr_inodes(void)
{
	return shmem_sb.max_inodes - shmem_sb.free_inodes;
}

/* The file operations of tmpfs regular files. */
extern const struct file_operations shmem_file_operations;

/* shmem_init - the root tmpfs's limits (rootfs_size= in @cmdline), at boot. */
void shmem_init(const char *cmdline);

/* shmem_get_inode - a new tmpfs entry @name in @dir (NULL: the root); NULL if no memory/inodes. */
struct inode *shmem_get_inode(struct inode *dir, const char *name, size_t len, umode_t mode);

struct shmem_object {
	int refcount;	      /* VMAs that map it */
	unsigned long npages; /* its size */
	struct page **pages;  /* NULL until a page is first touched */
};

struct shmem_object *shmem_create(unsigned long npages);
void shmem_get(struct shmem_object *obj);
void shmem_put(struct shmem_object *obj);

/* shmem_fault - map the object's page for @addr into @pte (allocating it). */
int shmem_fault(struct vm_area_struct *vma, unsigned long addr, uint64_t *pte);

#endif /* PAGODA_SHMEM_H */
