/*
 * libc/include/sys/prctl.h - arch_prctl() and its codes (the x86-64 FS and
 * GS base registers, used for thread-local storage).
 */
#ifndef _SYS_PRCTL_H
#define _SYS_PRCTL_H

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

int arch_prctl(int code, unsigned long addr);

#endif /* _SYS_PRCTL_H */
