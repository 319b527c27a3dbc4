/*
 * libc/include/limits.h - sizes of the integer types (C11 7.10) and a few
 * POSIX limits, for x86-64 (LP64: int 32 bits, long and pointers 64).
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT   8
#define SCHAR_MIN  (-128)
#define SCHAR_MAX  127
#define UCHAR_MAX  255
#define CHAR_MIN   SCHAR_MIN /* char is signed on x86-64 */
#define CHAR_MAX   SCHAR_MAX
#define MB_LEN_MAX 16
#define SHRT_MIN   (-1 - SHRT_MAX)
#define SHRT_MAX   0x7fff
#define USHRT_MAX  0xffff
#define INT_MIN	   (-1 - INT_MAX)
#define INT_MAX	   0x7fffffff
#define UINT_MAX   0xffffffffU
#define LONG_MIN   (-1L - LONG_MAX)
#define LONG_MAX   0x7fffffffffffffffL
#define ULONG_MAX  0xffffffffffffffffUL
#define LLONG_MIN  (-1LL - LLONG_MAX)
#define LLONG_MAX  0x7fffffffffffffffLL
#define ULLONG_MAX 0xffffffffffffffffULL
#define SSIZE_MAX  LONG_MAX

#include <uapi/limits.h> /* PATH_MAX, NAME_MAX */

#define PAGE_SIZE 4096
#define PAGESIZE  PAGE_SIZE

#endif /* _LIMITS_H */
