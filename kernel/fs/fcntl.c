/*
 * kernel/fs/fcntl.c - fcntl: descriptor flags, file status flags, dup.
 *
 * F_GETFD/F_SETFD read and set the descriptor's one flag, FD_CLOEXEC
 * (kept in the table, see file.c); F_GETFL/F_SETFL the open file's status
 * flags, shared by every descriptor of it (only O_APPEND and O_NONBLOCK
 * can change after open); F_DUPFD and F_DUPFD_CLOEXEC are dup() with a
 * lowest acceptable descriptor.
 *
 * Counterpart: Linux fs/fcntl.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* The status flags F_SETFL may change (Linux's SETFL_MASK, less what Pagoda lacks). */
#define SETFL_MASK (O_APPEND | O_NONBLOCK)

/* f_dupfd - a new descriptor >= @from for @file: fd, -EINVAL or -EMFILE. */
static long
f_dupfd(struct files_struct *files, unsigned long from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= NR_OPEN_DEFAULT)
		return -EINVAL;
	fd = alloc_fd(files, from, get_file(file), flags);
	if (fd < 0)
		fput(file);
	return fd;
}

/*
 * do_fcntl - command @cmd with argument @arg on descriptor @fd of @files.
 * Unknown commands are -EINVAL, as in Linux.
 */
long
do_fcntl(struct files_struct *files, unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *file = files_lookup(files, fd);

	if (!file)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD: return f_dupfd(files, arg, file, 0);
	case F_DUPFD_CLOEXEC: return f_dupfd(files, arg, file, O_CLOEXEC);
	case F_GETFD: return (files->close_on_exec >> fd) & 1 ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			files->close_on_exec |= 1ULL << fd;
		else
			files->close_on_exec &= ~(1ULL << fd);
		return 0;
	case F_GETFL: return file->f_flags;
	case F_SETFL: file->f_flags = (file->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK); return 0;
	default: return -EINVAL;
	}
}

/* fcntl - see do_fcntl(); glibc's dup2 emulation and popen use it. */
SYSCALL_DEFINE3(fcntl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	return do_fcntl(current_files(), fd, cmd, arg);
}
