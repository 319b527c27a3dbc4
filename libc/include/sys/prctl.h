/*
 * libc/include/sys/prctl.h - arch_prctl() and its codes (the x86-64 FS and
 * GS base registers, used for thread-local storage).
 */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#include <uapi/prctl.h>

int arch_prctl(int code, unsigned long addr);

#endif /* _SYS_PRCTL_H */
