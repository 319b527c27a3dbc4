/*
 * libc/src/fcntl/open.c - opening and closing files: open(), openat(),
 * creat(), close(), fcntl().
 *
 * open() is Linux's open(2) system call; the mode argument is read only
 * when O_CREAT asks for one (C passes it through "..."). glibc implements
 * open() with openat(AT_FDCWD, ...); Pagoda calls open directly so the
 * kernel sees the call the program made.
 */
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include "../internal/syscall.h"

/*
 * open - open @path with O_* @flags; with O_CREAT, a third argument gives
 * the new file's permission bits. Returns the new fd, or -1 with errno.
 */
int
open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall3(__NR_open, (long)path, flags, mode));
}

/*
 * openat - open @path relative to the directory @dirfd (AT_FDCWD: the
 * current directory). Otherwise as open().
 */
int
openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	return __syscall_ret(__syscall4(__NR_openat, dirfd, (long)path, flags, mode));
}

/* creat - open(@path, O_CREAT | O_WRONLY | O_TRUNC, @mode) */
int
creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* close - release @fd. Returns 0, or -1 with errno (EBADF). */
int
close(int fd)
{
	return __syscall_ret(__syscall1(__NR_close, fd));
}

/*
 * fcntl - file-descriptor command @cmd (F_GETFD, F_SETFL, F_DUPFD, ...)
 * with its one integer argument, if any.
 */
int
fcntl(int fd, int cmd, ...)
{
	long arg;
	va_list ap;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_fcntl, fd, cmd, arg));
}
