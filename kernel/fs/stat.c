/*
 * kernel/fs/stat.c - stat, lstat, fstat, newfstatat, readlink, readlinkat.
 *
 * The stat calls fill in a struct stat in Linux's x86-64 layout
 * (include/uapi/stat.h) from an inode: glibc's fstat, stat and lstat are
 * all newfstatat (or fstat) underneath, and printf uses the result to
 * decide whether stdout is a terminal (S_IFCHR) and how big a buffer to
 * use (st_blksize). readlink reads a symbolic link's target without a NUL,
 * cut at the buffer size.
 *
 * Counterpart: Linux fs/stat.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* Every inode is on one device; Linux shows a number per mounted file system. */
#define PAGODA_ROOT_DEV 1

/* generic_fillattr - @inode's attributes as stat reports them. */
void
generic_fillattr(const struct inode *inode, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = PAGODA_ROOT_DEV;
	st->st_ino = inode->i_ino;
	st->st_nlink = inode->i_nlink;
	st->st_mode = inode->i_mode;
	st->st_uid = inode->i_uid;
	st->st_gid = inode->i_gid;
	st->st_rdev = inode->i_rdev;
	st->st_size = inode->i_size;
	st->st_blksize = 4096; /* a page: what stdio allocates per stream */
	/* 512-byte units of the pages a file holds: a tmpfs file's page
	 * cache (a hole holds none), else whole pages for its size. */
	if (inode->i_mapping)
		st->st_blocks = inode->i_mapping->nrpages * (4096 / 512);
	else
		st->st_blocks = ALIGN_UP((uint64_t)inode->i_size, 4096) / 512;
	st->st_atime = st->st_mtime = st->st_ctime = inode->i_mtime;
}

/* cp_new_stat - copy the stat of @inode to user @statbuf: 0 or -EFAULT. */
static long
cp_new_stat(const struct inode *inode, struct stat __user *statbuf)
{
	struct stat st;

	generic_fillattr(inode, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

/* vfs_fstatat - stat for a path from @dfd, following a final link unless told not to. */
static long
vfs_fstatat(int dfd, const char __user *filename, struct stat __user *statbuf, int flags)
{
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct inode *inode;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, lookup, flags, &inode);
	if (err)
		return err;
	return cp_new_stat(inode, statbuf);
}

/* stat - the attributes of what @filename names, links followed. */
SYSCALL_DEFINE2(stat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, 0);
}

/* lstat - the same, but a final symbolic link describes itself. */
SYSCALL_DEFINE2(lstat, const char __user *, filename, struct stat __user *, statbuf)
{
	return vfs_fstatat(AT_FDCWD, filename, statbuf, AT_SYMLINK_NOFOLLOW);
}

/* newfstatat - stat from @dfd; glibc's stat(), lstat() and fstat() use it. */
SYSCALL_DEFINE4(newfstatat, int, dfd, const char __user *, filename, struct stat __user *, statbuf,
		int, flag)
{
	return vfs_fstatat(dfd, filename, statbuf, flag);
}

/* fstat - the attributes of the open file @fd. */
SYSCALL_DEFINE2(fstat, unsigned int, fd, struct stat __user *, statbuf)
{
	struct file *file = fget(fd);
	long err;

	if (!file)
		return -EBADF;
	err = cp_new_stat(file->f_inode, statbuf);
	fput(file);
	return err;
}

/*
 * do_readlinkat - copy the target of the link @pathname names (not
 * followed) to @buf, at most @bufsiz bytes, no NUL: the bytes copied,
 * -EINVAL for a non-link or @bufsiz <= 0.
 */
static long
do_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	struct inode *inode;
	char *target;
	long len;

	if (bufsiz <= 0)
		return -EINVAL;
	len = user_path_at(dfd, pathname, 0, AT_EMPTY_PATH, &inode);
	if (len)
		return len;
	target = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	len = inode_readlink(inode, target, min((size_t)bufsiz, (size_t)PATH_MAX));
	if (len > 0 && copy_to_user(buf, target, len))
		len = -EFAULT;
	kfree(target);
	return len;
}

/* readlink - a link's target, no NUL (glibc reads /proc/self/exe at start). */
SYSCALL_DEFINE3(readlink, const char __user *, path, char __user *, buf, int, bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* readlinkat - readlink relative to @dfd. */
SYSCALL_DEFINE4(readlinkat, int, dfd, const char __user *, pathname, char __user *, buf, int,
		bufsiz)
{
	return do_readlinkat(dfd, pathname, buf, bufsiz);
}
