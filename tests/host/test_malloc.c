/*
 * tests/host/test_malloc.c - libc/malloc on a fake kernel: which requests
 * take brk and which mmap, trimming, coalescing, realloc in place, the
 * memalign family, malloc_usable_size, and the ENOMEM cases.
 *
 * Every test starts from a fresh malloc and a fresh fake kernel
 * (malloc_fake_os.c), with the consistency checker on (MALLOC_CHECK_=3),
 * so each call is also followed by a full check of the heap.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_test.h"

#define KiB 1024UL

static int
setup(void **state)
{
	fake_malloc_reset(true);
	return 0;
}

/* malloc(100): a 112-byte chunk carved from a heap grown with brk. */
static void
test_small_request_uses_brk(void **state)
{
	char *p = pagoda_malloc(100);

	assert_non_null(p);
	assert_true(fake_in_heap(p));
	assert_int_equal(malloc_debug.last_path, SYSMALLOC_BRK);
	assert_int_equal(malloc_debug.last_nb, 112);
	assert_int_equal(request2size(100), 112);
	/* An empty heap has no top pad (heap_top_pad): the heap grew by one page. */
	assert_int_equal(fake_brk_offset(), 4096);
	pagoda_free(p);

	/* With glibc's fixed 128 KiB pad, it grows by 132 KiB, as glibc's does. */
	fake_malloc_reset(true);
	assert_int_equal(pagoda_mallopt(M_TOP_PAD, DEFAULT_TOP_PAD), 1);
	p = pagoda_malloc(100);
	assert_int_equal(fake_brk_offset(), 0x21000);
	assert_int_equal(fake_mmap_calls(), 0);
	memset(p, 0xab, 100);
	pagoda_free(p);
}

/* 200 KiB is above the 128 KiB threshold: its own mapping, unmapped on free. */
static void
test_large_request_uses_mmap(void **state)
{
	size_t brk_before;
	char *p, *q;

	pagoda_free(pagoda_malloc(1)); /* the heap exists */
	brk_before = fake_brk_offset();
	p = pagoda_malloc(200 * KiB);
	assert_true(fake_in_mmap_area(p));
	assert_int_equal(malloc_debug.last_path, SYSMALLOC_MMAP);
	assert_int_equal(fake_brk_offset(), brk_before);
	assert_int_equal(fake_mmap_pages(), (200 * KiB + 16 + 4095) / 4096);
	memset(p, 1, 200 * KiB);
	pagoda_free(p);
	assert_int_equal(fake_mmap_pages(), 0);
	/* glibc's dynamic threshold: the freed size is now served by the heap. */
	assert_int_equal(mp_.mmap_threshold, 0x33000); /* 200 KiB + 16, in pages */
	q = pagoda_malloc(200 * KiB);
	assert_true(fake_in_heap(q));
	assert_int_equal(malloc_debug.last_path, SYSMALLOC_BRK);
	pagoda_free(q);
}

/*
 * The threshold compares chunk sizes: 128 KiB - 8 bytes is the first
 * mmapped request. (Only when the top cannot serve it: a top with room
 * serves any size, as in glibc; here the heap starts empty.)
 */
static void
test_threshold_boundary(void **state)
{
	void *at = pagoda_malloc(128 * KiB - 8); /* chunk 131072 */
	void *below;

	assert_true(fake_in_mmap_area(at));
	fake_malloc_reset(true);
	below = pagoda_malloc(128 * KiB - 24); /* chunk 131056 */
	assert_true(fake_in_heap(below));
	pagoda_free(below);
}

static void
test_mallopt_thresholds(void **state)
{
	void *p, *q;

	assert_int_equal(pagoda_mallopt(M_MMAP_THRESHOLD, 64 * KiB), 1);
	p = pagoda_malloc(64 * KiB);
	q = pagoda_malloc(60 * KiB);
	assert_true(fake_in_mmap_area(p));
	assert_true(fake_in_heap(q));
	pagoda_free(p);
	/* mallopt turned the dynamic threshold off. */
	assert_int_equal(mp_.mmap_threshold, 64 * KiB);
	pagoda_free(q);

	assert_int_equal(pagoda_mallopt(M_MMAP_THRESHOLD, 1024 * KiB), 1);
	p = pagoda_malloc(200 * KiB);
	assert_true(fake_in_heap(p));
	pagoda_free(p);

	assert_int_equal(pagoda_mallopt(M_MMAP_THRESHOLD, 64 * KiB), 1);
	assert_int_equal(pagoda_mallopt(M_MMAP_MAX, 0), 1);
	p = pagoda_malloc(300 * KiB);
	assert_true(fake_in_heap(p));
	pagoda_free(p);

	assert_int_equal(pagoda_mallopt(M_MMAP_THRESHOLD, -1), 0);
	assert_int_equal(pagoda_mallopt(M_MMAP_THRESHOLD, 64 * 1024 * KiB), 0);
	assert_int_equal(pagoda_mallopt(12345, 1), 0);
	assert_int_equal(fake_mmap_pages(), 0);
}

/*
 * The top pad scales with the heap (heap_top_pad): 1/128 of it on the way
 * up, the full 128 KiB when growing back below an earlier high-water mark.
 */
static void
test_top_pad_scales_with_heap(void **state)
{
	void *v[100];
	size_t before, big;
	int i;

	for (i = 0; i < 100; i++)
		v[i] = pagoda_malloc(10 * KiB); /* 1 MB of heap, 10 KiB at a time */
	big = fake_brk_offset();
	before = main_arena.system_mem;
	v[99] = pagoda_realloc(v[99], 10 * KiB + (main_arena.top->mchunk_size & ~SIZE_BITS));
	/* That needed the heap to grow: by the request and 1/128 of the heap. */
	assert_true(fake_brk_offset() - big <= 10 * KiB + (before >> TOP_PAD_SHIFT) + 2 * 4096);
	for (i = 0; i < 100; i++)
		pagoda_free(v[i]);
	assert_true(fake_brk_offset() < big); /* trimmed */
	before = fake_brk_offset();
	v[0] = pagoda_malloc(120 * KiB); /* fits the 128 KiB left at the top */
	assert_int_equal(fake_brk_offset(), before);
	v[1] = pagoda_malloc(120 * KiB); /* does not: the heap grows, */
	assert_true(fake_brk_offset() > before);
	/* and below the high-water mark, by the full pad: 128 KiB stay free at the top. */
	assert_true(chunksize(main_arena.top) >= DEFAULT_TOP_PAD);
	pagoda_free(v[1]);
	pagoda_free(v[0]);
}

/* Freeing a large block at the top lowers the break again. */
static void
test_trim_after_free(void **state)
{
	void *a = pagoda_malloc(100 * KiB);
	void *b = pagoda_malloc(100 * KiB);
	void *c = pagoda_malloc(100 * KiB);
	size_t grown = fake_brk_offset();

	assert_true(grown >= 300 * KiB);
	pagoda_free(c);
	pagoda_free(b);
	pagoda_free(a);
	assert_true(fake_brk_offset() < grown);
	/* What stays is glibc's top pad: a page-rounded 128 KiB (heap_top_pad). */
	assert_true(fake_brk_offset() <= DEFAULT_TOP_PAD + 2 * 4096);
	assert_int_equal(main_arena.system_mem, fake_brk_offset());
	assert_true(malloc_debug.n_trim >= 1);
	/* malloc_trim(0) gives back all but a page's worth. */
	assert_int_equal(pagoda_malloc_trim(0), 1);
	assert_true(fake_brk_offset() <= 4096);
}

static void
test_no_trim_below_threshold(void **state)
{
	void *a, *b;
	size_t grown;

	assert_int_equal(pagoda_mallopt(M_TRIM_THRESHOLD, 1024 * KiB), 1);
	a = pagoda_malloc(100 * KiB);
	b = pagoda_malloc(100 * KiB);
	grown = fake_brk_offset();
	pagoda_free(b);
	pagoda_free(a);
	assert_int_equal(fake_brk_offset(), grown);
	assert_int_equal(malloc_debug.n_trim, 0);
}

/* Freed neighbours merge into one chunk that a larger request can reuse. */
static void
test_coalescing(void **state)
{
	char *a = pagoda_malloc(2000);
	char *b = pagoda_malloc(2000);
	char *c = pagoda_malloc(2000);
	char *guard = pagoda_malloc(2000);
	char *d;

	pagoda_free(b);
	pagoda_free(a); /* merges forward with b */
	pagoda_free(c); /* merges backward with a+b */
	assert_int_equal(chunksize(mem2chunk(a)), 3 * request2size(2000));
	d = pagoda_malloc(3 * 2000);
	assert_ptr_equal(d, a);
	pagoda_free(d);
	pagoda_free(guard); /* everything merges into the top */
	assert_ptr_equal(main_arena.top, mem2chunk(a));
}

/* A recently freed small block comes straight back (the tcache, LIFO). */
static void
test_tcache_reuse(void **state)
{
	void *p = pagoda_malloc(40);
	void *q = pagoda_malloc(40);

	pagoda_free(p);
	pagoda_free(q);
	assert_int_equal(tcache.counts[csize2tidx(request2size(40))], 2);
	assert_ptr_equal(pagoda_malloc(40), q);
	assert_ptr_equal(pagoda_malloc(40), p);
}

static void
fill(char *p, size_t n, char seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (char)(seed + i * 7);
}

static bool
check_fill(const char *p, size_t n, char seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != (char)(seed + i * 7))
			return false;
	return true;
}

/* The last chunk grows into the top, a chunk before a free one into it. */
static void
test_realloc_in_place(void **state)
{
	char *a = pagoda_malloc(2000);
	char *b = pagoda_malloc(2000);
	char *c = pagoda_malloc(100);
	char *p;

	fill(c, 100, 3);
	p = pagoda_realloc(c, 50000); /* c borders the top */
	assert_ptr_equal(p, c);
	assert_true(check_fill(p, 100, 3));
	pagoda_free(b);
	fill(a, 2000, 5);
	p = pagoda_realloc(a, 3500); /* into the free b */
	assert_ptr_equal(p, a);
	assert_true(check_fill(p, 2000, 5));
	assert_true(pagoda_malloc_usable_size(p) >= 3500);
	p = pagoda_realloc(a, 1000); /* shrink: the tail is freed */
	assert_ptr_equal(p, a);
	assert_int_equal(pagoda_malloc_usable_size(p), request2size(1000) - SIZE_SZ);
	assert_true(check_fill(p, 1000, 5));
	pagoda_free(p);
	pagoda_free(c);
}

static void
test_realloc_moves(void **state)
{
	char *a = pagoda_malloc(3000);
	char *b = pagoda_malloc(3000);
	char *p;

	fill(a, 3000, 9);
	p = pagoda_realloc(a, 10000);
	assert_ptr_not_equal(p, a);
	assert_true(check_fill(p, 3000, 9));
	pagoda_free(p);
	pagoda_free(b);
	/* realloc(NULL, n) is malloc(n); realloc(p, 0) frees p. */
	p = pagoda_realloc(NULL, 10);
	assert_non_null(p);
	assert_null(pagoda_realloc(p, 0));
}

/* An mmapped block is resized with mremap, its contents kept. */
static void
test_realloc_mmapped(void **state)
{
	char *p = pagoda_malloc(300 * KiB);
	char *q;

	assert_true(fake_in_mmap_area(p));
	fill(p, 300 * KiB, 1);
	q = pagoda_realloc(p, 600 * KiB);
	assert_true(fake_in_mmap_area(q));
	assert_true(chunk_is_mmapped(mem2chunk(q)));
	assert_int_equal(fake_mremap_calls(), 1);
	assert_true(check_fill(q, 300 * KiB, 1));
	assert_true(pagoda_malloc_usable_size(q) >= 600 * KiB);
	q = pagoda_realloc(q, 200 * KiB);
	assert_true(check_fill(q, 200 * KiB, 1));
	pagoda_free(q);
	assert_int_equal(fake_mmap_pages(), 0);
	assert_int_equal(mp_.n_mmaps, 0);
}

static void
test_memalign_family(void **state)
{
	size_t align, size;
	void *p;

	for (align = 32; align <= 64 * KiB; align *= 2) {
		for (size = 1; size < 300 * KiB; size = size * 5 + 3) {
			p = pagoda_memalign(align, size);
			assert_non_null(p);
			assert_int_equal((uintptr_t)p % align, 0);
			assert_true(pagoda_malloc_usable_size(p) >= size);
			memset(p, 0x5a, size);
			pagoda_free(p);
		}
	}
	/* Not a power of two: rounded up, as glibc does. */
	p = pagoda_memalign(48, 10);
	assert_int_equal((uintptr_t)p % 64, 0);
	pagoda_free(p);
	assert_int_equal(pagoda_posix_memalign(&p, 3, 10), EINVAL);
	assert_int_equal(pagoda_posix_memalign(&p, 24, 10), EINVAL);
	assert_int_equal(pagoda_posix_memalign(&p, 256, 10), 0);
	assert_int_equal((uintptr_t)p % 256, 0);
	pagoda_free(p);
	p = pagoda_aligned_alloc(128, 1000);
	assert_int_equal((uintptr_t)p % 128, 0);
	pagoda_free(p);
	errno = 0;
	assert_null(pagoda_aligned_alloc(24, 10));
	assert_int_equal(errno, EINVAL);
	p = pagoda_valloc(10);
	assert_int_equal((uintptr_t)p % 4096, 0);
	pagoda_free(p);
	p = pagoda_pvalloc(5000);
	assert_int_equal((uintptr_t)p % 4096, 0);
	assert_true(pagoda_malloc_usable_size(p) >= 8192);
	pagoda_free(p);
	assert_int_equal(fake_mmap_pages(), 0);
}

static void
test_usable_size(void **state)
{
	size_t n;
	void *p;

	assert_int_equal(pagoda_malloc_usable_size(NULL), 0);
	for (n = 0; n < 3000; n += 7) {
		p = pagoda_malloc(n);
		assert_int_equal(pagoda_malloc_usable_size(p), request2size(n) - SIZE_SZ);
		assert_true(pagoda_malloc_usable_size(p) >= n);
		pagoda_free(p);
	}
	p = pagoda_malloc(500 * KiB);
	assert_int_equal(pagoda_malloc_usable_size(p), 500 * KiB + 4096 - 16);
	pagoda_free(p);
}

static void
test_enomem(void **state)
{
	void *p = pagoda_malloc(10);

	errno = 0;
	assert_null(pagoda_malloc(SIZE_MAX));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(pagoda_malloc(PTRDIFF_MAX));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(pagoda_calloc(SIZE_MAX / 2, 3));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(pagoda_calloc(1UL << 32, 1UL << 32));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(pagoda_realloc(p, SIZE_MAX));
	assert_int_equal(errno, ENOMEM);
	errno = 0;
	assert_null(pagoda_memalign(64, SIZE_MAX - 100));
	assert_int_equal(errno, ENOMEM);
	/* More than the fake kernel has: brk and mmap both refuse. */
	errno = 0;
	assert_null(pagoda_malloc(FAKE_HEAP_SIZE + FAKE_MMAP_SIZE));
	assert_int_equal(errno, ENOMEM);
	pagoda_free(p); /* still valid after the failed realloc */
}

static void
test_calloc_zeroes(void **state)
{
	char *p = pagoda_malloc(5000);
	size_t i;

	memset(p, 0xff, 5000);
	pagoda_free(p);
	p = pagoda_calloc(1000, 5);
	for (i = 0; i < 5000; i++)
		assert_int_equal(p[i], 0);
	pagoda_free(p);
	p = pagoda_calloc(1, 0);
	assert_non_null(p);
	pagoda_free(p);
}

/* When brk fails, the heap continues in an mmapped region (as glibc does). */
static void
test_brk_failure_falls_back_to_mmap(void **state)
{
	void *a = pagoda_malloc(1000);
	void *v[50];
	int i;

	fake_set_brk_limit(fake_brk_offset());
	for (i = 0; i < 50; i++) {
		v[i] = pagoda_malloc(10 * KiB);
		memset(v[i], i, 10 * KiB);
	}
	assert_true(malloc_debug.n_mmap_heap >= 1);
	assert_false(contiguous(&main_arena));
	assert_true(fake_in_mmap_area(v[49]));
	for (i = 0; i < 50; i++)
		pagoda_free(v[i]);
	pagoda_free(a);
}

/* Someone else moved the break: the heap continues after it; the old top is fenced. */
static void
test_foreign_sbrk(void **state)
{
	void *a, *b, *c;

	pagoda_mallopt(M_MMAP_THRESHOLD, 1024 * KiB);
	a = pagoda_malloc(1000);
	host_sbrk(4096);
	b = pagoda_malloc(200 * KiB - 100); /* too big for the top: needs brk */
	assert_true(fake_in_heap(b));
	assert_false(contiguous(&main_arena));
	c = pagoda_malloc(1000);
	memset(b, 1, 200 * KiB - 100);
	pagoda_free(a);
	pagoda_free(b);
	pagoda_free(c);
}

/* The same, when the old top was large: the new region must still hold the request. */
static void
test_foreign_sbrk_large_top(void **state)
{
	void *a, *b;

	pagoda_mallopt(M_MMAP_THRESHOLD, 1024 * KiB);
	pagoda_mallopt(M_TOP_PAD, 256 * KiB);
	a = pagoda_malloc(1000); /* leaves a top of about 256 KiB */
	pagoda_mallopt(M_TOP_PAD, 0);
	host_sbrk(4096);
	b = pagoda_malloc(300 * KiB);
	assert_non_null(b);
	assert_true(fake_in_heap(b));
	memset(b, 1, 300 * KiB);
	pagoda_free(b);
	pagoda_free(a);
}

static void
test_mallinfo2(void **state)
{
	void *small = pagoda_malloc(1000);
	void *big = pagoda_malloc(1024 * KiB);
	struct mallinfo2 mi = pagoda_mallinfo2();

	assert_int_equal(mi.arena, main_arena.system_mem);
	assert_int_equal(mi.hblks, 1);
	assert_int_equal(mi.hblkhd, 1024 * KiB + 4096);
	assert_int_equal(mi.uordblks, request2size(1000));
	assert_int_equal(mi.uordblks + mi.fordblks, mi.arena);
	assert_int_equal(malloc_debug.kernel_bytes, mi.arena + mi.hblkhd);
	pagoda_malloc_stats();
	assert_non_null(strstr(fake_stderr(), "Arena 0:\nsystem bytes     = "));
	assert_non_null(strstr(fake_stderr(), "max mmap regions =          1\n"));
	pagoda_free(big);
	pagoda_free(small);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_small_request_uses_brk, setup),
		cmocka_unit_test_setup(test_large_request_uses_mmap, setup),
		cmocka_unit_test_setup(test_threshold_boundary, setup),
		cmocka_unit_test_setup(test_mallopt_thresholds, setup),
		cmocka_unit_test_setup(test_top_pad_scales_with_heap, setup),
		cmocka_unit_test_setup(test_trim_after_free, setup),
		cmocka_unit_test_setup(test_no_trim_below_threshold, setup),
		cmocka_unit_test_setup(test_coalescing, setup),
		cmocka_unit_test_setup(test_tcache_reuse, setup),
		cmocka_unit_test_setup(test_realloc_in_place, setup),
		cmocka_unit_test_setup(test_realloc_moves, setup),
		cmocka_unit_test_setup(test_realloc_mmapped, setup),
		cmocka_unit_test_setup(test_memalign_family, setup),
		cmocka_unit_test_setup(test_usable_size, setup),
		cmocka_unit_test_setup(test_enomem, setup),
		cmocka_unit_test_setup(test_calloc_zeroes, setup),
		cmocka_unit_test_setup(test_brk_failure_falls_back_to_mmap, setup),
		cmocka_unit_test_setup(test_foreign_sbrk, setup),
		cmocka_unit_test_setup(test_foreign_sbrk_large_top, setup),
		cmocka_unit_test_setup(test_mallinfo2, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
