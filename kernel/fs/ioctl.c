/*
 * kernel/fs/ioctl.c - ioctl: a device-specific request on a descriptor.
 *
 * The request goes to the file kind's f_op->ioctl; only the console has
 * one (tty.c: TCGETS, TCSETS*, TIOCGWINSZ, ...). Anything else answers
 * -ENOTTY, "not a terminal": that is how glibc's isatty() tells a file or
 * pipe from a terminal, and why printf buffers fully when stdout is a pipe.
 *
 * Counterpart: Linux fs/ioctl.c.
 */
#include <pagoda/syscalls.h>

#include <uapi/errno.h>

#include "internal.h"

/* ioctl - request @cmd of @fd's device, @arg its argument (often a pointer). */
SYSCALL_DEFINE3(ioctl, unsigned int, fd, unsigned int, cmd, unsigned long, arg)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	ret = file->f_op->ioctl ? file->f_op->ioctl(file, cmd, arg) : -ENOTTY;
	fput(file);
	return ret;
}
