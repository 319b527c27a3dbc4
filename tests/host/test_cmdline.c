/*
 * tests/host/test_cmdline.c - kernel command-line options.
 */
#include <pagoda/cmdline.h>

#include "host_test.h"

static void
test_bool_options(void **state)
{
	const char *cmd = "quiet  selftest\tloglevel=3 test_fault=page";

	assert_true(cmdline_find_option_bool(cmd, "quiet"));
	assert_true(cmdline_find_option_bool(cmd, "selftest"));
	assert_false(cmdline_find_option_bool(cmd, "self"));	 /* whole words only */
	assert_false(cmdline_find_option_bool(cmd, "loglevel")); /* has a value */
	assert_false(cmdline_find_option_bool("", "quiet"));
}

static void
test_value_options(void **state)
{
	char buf[8];

	assert_int_equal(cmdline_find_option("a=1 loglevel=3 b", "loglevel", buf, sizeof(buf)), 1);
	assert_string_equal(buf, "3");
	assert_int_equal(cmdline_find_option("x=1 x=22", "x", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "22"); /* the last one wins */
	assert_int_equal(cmdline_find_option("xx=1", "x", buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_find_option("x", "x", buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_find_option("x=", "x", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "");
}

static void
test_value_truncated(void **state)
{
	char buf[4];

	assert_int_equal(cmdline_find_option("name=abcdefgh", "name", buf, sizeof(buf)), 8);
	assert_string_equal(buf, "abc");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bool_options),
		cmocka_unit_test(test_value_options),
		cmocka_unit_test(test_value_truncated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
