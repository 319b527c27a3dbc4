/*
 * tests/host/malloc_fake_os.c - the kernel, as far as the malloc host
 * tests need one: the host_* functions that malloc's calls of sbrk, mmap,
 * munmap, mremap, write, abort and getenv are renamed to in the test
 * archive (tests/host/malloc-redefine.syms, libc/malloc/malloc.mk).
 *
 * brk: a static buffer and an offset into it (sbrk semantics, including
 * the failure value and errno), with an optional limit to make brk fail.
 * mmap: a second static buffer, handed out in whole pages, first fit;
 * mremap grows in place when the pages after are free, else moves.
 * abort: a cmocka assertion failure, so expect_assert_failure() catches
 * malloc's corruption reports. The buffers are static so that nothing
 * here goes near the host C library's malloc, which ASan watches.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_test.h"

#define NPAGES (FAKE_MMAP_SIZE / MALLOC_PAGE_SIZE)

static _Alignas(4096) char fake_heap[FAKE_HEAP_SIZE];
static _Alignas(4096) char fake_mmap_area[FAKE_MMAP_SIZE];
static unsigned char page_used[NPAGES];
static size_t brk_offset, brk_limit = FAKE_HEAP_SIZE;
static bool mmap_fail;
static unsigned long n_mmap, n_munmap, n_mremap;
static char err_text[4096];
static size_t err_len;

void
fake_os_reset(void)
{
	brk_offset = 0;
	brk_limit = FAKE_HEAP_SIZE;
	mmap_fail = false;
	memset(page_used, 0, sizeof(page_used));
	n_mmap = n_munmap = n_mremap = 0;
	err_len = 0;
	err_text[0] = '\0';
}

void
fake_malloc_reset(bool check)
{
	fake_os_reset();
	if (check)
		setenv("MALLOC_CHECK_", "3", 1);
	else
		unsetenv("MALLOC_CHECK_");
	ptmalloc_init();
}

void *
host_sbrk(intptr_t increment)
{
	size_t old = brk_offset;

	if ((increment > 0 && (size_t)increment > brk_limit - brk_offset) ||
	    (increment < 0 && (size_t)-increment > brk_offset)) {
		errno = ENOMEM;
		return (void *)-1;
	}
	brk_offset += increment;
	return fake_heap + old;
}

/* The first run of @npages free pages, or -1. */
static long
find_pages(size_t npages)
{
	size_t i, run = 0;

	for (i = 0; i < NPAGES; i++) {
		run = page_used[i] ? 0 : run + 1;
		if (run == npages)
			return i + 1 - npages;
	}
	return -1;
}

static void
mark_pages(size_t first, size_t npages, unsigned char used)
{
	memset(page_used + first, used, npages);
}

void *
host_mmap(void *addr, size_t length, int prot, int flags, int fd, long offset)
{
	size_t npages = (length + MALLOC_PAGE_SIZE - 1) / MALLOC_PAGE_SIZE;
	long first;

	n_mmap++;
	first = mmap_fail || npages == 0 || npages > NPAGES ? -1 : find_pages(npages);
	if (first < 0) {
		errno = ENOMEM;
		return MAP_FAILED;
	}
	mark_pages(first, npages, 1);
	/* Fresh anonymous memory is zero, as the kernel gives it. */
	memset(fake_mmap_area + first * MALLOC_PAGE_SIZE, 0, npages * MALLOC_PAGE_SIZE);
	return fake_mmap_area + first * MALLOC_PAGE_SIZE;
}

int
host_munmap(void *addr, size_t length)
{
	size_t first = ((char *)addr - fake_mmap_area) / MALLOC_PAGE_SIZE;
	size_t npages = (length + MALLOC_PAGE_SIZE - 1) / MALLOC_PAGE_SIZE;
	size_t i;

	n_munmap++;
	assert_true(fake_in_mmap_area(addr));
	assert_int_equal((uintptr_t)addr % MALLOC_PAGE_SIZE, 0);
	for (i = 0; i < npages; i++)
		assert_true(page_used[first + i]); /* malloc unmaps only what it mapped */
	mark_pages(first, npages, 0);
	return 0;
}

void *
host_mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...)
{
	size_t first = ((char *)old_address - fake_mmap_area) / MALLOC_PAGE_SIZE;
	size_t old_np = old_size / MALLOC_PAGE_SIZE, new_np = new_size / MALLOC_PAGE_SIZE;
	size_t i;
	char *p;

	n_mremap++;
	if (new_np <= old_np) {
		mark_pages(first + new_np, old_np - new_np, 0);
		return old_address;
	}
	for (i = first + old_np; i < first + new_np && i < NPAGES && !page_used[i]; i++)
		;
	if (i == first + new_np) { /* room right after: grow in place */
		mark_pages(first + old_np, new_np - old_np, 1);
		return old_address;
	}
	p = host_mmap(NULL, new_size, 0, 0, -1, 0);
	n_mmap--;
	if (p == MAP_FAILED)
		return p;
	memcpy(p, old_address, old_size);
	mark_pages(first, old_np, 0);
	return p;
}

long
host_write(int fd, const void *buf, size_t count)
{
	size_t n = count < sizeof(err_text) - 1 - err_len ? count : sizeof(err_text) - 1 - err_len;

	memcpy(err_text + err_len, buf, n);
	err_len += n;
	err_text[err_len] = '\0';
	return count;
}

void
host_abort(void)
{
	mock_assert(0, err_text, __FILE__, __LINE__);
	abort(); /* not reached: mock_assert jumps back to the test */
}

char *
host_getenv(const char *name)
{
	return getenv(name);
}

size_t
fake_brk_offset(void)
{
	return brk_offset;
}

void
fake_set_brk_limit(size_t offset)
{
	brk_limit = offset < FAKE_HEAP_SIZE ? offset : FAKE_HEAP_SIZE;
}

void
fake_set_mmap_fail(bool fail)
{
	mmap_fail = fail;
}

bool
fake_in_heap(const void *p)
{
	return (const char *)p >= fake_heap && (const char *)p < fake_heap + FAKE_HEAP_SIZE;
}

bool
fake_in_mmap_area(const void *p)
{
	return (const char *)p >= fake_mmap_area &&
	       (const char *)p < fake_mmap_area + FAKE_MMAP_SIZE;
}

size_t
fake_mmap_pages(void)
{
	size_t i, n = 0;

	for (i = 0; i < NPAGES; i++)
		n += page_used[i];
	return n;
}

unsigned long
fake_mmap_calls(void)
{
	return n_mmap;
}

unsigned long
fake_munmap_calls(void)
{
	return n_munmap;
}

unsigned long
fake_mremap_calls(void)
{
	return n_mremap;
}

const char *
fake_stderr(void)
{
	return err_text;
}
