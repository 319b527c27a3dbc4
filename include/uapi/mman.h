/*
 * include/uapi/mman.h - memory-mapping flags, shared by the kernel and libc.
 *
 * The arguments of mmap(2), mprotect(2), mremap(2) and madvise(2), with
 * Linux's x86-64 values (include/uapi/asm-generic/mman-common.h, mman.h and
 * linux/mman.h). The kernel's do_mmap() decodes them; libc passes them
 * through unchanged.
 */
#ifndef UAPI_MMAN_H
#define UAPI_MMAN_H

/* prot: what the pages may be used for (PROT_NONE = no access at all) */
#define PROT_NONE	    0x0
#define PROT_READ	    0x1
#define PROT_WRITE	    0x2
#define PROT_EXEC	    0x4
/* mprotect only: extend the change to the start of a grows-down mapping
 * (the stack), or to the end of a grows-up one (none on x86-64) */
#define PROT_GROWSDOWN	    0x01000000
#define PROT_GROWSUP	    0x02000000

/* flags: the mapping type (exactly one of SHARED/PRIVATE) and modifiers */
#define MAP_SHARED	    0x01
#define MAP_PRIVATE	    0x02
#define MAP_TYPE	    0x0f
#define MAP_FIXED	    0x10
#define MAP_ANONYMOUS	    0x20
#define MAP_ANON	    MAP_ANONYMOUS
#define MAP_GROWSDOWN	    0x0100
#define MAP_DENYWRITE	    0x0800
#define MAP_EXECUTABLE	    0x1000
#define MAP_LOCKED	    0x2000
#define MAP_NORESERVE	    0x4000
#define MAP_POPULATE	    0x8000
#define MAP_NONBLOCK	    0x10000
#define MAP_STACK	    0x20000
#define MAP_HUGETLB	    0x40000
#define MAP_FIXED_NOREPLACE 0x100000

/* mmap() returns this address, (void *)-1, on failure */
#define MAP_FAILED	    ((void *)-1)

/* mremap() flags */
#define MREMAP_MAYMOVE	    1
#define MREMAP_FIXED	    2
#define MREMAP_DONTUNMAP    4

/* madvise() advice */
#define MADV_NORMAL	    0
#define MADV_RANDOM	    1
#define MADV_SEQUENTIAL	    2
#define MADV_WILLNEED	    3
/* msync() flags */
#define MS_ASYNC	    1 /* start writing back, return at once */
#define MS_INVALIDATE	    2 /* drop other cached copies (nothing to do with one cache) */
#define MS_SYNC		    4 /* write back and wait */

#define MADV_DONTNEED	    4
#define MADV_FREE	    8
#define MADV_REMOVE	    9
#define MADV_DONTFORK	    10
#define MADV_DOFORK	    11

/* Kernel-only names: the C library defines its own versions of these
 * in its headers (<signal.h>, <unistd.h>, <dirent.h>...). */
#ifdef __KERNEL__
#define PROT_SEM	    0x8
#define MAP_SHARED_VALIDATE 0x03
#define MAP_32BIT	    0x40
#define MAP_SYNC	    0x80000
#endif /* __KERNEL__ */

#endif /* UAPI_MMAN_H */
