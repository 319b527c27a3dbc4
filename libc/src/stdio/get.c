/*
 * libc/src/stdio/get.c - unformatted input: fgetc(), getc(), getchar(),
 * ungetc(), fgets(), fread(). Bytes come from the stream's buffer;
 * __stdio_fill() reads more with read(2) when it is empty.
 */
#include <string.h>
#include "stdio_impl.h"

/* the buffer of @f as __stdio_fill() uses it */
static inline char *
input_buf(FILE *f)
{
	return f->buf ? f->buf : f->shortbuf;
}

/* fgetc - the next byte of @f as unsigned char, or EOF (end or error) */
int
fgetc(FILE *f)
{
	int c;

	if (f->ungot != EOF) {
		c = f->ungot;
		f->ungot = EOF;
		return c;
	}
	if (!__stdio_fill(f))
		return EOF;
	return (unsigned char)input_buf(f)[f->rpos++];
}

int
getc(FILE *f)
{
	return fgetc(f);
}

int
getchar(void)
{
	return fgetc(stdin);
}

/*
 * ungetc - push @c back so the next read returns it. One byte of
 * push-back is guaranteed (C11 7.21.7.10), and Pagoda gives exactly one.
 * Returns @c, or EOF if @c is EOF or a byte is already pushed back.
 */
int
ungetc(int c, FILE *f)
{
	if (c == EOF || f->ungot != EOF)
		return EOF;
	f->ungot = (unsigned char)c;
	f->flags &= ~F_EOF;
	return (unsigned char)c;
}

/*
 * fgets - read a line of at most @size - 1 bytes into @s, keeping the
 * '\n', and end it with a NUL. Returns @s, or NULL if nothing was read
 * before the end of the file or an error.
 */
char *
fgets(char *s, int size, FILE *f)
{
	int n = 0, c;

	if (size <= 0)
		return NULL;
	while (n < size - 1) {
		c = fgetc(f);
		if (c == EOF)
			break;
		s[n++] = (char)c;
		if (c == '\n')
			break;
	}
	if (n == 0)
		return NULL;
	s[n] = '\0';
	return s;
}

/*
 * fread - read up to @nmemb elements of @size bytes from @f into @ptr.
 * Returns the number of whole elements read; see feof()/ferror() for why
 * it is short.
 */
size_t
fread(void *ptr, size_t size, size_t nmemb, FILE *f)
{
	char *d = ptr;
	size_t want = size * nmemb, got = 0, n;

	if (want == 0)
		return 0;
	if (f->ungot != EOF) {
		d[got++] = (char)f->ungot;
		f->ungot = EOF;
	}
	while (got < want && __stdio_fill(f)) {
		n = f->rend - f->rpos;
		if (n > want - got)
			n = want - got;
		memcpy(d + got, input_buf(f) + f->rpos, n);
		f->rpos += n;
		got += n;
	}
	return got / size;
}
