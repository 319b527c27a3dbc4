/*
 * tests/host/include/malloc_test.h - what the malloc host tests share.
 *
 * libc/malloc is compiled for this machine with MALLOC_HOST_TEST, and its
 * calls of sbrk, mmap, munmap, mremap, write, abort and getenv are renamed
 * host_NAME in the objects (tests/host/malloc-redefine.syms), so they reach
 * the fake kernel in tests/host/malloc_fake_os.c: a static buffer with a
 * movable break, and a static "mmap area" handed out in pages. Its public functions are renamed
 * pagoda_NAME in the test archive (libc/malloc/malloc.mk), so they do not
 * clash with the C library's malloc, which cmocka and ASan keep using.
 */
#ifndef MALLOC_TEST_H
#define MALLOC_TEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "host_test.h"
#include "malloc-internal.h"

void *pagoda_malloc(size_t size);
void pagoda_free(void *ptr);
void *pagoda_calloc(size_t nmemb, size_t size);
void *pagoda_realloc(void *ptr, size_t size);
void *pagoda_memalign(size_t alignment, size_t size);
int pagoda_posix_memalign(void **memptr, size_t alignment, size_t size);
void *pagoda_aligned_alloc(size_t alignment, size_t size);
void *pagoda_valloc(size_t size);
void *pagoda_pvalloc(size_t size);
size_t pagoda_malloc_usable_size(void *ptr);
int pagoda_mallopt(int param, int value);
int pagoda_malloc_trim(size_t pad);
void pagoda_malloc_stats(void);
struct mallinfo2 pagoda_mallinfo2(void);

/* The fake kernel: what malloc's sbrk, mmap, ... calls become. */
void *host_sbrk(intptr_t increment);
void *host_mmap(void *addr, size_t length, int prot, int flags, int fd, long offset);
int host_munmap(void *addr, size_t length);
void *host_mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...);
long host_write(int fd, const void *buf, size_t count);
__attribute__((noreturn)) void host_abort(void);
char *host_getenv(const char *name);

/* Sizes of the fake heap (the most the break can move) and mmap area. */
#define FAKE_HEAP_SIZE (256UL << 20)
#define FAKE_MMAP_SIZE (256UL << 20)

/* Start over: empty heap and mmap area, nothing written to stderr, no limits. */
void fake_os_reset(void);
/* fake_os_reset(), then a fresh malloc, with the checker on if @check. */
void fake_malloc_reset(bool check);

/* The break as an offset from where it started. */
size_t fake_brk_offset(void);
/* Make brk fail beyond @offset bytes from its start (SIZE_MAX: no limit). */
void fake_set_brk_limit(size_t offset);
/* Make every mmap fail (true) or work again. */
void fake_set_mmap_fail(bool fail);
/* true if @p points into the fake heap / the fake mmap area. */
bool fake_in_heap(const void *p);
bool fake_in_mmap_area(const void *p);
/* Pages of the mmap area in use, and how many mmap/munmap/mremap calls ran. */
size_t fake_mmap_pages(void);
unsigned long fake_mmap_calls(void);
unsigned long fake_munmap_calls(void);
unsigned long fake_mremap_calls(void);
/* Everything malloc wrote to fd 2 since the last reset. */
const char *fake_stderr(void);

#endif /* MALLOC_TEST_H */
