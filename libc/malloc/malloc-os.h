/*
 * libc/malloc/malloc-os.h - the few operating-system services malloc uses.
 *
 * Bottom of the malloc chain: sysmalloc.c and friends call the C library's
 * sbrk (the brk system call underneath: __do_sys_brk in kernel/mm/mmap.c),
 * mmap, munmap and mremap by their own names, as glibc's malloc does, so
 * that `grep -n 'sbrk(' libc/malloc` finds every call. The kernel backs the
 * new pages later, on the first write (page fault).
 * glibc counterpart: MORECORE and MMAP in malloc/malloc.c, malloc/morecore.c.
 *
 * Two builds, one source:
 *  - Pagoda's libc (and a native build that links this malloc into a glibc
 *    program): the calls go to the C library's own sbrk, mmap, munmap,
 *    mremap, write, abort, getenv, __errno_location, memcpy and memset.
 *    Their prototypes are declared here so that malloc needs no libc header.
 *  - MALLOC_HOST_TEST, the host unit tests: libc/malloc/malloc.mk renames the
 *    undefined symbols sbrk, mmap, munmap, mremap, write, abort and getenv
 *    to host_NAME in the compiled objects (objcopy --redefine-syms with
 *    tests/host/malloc-redefine.syms), so that the same calls reach the
 *    fake kernel in tests/host/malloc_fake_os.c (a static buffer as the
 *    "heap", another as the "mmap area", and an abort that becomes a
 *    cmocka failure) instead of the host's.
 */
#ifndef MALLOC_OS_H
#define MALLOC_OS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Host tests also include the host's <errno.h>: the same Linux values. */
#ifdef MALLOC_HOST_TEST
#include <errno.h>
#else
#include <uapi/errno.h>
#endif
/* PROT_*, MAP_*, MAP_FAILED, MREMAP_MAYMOVE: Linux's values. */
#include <uapi/mman.h>

/* sbrk's failure value (glibc: MORECORE_FAILURE); sbrk also sets errno. */
#define MORECORE_FAILURE ((void *)-1)

/* The page size: Pagoda's PAGE_SIZE, what the kernel passes as AT_PAGESZ. */
#define MALLOC_PAGE_SIZE 4096UL

/*
 * sbrk - move the program break by @increment bytes: returns the old
 * break, MORECORE_FAILURE when the kernel refused. sbrk(0) only reads it.
 */
void *sbrk(intptr_t increment);
void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
int munmap(void *addr, size_t length);
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
long write(int fd, const void *buf, size_t count);
__attribute__((noreturn)) void abort(void);
char *getenv(const char *name);
int *__errno_location(void);
void *memcpy(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
size_t strlen(const char *s);

/* Write @msg and a newline to standard error (fd 2), ignoring failures. */
static inline void
__malloc_write_error(const char *msg)
{
	(void)!write(2, msg, strlen(msg));
	(void)!write(2, "\n", 1);
}

static inline void
__malloc_set_errno(int err)
{
	*__errno_location() = err;
}

#endif /* MALLOC_OS_H */
