/*
 * libc/src/stdio/getline.c - reading whole lines of any length:
 * getdelim(), getline() (POSIX.1-2008).
 *
 * The caller's buffer *lineptr of *n bytes (NULL and 0 at first) is grown
 * with realloc() as needed, doubling, so a loop over getline() reuses one
 * buffer.
 */
#include <stdlib.h>
#include <errno.h>
#include <limits.h>
#include "stdio_impl.h"

/* make *@lineptr hold at least @need bytes; false (ENOMEM) if it cannot */
static bool
grow(char **lineptr, size_t *n, size_t need)
{
	size_t size = *n ? *n : 120;
	char *p;

	if (need <= *n)
		return true;
	while (size < need)
		size *= 2;
	p = realloc(*lineptr, size);
	if (!p) {
		errno = ENOMEM;
		return false;
	}
	*lineptr = p;
	*n = size;
	return true;
}

/*
 * getdelim - read from @f up to and including the byte @delim into
 * *@lineptr, NUL-terminated. Returns the number of bytes read (without the
 * NUL), or -1 at end of file with nothing read, or on error.
 */
ssize_t
getdelim(char **lineptr, size_t *n, int delim, FILE *f)
{
	size_t len = 0;
	int c;

	if (!lineptr || !n) {
		errno = EINVAL;
		return -1;
	}
	for (;;) {
		if (!grow(lineptr, n, len + 2))
			return -1;
		c = fgetc(f);
		if (c == EOF)
			break;
		(*lineptr)[len++] = (char)c;
		if (c == delim)
			break;
	}
	(*lineptr)[len] = '\0';
	return len == 0 ? -1 : (ssize_t)len;
}

/* getline - getdelim() up to a newline */
ssize_t
getline(char **lineptr, size_t *n, FILE *f)
{
	return getdelim(lineptr, n, '\n', f);
}
