/*
 * include/uapi/prctl.h - arch_prctl(2) codes, shared by the kernel and
 * libc: the x86-64 FS and GS base registers, which C libraries point at
 * the thread's thread-local storage.
 *
 * Linux's values (arch/x86/include/uapi/asm/prctl.h).
 */
#ifndef UAPI_PRCTL_H
#define UAPI_PRCTL_H

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

#endif /* UAPI_PRCTL_H */
