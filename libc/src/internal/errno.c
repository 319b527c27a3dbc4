/*
 * libc/src/internal/errno.c - the errno variable.
 *
 * Set by __syscall_ret() when a system call fails, and by library
 * functions (strtol's ERANGE, ...). One thread per process on Pagoda, so a
 * plain global does; glibc and musl use a per-thread one.
 */
#include <errno.h>

int errno;

/*
 * __errno_location - where errno lives, glibc's name for it. Code written
 * for glibc (the allocator's OS layer, libc/malloc/malloc-os.h) sets errno
 * through it; with one thread it is just &errno.
 */
int *
__errno_location(void)
{
	return &errno;
}
