/*
 * libc/src/internal/errno.c - the errno variable.
 *
 * Set by __syscall_ret() when a system call fails, and by library
 * functions (strtol's ERANGE, ...). One thread per process on Pagoda, so a
 * plain global does; glibc and musl use a per-thread one.
 */
#include <errno.h>

int errno;
