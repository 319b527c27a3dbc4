/*
 * tests/host/test_errname.c - errname(): error numbers by name, as Linux's
 * lib/errname.c gives them ("-EFAULT" for -14, "EFAULT" for 14).
 */
#include <limits.h>
#include <string.h>

#include <pagoda/printk.h>
#include <uapi/errno.h>

#include "host_test.h"

static void
test_names_with_and_without_sign(void **state)
{
	assert_string_equal(errname(-EFAULT), "-EFAULT");
	assert_string_equal(errname(EFAULT), "EFAULT");
	assert_string_equal(errname(-ENOENT), "-ENOENT");
	assert_string_equal(errname(ENOMEM), "ENOMEM");
	assert_string_equal(errname(-ENOSYS), "-ENOSYS");
	assert_string_equal(errname(-ETIMEDOUT), "-ETIMEDOUT");
	assert_string_equal(errname(-ERESTARTSYS), "-ERESTARTSYS");
	/* An alias prints as the name Linux prints. */
	assert_string_equal(errname(-EWOULDBLOCK), "-EAGAIN");
	assert_string_equal(errname(EOPNOTSUPP), "EOPNOTSUPP");
}

/* Every number from EPERM to ELOOP has a name, and it is an E... name. */
static void
test_every_basic_number_named(void **state)
{
	for (int n = EPERM; n <= ELOOP; n++) {
		const char *name = errname(n);

		assert_non_null(name);
		assert_int_equal(name[0], 'E');
		assert_string_equal(errname(-n) + 1, name);
	}
}

static void
test_unknown_numbers(void **state)
{
	assert_null(errname(0));
	assert_null(errname(41)); /* unused in Linux too */
	assert_null(errname(-MAX_ERRNO));
	assert_null(errname(INT_MIN));
	assert_null(errname(INT_MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_with_and_without_sign),
		cmocka_unit_test(test_every_basic_number_named),
		cmocka_unit_test(test_unknown_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
