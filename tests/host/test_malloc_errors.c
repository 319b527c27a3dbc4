/*
 * tests/host/test_malloc_errors.c - libc/malloc catching bad frees and
 * heap corruption with glibc's messages.
 *
 * malloc reports with malloc_printerr: the message on fd 2, then abort.
 * The fake kernel (malloc_fake_os.c) records the message and turns the
 * abort into a cmocka assertion failure, which expect_assert_failure()
 * catches. The heap is corrupt afterwards; the next test starts afresh.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_test.h"

static int
setup(void **state)
{
	fake_malloc_reset(false);
	return 0;
}

static int
setup_checked(void **state)
{
	fake_malloc_reset(true);
	return 0;
}

static void
test_double_free_tcache(void **state)
{
	void *p = pagoda_malloc(100);

	pagoda_free(p);
	expect_assert_failure(pagoda_free(p));
	assert_string_equal(fake_stderr(), "free(): double free detected in tcache 2\n");
}

/* A chunk too large for the tcache: its next chunk already says it is free. */
static void
test_double_free_bins(void **state)
{
	void *p = pagoda_malloc(2000);
	void *guard = pagoda_malloc(2000);

	pagoda_free(p);
	expect_assert_failure(pagoda_free(p));
	assert_string_equal(fake_stderr(), "double free or corruption (!prev)\n");
	(void)guard;
}

/* The last chunk merged into the top when freed: freeing it again frees the top. */
static void
test_double_free_top(void **state)
{
	void *p = pagoda_malloc(2000);

	pagoda_free(p);
	expect_assert_failure(pagoda_free(p));
	assert_string_equal(fake_stderr(), "double free or corruption (top)\n");
}

static void
test_invalid_pointer(void **state)
{
	char *p = pagoda_calloc(1, 100);

	expect_assert_failure(pagoda_free(p + 8));
	assert_string_equal(fake_stderr(), "free(): invalid pointer\n");
}

/* A pointer whose "header" claims IS_MMAPPED but is no mapping malloc made. */
static void
test_invalid_mmapped_pointer(void **state)
{
	size_t *p = pagoda_malloc(100);

	p[1] = 0x1000 | IS_MMAPPED; /* a fake chunk header inside the block */
	p[0] = 0x123;		    /* its prev_size: not page-aligned */
	expect_assert_failure(pagoda_free(p + 2));
	assert_string_equal(fake_stderr(), "munmap_chunk(): invalid pointer\n");
}

static void
test_realloc_invalid_pointer(void **state)
{
	char *p = pagoda_calloc(1, 100);

	expect_assert_failure(pagoda_realloc(p + 8, 200));
	assert_string_equal(fake_stderr(), "realloc(): invalid pointer\n");
}

/* An overflow that rewrites the next chunk's size to something impossible. */
static void
test_corrupted_size(void **state)
{
	char *p = pagoda_malloc(2000);
	char *q = pagoda_malloc(2000);
	size_t bad = 0x10 | PREV_INUSE;

	memcpy(p + 2000 + 8, &bad, sizeof(bad)); /* q's size word */
	expect_assert_failure(pagoda_free(q));
	assert_string_equal(fake_stderr(), "free(): invalid size\n");
}

/* The size of the chunk after the one being freed is beyond belief. */
static void
test_invalid_next_size(void **state)
{
	char *p = pagoda_malloc(2000);
	char *q = pagoda_malloc(2000);
	size_t huge = (64UL << 20) | PREV_INUSE;

	memcpy(q - 8, &huge, sizeof(huge)); /* q's size word */
	expect_assert_failure(pagoda_free(p));
	assert_string_equal(fake_stderr(), "free(): invalid next size (normal)\n");
}

/* A size that reaches past the end of the heap. */
static void
test_free_out_of_heap(void **state)
{
	char *p = pagoda_malloc(2000);
	size_t huge = (16UL << 20) | PREV_INUSE;

	memcpy(p - 8, &huge, sizeof(huge)); /* p's own size word */
	expect_assert_failure(pagoda_free(p));
	assert_string_equal(fake_stderr(), "double free or corruption (out)\n");
}

/* The classic "house of force" overflow into the top chunk's size. */
static void
test_corrupted_top_size(void **state)
{
	char *p = pagoda_malloc(1000);
	size_t huge = (size_t)-1;

	memcpy(p + pagoda_malloc_usable_size(p), &huge, sizeof(huge)); /* the top's size */
	expect_assert_failure(pagoda_malloc(5000));
	assert_string_equal(fake_stderr(), "malloc(): corrupted top size\n");
}

/* A write after free into a free chunk's links. */
static void
test_corrupted_unsorted_list(void **state)
{
	char *p = pagoda_malloc(2000);
	void *guard = pagoda_malloc(2000);
	void *self = mem2chunk(p);

	pagoda_free(p);			    /* into the unsorted bin */
	memcpy(p + 8, &self, sizeof(self)); /* bk */
	expect_assert_failure(pagoda_malloc(3000));
	assert_string_equal(fake_stderr(), "malloc(): unsorted double linked list corrupted\n");
	(void)guard;
}

/* A write after free into a tcache entry's (safe-linked) next pointer. */
static void
test_corrupted_tcache_next(void **state)
{
	uintptr_t *p = pagoda_malloc(100);
	void *q = pagoda_malloc(100);

	pagoda_free(q);
	pagoda_free(p);
	/*
	 * Even an attacker who knows the address (and so undoes the mangling)
	 * must write a 16-byte-aligned pointer to get past the check.
	 */
	p[0] = ((uintptr_t)&p[0] >> 12) ^ 0x4141414141414148UL;
	assert_ptr_equal(pagoda_malloc(100), p);
	expect_assert_failure(pagoda_malloc(100));
	assert_string_equal(fake_stderr(), "malloc(): unaligned tcache chunk detected\n");
}

/* With MALLOC_CHECK_=3 the checker finds damage the always-on checks miss. */
static void
test_checker_finds_tcache_damage(void **state)
{
	uintptr_t *p = pagoda_malloc(100);

	pagoda_free(p);
	p[1] = 0; /* the tcache key */
	expect_assert_failure(pagoda_malloc(500));
	assert_string_equal(fake_stderr(), "malloc: consistency check failed:\n"
					   "tcache entry without its key\n");
}

static void
test_checker_finds_bad_foot(void **state)
{
	char *p = pagoda_malloc(2000);
	char *q = pagoda_malloc(2000);
	void *r = pagoda_malloc(10);
	size_t wrong = 48;

	pagoda_free(p);
	memcpy(q - 16, &wrong, sizeof(wrong)); /* q's prev_size: p's foot */
	/* Into the tcache: no bin is touched, only the checker looks. */
	expect_assert_failure(pagoda_free(r));
	assert_string_equal(fake_stderr(), "malloc: consistency check failed:\n"
					   "free chunk foot does not match its size\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_double_free_tcache, setup),
		cmocka_unit_test_setup(test_double_free_bins, setup),
		cmocka_unit_test_setup(test_double_free_top, setup),
		cmocka_unit_test_setup(test_invalid_pointer, setup),
		cmocka_unit_test_setup(test_invalid_mmapped_pointer, setup),
		cmocka_unit_test_setup(test_realloc_invalid_pointer, setup),
		cmocka_unit_test_setup(test_corrupted_size, setup),
		cmocka_unit_test_setup(test_invalid_next_size, setup),
		cmocka_unit_test_setup(test_free_out_of_heap, setup),
		cmocka_unit_test_setup(test_corrupted_top_size, setup),
		cmocka_unit_test_setup(test_corrupted_unsorted_list, setup),
		cmocka_unit_test_setup(test_corrupted_tcache_next, setup),
		cmocka_unit_test_setup(test_checker_finds_tcache_damage, setup_checked),
		cmocka_unit_test_setup(test_checker_finds_bad_foot, setup_checked),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
