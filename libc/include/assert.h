/*
 * libc/include/assert.h - assert() (C11 7.2).
 *
 * A failed assertion prints glibc's message,
 *   prog: file:line: function: Assertion `expr' failed.
 * on stderr and calls abort(). With NDEBUG defined, assert() does nothing.
 * This header has no include guard on purpose: each inclusion re-reads
 * NDEBUG (C11 7.2p1).
 */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
void __assert_fail(const char *expr, const char *file, unsigned int line, const char *func)
	__attribute__((__noreturn__));
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H
#define static_assert _Static_assert
#endif
