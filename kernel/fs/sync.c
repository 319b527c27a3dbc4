/*
 * kernel/fs/sync.c - fsync, fdatasync, sync, syncfs.
 *
 * These ask that a file's data reach its store. Pagoda's only file
 * system is tmpfs, whose store is memory, so each is a valid no-op once
 * its arguments are checked as Linux checks them: a closed descriptor is
 * EBADF, and a file that cannot be synced (a pipe, the console, /proc)
 * EINVAL. When a disk comes (the next issue), fsync is where dirty
 * page-cache pages are written back (address_space_operations.writepage).
 *
 * Counterpart: Linux fs/sync.c (and noop_fsync in fs/libfs.c).
 */
#include <pagoda/kernel.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>

#include "internal.h"

/* noop_fsync - see internal.h: tmpfs data are always where they belong. */
int
noop_fsync(struct file *file, int datasync)
{
	return 0;
}

/* do_fsync - fsync @fd (@datasync: only its data): 0, -EBADF or -EINVAL. */
static long
do_fsync(unsigned int fd, int datasync)
{
	struct file *file = fget(fd);
	long err = -EINVAL;

	if (!file)
		return -EBADF;
	if (file->f_op && file->f_op->fsync)
		err = file->f_op->fsync(file, datasync);
	fput(file);
	return err;
}

SYSCALL_DEFINE1(fsync, unsigned int, fd)
{
	return do_fsync(fd, 0);
}

SYSCALL_DEFINE1(fdatasync, unsigned int, fd)
{
	return do_fsync(fd, 1);
}

/* sync - write every file system's dirty data back: nothing to write on tmpfs. */
SYSCALL_DEFINE0(sync)
{
	return 0;
}

/* syncfs - sync the file system of @fd: 0, or -EBADF. */
SYSCALL_DEFINE1(syncfs, int, fd)
{
	struct file *file = fget(fd);

	if (!file)
		return -EBADF;
	fput(file);
	return 0;
}
