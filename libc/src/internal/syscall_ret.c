/*
 * libc/src/internal/syscall_ret.c - turn a raw system-call result into the
 * C library's convention.
 *
 * The kernel returns a value, or -Exxx for an error (Linux reserves
 * -4095..-1, MAX_ERRNO, for errors, so any other value, even a "negative"
 * address from mmap, is a result). This is the one place in libc where
 * -Exxx becomes errno = Exxx and a return value of -1. musl's function of
 * the same name does the same job; glibc does it in INLINE_SYSCALL.
 */
#include <errno.h>
#include "syscall.h"

/*
 * __syscall_ret - convert the raw result @r of a system call.
 * Returns @r unchanged on success; on failure sets errno to -@r and
 * returns -1.
 */
long
__syscall_ret(unsigned long r)
{
	if (r > -(unsigned long)(MAX_ERRNO + 1)) {
		errno = -(long)r;
		return -1;
	}
	return (long)r;
}
