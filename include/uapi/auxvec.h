/*
 * include/uapi/auxvec.h - auxiliary-vector entry types, shared by the kernel
 * and libc.
 *
 * execve() leaves (type, value) pairs above envp on the new stack, ended by
 * AT_NULL (System V AMD64 psABI, Process Initialization, "Auxiliary
 * Vector"). The kernel's ELF loader writes them; libc's getauxval() reads
 * them. Linux's values (include/uapi/linux/auxvec.h, asm/auxvec.h).
 */
#ifndef UAPI_AUXVEC_H
#define UAPI_AUXVEC_H

#define AT_NULL		 0  /* end of the vector */
#define AT_IGNORE	 1  /* entry to be ignored */
#define AT_EXECFD	 2  /* file descriptor of the program */
#define AT_PHDR		 3  /* address of the program headers */
#define AT_PHENT	 4  /* size of one program header */
#define AT_PHNUM	 5  /* number of program headers */
#define AT_PAGESZ	 6  /* page size in bytes */
#define AT_BASE		 7  /* base address of the interpreter */
#define AT_FLAGS	 8  /* flags (unused) */
#define AT_ENTRY	 9  /* the program's entry point */
#define AT_NOTELF	 10 /* the program is not ELF */
#define AT_UID		 11 /* real user id */
#define AT_EUID		 12 /* effective user id */
#define AT_GID		 13 /* real group id */
#define AT_EGID		 14 /* effective group id */
#define AT_PLATFORM	 15 /* address of a string naming the CPU ("x86_64") */
#define AT_HWCAP	 16 /* CPU capability bits (CPUID 1 EDX) */
#define AT_CLKTCK	 17 /* frequency of times() ticks */
#define AT_SECURE	 23 /* nonzero for set-uid programs */
#define AT_BASE_PLATFORM 24 /* address of a string naming the real platform */
#define AT_RANDOM	 25 /* address of 16 random bytes */
#define AT_HWCAP2	 26 /* more CPU capability bits */
#define AT_EXECFN	 31 /* address of the program's file name */
#define AT_SYSINFO_EHDR	 33 /* address of the vDSO (Pagoda has none) */
#define AT_MINSIGSTKSZ	 51 /* minimal stack size for signal delivery */

#endif /* UAPI_AUXVEC_H */
