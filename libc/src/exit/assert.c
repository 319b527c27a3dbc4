/*
 * libc/src/exit/assert.c - the failure path of assert().
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

/*
 * __assert_fail - print glibc's message for a failed assert(),
 *   prog: file:line: function: Assertion `expr' failed.
 * on stderr, then abort(). Called by the assert() macro with the
 * expression's text, __FILE__, __LINE__ and __func__.
 */
_Noreturn void
__assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
{
	fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", program_invocation_short_name,
		*program_invocation_short_name ? ": " : "", file, line, func ? func : "",
		func ? ": " : "", expr);
	abort();
}
