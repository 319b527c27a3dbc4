/*
 * libc/include/errno.h - errno and the error numbers.
 *
 * The numbers are Linux's, from the ABI header the kernel uses too. A
 * system call that fails returns -Exxx in RAX; __syscall_ret() stores Exxx
 * here and makes the wrapper return -1. Pagoda's processes have one thread,
 * so errno is a plain variable.
 */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <uapi/errno.h>

extern int errno;

/* glibc's accessor, for code written against glibc. */
int *__errno_location(void);

/* the program's name, as glibc offers it (argv[0] and its last part) */
extern char *program_invocation_name;
extern char *program_invocation_short_name;

#endif /* _ERRNO_H */
