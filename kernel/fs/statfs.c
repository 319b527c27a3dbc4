/*
 * kernel/fs/statfs.c - statfs, fstatfs: how full is a file system?
 *
 * df asks this. Pagoda's one file system is the root tmpfs: its blocks
 * are pages (f_bsize 4096), its size the limit from rootfs_size= (half
 * of RAM by default), the free blocks what its files do not hold yet,
 * and its inodes the nr_inodes limit. /proc and the /dev nodes are parts
 * of the tree without a file system of their own here; they report
 * Linux's magic numbers for proc and devtmpfs with no blocks, and a
 * pipe pipefs's.
 *
 * Counterpart: Linux fs/statfs.c and shmem_statfs in mm/shmem.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/shmem.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/statfs.h>

#include "internal.h"

/* Linux's include/uapi/linux/magic.h */
#define PROC_SUPER_MAGIC 0x9fa0
#define PIPEFS_MAGIC	 0x50495045

/* shmem_statfs - the root tmpfs's counts into @buf. */
static void
shmem_statfs(struct statfs *buf)
{
	unsigned long used = min(node_page_state(NR_SHMEM), shmem_sb.max_blocks);

	buf->f_type = TMPFS_MAGIC;
	buf->f_blocks = shmem_sb.max_blocks;
	buf->f_bfree = buf->f_bavail = shmem_sb.max_blocks - used;
	buf->f_files = shmem_sb.max_inodes;
	buf->f_ffree = shmem_sb.free_inodes;
}

/* vfs_statfs - the statfs of the file system @inode is on. */
static void
vfs_statfs(const struct inode *inode, struct statfs *buf)
{
	memset(buf, 0, sizeof(*buf));
	buf->f_bsize = buf->f_frsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	buf->f_flags = ST_VALID;
	if (inode->i_sb)
		shmem_statfs(buf);
	else if (!inode->i_path)
		buf->f_type = PIPEFS_MAGIC;
	else if (strncmp(inode->i_path, "/proc", 5) == 0)
		buf->f_type = PROC_SUPER_MAGIC;
	else
		buf->f_type = TMPFS_MAGIC; /* /dev: devtmpfs is a tmpfs */
}

/* statfs - the file system of @pathname (links followed): 0 or -errno. */
SYSCALL_DEFINE2(statfs, const char __user *, pathname, struct statfs __user *, buf)
{
	struct inode *inode;
	struct statfs st;
	int err = user_path_at(AT_FDCWD, pathname, LOOKUP_FOLLOW, 0, &inode);

	if (err)
		return err;
	vfs_statfs(inode, &st);
	return copy_to_user(buf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* fstatfs - the file system of the file open on @fd: 0, -EBADF, -EFAULT. */
SYSCALL_DEFINE2(fstatfs, unsigned int, fd, struct statfs __user *, buf)
{
	struct file *file = fget(fd);
	struct statfs st;

	if (!file)
		return -EBADF;
	vfs_statfs(file->f_inode, &st);
	fput(file);
	return copy_to_user(buf, &st, sizeof(st)) ? -EFAULT : 0;
}
