/*
 * libc/src/misc/ioctl.c - device control: ioctl() and isatty().
 */
#include <sys/ioctl.h>
#include <stdarg.h>
#include <unistd.h>
#include "../internal/syscall.h"

/*
 * ioctl - device request @request on @fd, with one pointer or integer
 * argument. Returns the request's result (mostly 0), or -1 with errno
 * (ENOTTY when @fd is not a device that knows @request).
 */
int
ioctl(int fd, unsigned long request, ...)
{
	long arg;
	va_list ap;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall3(__NR_ioctl, fd, request, arg));
}

/*
 * isatty - is @fd a terminal? Asks for its settings with TCGETS, which only
 * a terminal answers. Returns 1, or 0 with errno (ENOTTY, EBADF).
 */
int
isatty(int fd)
{
	struct termios t;

	return ioctl(fd, TCGETS, &t) == 0;
}
