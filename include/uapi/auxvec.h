/*
 * include/uapi/auxvec.h - the auxiliary vector's entry types (Linux's).
 *
 * execve leaves (type, value) pairs on the new program's stack after the
 * environment; the C library reads them (getauxval): the page size, where
 * the program headers are, 16 random bytes for stack protectors, ...
 * (System V AMD64 psABI, 3.4.3 "Auxiliary Vector").
 */
#ifndef UAPI_AUXVEC_H
#define UAPI_AUXVEC_H

#define AT_NULL		 0 /* end of the vector */
#define AT_IGNORE	 1
#define AT_EXECFD	 2
#define AT_PHDR		 3 /* address of the program headers */
#define AT_PHENT	 4 /* size of one program header */
#define AT_PHNUM	 5 /* number of program headers */
#define AT_PAGESZ	 6 /* page size */
#define AT_BASE		 7 /* interpreter base (0: none) */
#define AT_FLAGS	 8
#define AT_ENTRY	 9 /* the program's entry point */
#define AT_NOTELF	 10
#define AT_UID		 11
#define AT_EUID		 12
#define AT_GID		 13
#define AT_EGID		 14
#define AT_PLATFORM	 15 /* a string: "x86_64" */
#define AT_HWCAP	 16 /* CPU features (CPUID 1 EDX on x86) */
#define AT_CLKTCK	 17 /* times() ticks per second */
#define AT_SECURE	 23 /* setuid-like: 0 */
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	 25 /* address of 16 random bytes */
#define AT_HWCAP2	 26
#define AT_EXECFN	 31 /* the file name given to execve */
#define AT_SYSINFO_EHDR	 33 /* the vDSO (Pagoda has none) */
#define AT_MINSIGSTKSZ	 51

#endif /* UAPI_AUXVEC_H */
