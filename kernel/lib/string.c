/*
 * kernel/lib/string.c - memory and string functions for the kernel.
 *
 * Plain loops, easy to step through in GDB, except memcpy and memset,
 * which every page fault and every new page uses: they are x86 string
 * instructions (`rep movsq`/`rep stosq`, Intel SDM Vol. 2B, REP), much
 * faster than a C loop on hardware and under QEMU's emulation alike.
 *
 * Counterpart: Linux lib/string.c, arch/x86/lib/memcpy_64.S.
 */
#include <pagoda/string.h>

void *
memcpy(void *dst, const void *src, size_t n)
{
	void *ret = dst;
	size_t qwords = n / 8, bytes = n % 8;

	/* Eight bytes per step, then the tail: under emulation each
	 * iteration of a rep instruction costs about the same, whatever
	 * its width. */
	__asm__ volatile("rep movsq" : "+D"(dst), "+S"(src), "+c"(qwords) : : "memory");
	__asm__ volatile("rep movsb" : "+D"(dst), "+S"(src), "+c"(bytes) : : "memory");
	return ret;
}

/*
 * memset - fill with 64-byte strides of 8-byte stores, then the tail.
 * Under QEMU's software emulation a `rep stos` runs one iteration per
 * trip through the emulator's dispatch loop, while a straight run of
 * stores is translated once and runs as host code: this loop is several
 * times faster there, and no slower on hardware.
 */
void *
memset(void *dst, int c, size_t n)
{
	uint64_t pattern = 0x0101010101010101ULL * (uint8_t)c;
	unsigned char *d = dst;

	if (((unsigned long)d & 7) == 0) {
		for (; n >= 64; n -= 64, d += 64) {
			uint64_t *q = (uint64_t *)d;

			q[0] = pattern;
			q[1] = pattern;
			q[2] = pattern;
			q[3] = pattern;
			q[4] = pattern;
			q[5] = pattern;
			q[6] = pattern;
			q[7] = pattern;
		}
	}
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *
memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	/* Overlap with dst above src: copy backwards. */
	while (n--)
		d[n] = s[n];
	return dst;
}

int
memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (size_t i = 0; i < n; i++) {
		if (x[i] != y[i])
			return x[i] - y[i];
	}
	return 0;
}

size_t
strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

size_t
strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

int
strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}

int
strncmp(const char *a, const char *b, size_t n)
{
	for (; n > 0; n--, a++, b++) {
		if (*a != *b || !*a)
			return (unsigned char)*a - (unsigned char)*b;
	}
	return 0;
}

char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/*
 * strlcpy - copy @src into @dst of @size bytes, always NUL-terminated when
 * @size > 0. Returns strlen(src), so a result >= @size means it was cut.
 */
size_t
strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
