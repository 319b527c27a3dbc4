/*
 * libc/src/internal/syscall.h - what every system-call wrapper includes.
 *
 * A wrapper calls __syscallN() (the raw call, result or -errno) and hands
 * the result to __syscall_ret(), which sets errno and returns -1 on
 * failure. Wrappers that must see the raw value (brk, the exit path) use
 * __syscallN() alone.
 */
#ifndef LIBC_INTERNAL_SYSCALL_H
#define LIBC_INTERNAL_SYSCALL_H

#include <uapi/unistd_64.h>
#include "../../arch/x86_64/syscall_arch.h"

long __syscall_ret(unsigned long r);

/* The bytes of a signal mask the kernel reads and writes (rt_sigaction,
 * rt_sigprocmask, rt_sigpending, rt_sigsuspend, pselect6): one bit per
 * signal, _NSIG of them. glibc's sigset_t is larger. */
#define KERNEL_SIGSET_SIZE 8

#endif /* LIBC_INTERNAL_SYSCALL_H */
