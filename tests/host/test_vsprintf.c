/*
 * tests/host/test_vsprintf.c - the kernel's vsnprintf against glibc's.
 *
 * For every conversion printk supports, the kernel's output must be
 * byte-for-byte what the C standard (and so glibc) prints, including the
 * return value and truncation.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "host_test.h"

/* Some cases below use flags that C says are ignored: glibc must agree. */
#pragma GCC diagnostic ignored "-Wformat"

/* Format with both implementations and compare text and return value. */
#define CHECK_SAME(fmt, ...)                                                                       \
	do {                                                                                       \
		char ours[256], theirs[256];                                                       \
		int n1 = kernel_snprintf(ours, sizeof(ours), fmt, __VA_ARGS__);                    \
		int n2 = snprintf(theirs, sizeof(theirs), fmt, __VA_ARGS__);                       \
		assert_string_equal(ours, theirs);                                                 \
		assert_int_equal(n1, n2);                                                          \
	} while (0)

static void
test_integers(void **state)
{
	CHECK_SAME("%d %i %u", 0, -1, 4000000000u);
	CHECK_SAME("%d %d", INT_MIN, INT_MAX);
	CHECK_SAME("%ld %lu", LONG_MIN, ULONG_MAX);
	CHECK_SAME("%lld %llu", LLONG_MIN, ULLONG_MAX);
	CHECK_SAME("%zu %zd", (size_t)123456789012, (ssize_t)-5);
	CHECK_SAME("%hd %hu %hhd %hhu", 70000, 70000, 300, 300);
	CHECK_SAME("%x %X %o", 0xdeadbeefu, 0xdeadbeefu, 0777u);
	CHECK_SAME("%lx %016lx", 0xffffffff80000000UL, 0x1234UL);
}

static void
test_width_and_flags(void **state)
{
	CHECK_SAME("[%5d] [%-5d] [%05d] [%+d] [% d]", 42, 42, 42, 42, 42);
	CHECK_SAME("[%05d] [%-05d] [%+05d]", -42, -42, 42);
	CHECK_SAME("[%#x] [%#X] [%#o] [%#x] [%#o]", 255u, 255u, 8u, 0u, 0u);
	CHECK_SAME("[%.3d] [%8.3d] [%-8.3d] [%08.3d]", 7, 7, 7, 7);
	CHECK_SAME("[%.0d] [%.0x] [%#.0o]", 0, 0u, 0u);
	CHECK_SAME("[%*d] [%-*d] [%.*d]", 6, 1, 6, 1, 4, 1);
	CHECK_SAME("[%*d]", -6, 1);
}

static void
test_strings_and_chars(void **state)
{
	CHECK_SAME("[%s] [%10s] [%-10s] [%.2s] [%c%c]", "abc", "abc", "abc", "abc", 'x', 'y');
	CHECK_SAME("[%5c] [%-5c] %%", 'z', 'z');
	CHECK_SAME("[%.*s]", 3, "abcdef");
}

static void
test_pointers(void **state)
{
	CHECK_SAME("%p %p", (void *)0x1234, (void *)0xffffffff80100000UL);
	CHECK_SAME("[%p] [%20p]", (void *)NULL, (void *)0xabc);
}

/* Output cut to the buffer; the return value is the full length. */
static void
test_truncation(void **state)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	assert_int_equal(kernel_snprintf(buf, 5, "%s", "abcdefgh"), 8);
	assert_string_equal(buf, "abcd");
	assert_int_equal(buf[5], 'X'); /* nothing written past size */
	assert_int_equal(kernel_snprintf(buf, 0, "%d", 12345), 5);
	assert_int_equal(buf[0], 'a'); /* size 0 writes nothing */
	assert_int_equal(kernel_snprintf(buf, 1, "xyz"), 3);
	assert_string_equal(buf, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),	  cmocka_unit_test(test_width_and_flags),
		cmocka_unit_test(test_strings_and_chars), cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_truncation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
