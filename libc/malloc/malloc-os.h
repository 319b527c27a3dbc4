/*
 * libc/malloc/malloc-os.h - the few operating-system services malloc uses.
 *
 * Bottom of the malloc chain: sysmalloc.c and friends call only what is
 * here. MORECORE is sbrk (the brk system call underneath: __do_sys_brk in
 * kernel/mm/mmap.c); __malloc_mmap and friends are mmap, munmap and mremap.
 * The kernel backs the new pages later, on the first write (page fault).
 * glibc counterpart: MORECORE and MMAP in malloc/malloc.c, malloc/morecore.c.
 *
 * Two builds:
 *  - Pagoda's libc (and a native build that links this malloc into a glibc
 *    program): the services are the C library's own sbrk, mmap, munmap,
 *    mremap, write, abort, getenv, __errno_location, memcpy and memset.
 *    Their prototypes are declared here so that malloc needs no libc header.
 *  - MALLOC_HOST_TEST: host unit tests; the services are host_* functions
 *    in tests/host/malloc_fake_os.c (a static buffer as the "heap", another
 *    as the "mmap area", and an abort that becomes a cmocka failure).
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

/* Linux x86-64 values (include/uapi/asm-generic/mman-common.h, mman.h). */
#define MALLOC_PROT_READ      0x1
#define MALLOC_PROT_WRITE     0x2
#define MALLOC_MAP_PRIVATE    0x02
#define MALLOC_MAP_ANONYMOUS  0x20
#define MALLOC_MREMAP_MAYMOVE 1
#define MALLOC_MAP_FAILED     ((void *)-1)

/* sbrk's failure value (glibc: MORECORE_FAILURE); sbrk also sets errno. */
#define MORECORE_FAILURE      ((void *)-1)

/* The page size: Pagoda's PAGE_SIZE, what the kernel passes as AT_PAGESZ. */
#define MALLOC_PAGE_SIZE      4096UL

#ifdef MALLOC_HOST_TEST
void *host_sbrk(intptr_t increment);
void *host_mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
int host_munmap(void *addr, size_t length);
void *host_mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
long host_write(int fd, const void *buf, size_t count);
__attribute__((noreturn)) void host_abort(void);
char *host_getenv(const char *name);
#define MALLOC_OS(name) host_##name
#else
void *sbrk(intptr_t increment);
void *mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
int munmap(void *addr, size_t length);
void *mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
long write(int fd, const void *buf, size_t count);
__attribute__((noreturn)) void abort(void);
char *getenv(const char *name);
#define MALLOC_OS(name) name
#endif

int *__errno_location(void);
void *memcpy(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
size_t strlen(const char *s);

/*
 * MORECORE - move the program break by @increment bytes (sbrk semantics):
 * returns the old break, MORECORE_FAILURE when the kernel refused.
 * MORECORE(0) only reads the break.
 */
static inline void *
MORECORE(intptr_t increment)
{
	return MALLOC_OS(sbrk)(increment);
}

/* A fresh private anonymous mapping of @len bytes, or MALLOC_MAP_FAILED. */
static inline void *
__malloc_mmap(size_t len)
{
	return MALLOC_OS(mmap)(NULL, len, MALLOC_PROT_READ | MALLOC_PROT_WRITE,
			       MALLOC_MAP_PRIVATE | MALLOC_MAP_ANONYMOUS, -1, 0);
}

static inline int
__malloc_munmap(void *addr, size_t len)
{
	return MALLOC_OS(munmap)(addr, len);
}

/* Resize a mapping, letting the kernel move it; MALLOC_MAP_FAILED if not. */
static inline void *
__malloc_mremap(void *addr, size_t old_len, size_t new_len)
{
	return MALLOC_OS(mremap)(addr, old_len, new_len, MALLOC_MREMAP_MAYMOVE);
}

/* Write @msg and a newline to standard error (fd 2), ignoring failures. */
static inline void
__malloc_write_error(const char *msg)
{
	(void)!MALLOC_OS(write)(2, msg, strlen(msg));
	(void)!MALLOC_OS(write)(2, "\n", 1);
}

static inline __attribute__((noreturn)) void
__malloc_abort(void)
{
	MALLOC_OS(abort)();
}

static inline char *
__malloc_getenv(const char *name)
{
	return MALLOC_OS(getenv)(name);
}

static inline void
__malloc_set_errno(int err)
{
	*__errno_location() = err;
}

#endif /* MALLOC_OS_H */
