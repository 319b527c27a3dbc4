/*
 * libc/src/string/memory.c - the mem* functions: memcpy(), memmove(),
 * memset(), memcmp(), memchr(), memrchr(), bzero().
 *
 * Byte-at-a-time loops: slower than glibc's vectorized versions, but each
 * one can be followed in GDB. GCC may turn a loop in a program into a call
 * to these functions, so they must not call themselves through such a
 * loop: -fno-tree-loop-distribute-patterns in libc's flags prevents it.
 */
#include <string.h>
#include <strings.h>

/* memcpy - copy @n bytes from @src to @dest (no overlap); returns @dest */
void *
memcpy(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dest;
}

/*
 * memmove - copy @n bytes from @src to @dest; the areas may overlap, so
 * copy backwards when @dest is above @src. Returns @dest.
 */
void *
memmove(void *dest, const void *src, size_t n)
{
	unsigned char *d = dest;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dest, src, n);
	while (n--)
		d[n] = s[n];
	return dest;
}

/* memset - fill @n bytes at @s with the byte @c; returns @s */
void *
memset(void *s, int c, size_t n)
{
	unsigned char *p = s;

	while (n--)
		*p++ = (unsigned char)c;
	return s;
}

/* bzero - memset(@s, 0, @n) */
void
bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

/*
 * memcmp - compare @n bytes as unsigned chars. Returns <0, 0 or >0 as
 * @s1 sorts before, equal to or after @s2.
 */
int
memcmp(const void *s1, const void *s2, size_t n)
{
	const unsigned char *a = s1, *b = s2;

	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a - *b;
	}
	return 0;
}

/* memchr - the first byte @c in @n bytes at @s, or NULL */
void *
memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++) {
		if (*p == (unsigned char)c)
			return (void *)p;
	}
	return NULL;
}

/* memrchr - the last byte @c in @n bytes at @s, or NULL */
void *
memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	while (n--) {
		if (p[n] == (unsigned char)c)
			return (void *)(p + n);
	}
	return NULL;
}
