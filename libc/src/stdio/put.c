/*
 * libc/src/stdio/put.c - unformatted output: fwrite(), fputs(), puts(),
 * fputc(), putc(), putchar(), perror(). Each one hands its bytes to
 * __stdio_write(), which decides what to write(2) now.
 */
#include <string.h>
#include <errno.h>
#include "stdio_impl.h"

/*
 * fwrite - write @nmemb elements of @size bytes from @ptr to @f.
 * Returns the number of whole elements written.
 */
size_t
fwrite(const void *ptr, size_t size, size_t nmemb, FILE *f)
{
	size_t len = size * nmemb;

	if (len == 0)
		return 0;
	return __stdio_write(f, ptr, len) / size;
}

/* fputs - write the string @s (without its NUL); returns 1, or EOF */
int
fputs(const char *s, FILE *f)
{
	size_t len = strlen(s);

	return __stdio_write(f, s, len) == len ? 1 : EOF;
}

/* puts - write @s and a newline to stdout; returns the bytes written, or EOF */
int
puts(const char *s)
{
	size_t len = strlen(s);

	if (__stdio_write(stdout, s, len) != len || fputc('\n', stdout) == EOF)
		return EOF;
	return len + 1 > 0x7fffffff ? 0x7fffffff : (int)(len + 1);
}

/* fputc - write the byte @c to @f; returns it as unsigned char, or EOF */
int
fputc(int c, FILE *f)
{
	char ch = (char)c;

	return __stdio_write(f, &ch, 1) == 1 ? (unsigned char)ch : EOF;
}

int
putc(int c, FILE *f)
{
	return fputc(c, f);
}

int
putchar(int c)
{
	return fputc(c, stdout);
}

/*
 * perror - print "@s: message for errno" on stderr (just the message when
 * @s is NULL or empty), in one write as glibc does.
 */
void
perror(const char *s)
{
	const char *msg = strerror(errno);

	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}
