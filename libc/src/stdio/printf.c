/*
 * libc/src/stdio/printf.c - the printf family: printf(), fprintf(),
 * dprintf(), sprintf(), snprintf() and their v* forms. Each sets up a
 * destination (struct fmt_out) and calls __vformat() (vfprintf.c).
 */
#include <stdarg.h>
#include <limits.h>
#include "stdio_impl.h"

/*
 * vfprintf - format into stream @f. On an unbuffered stream (stderr) the
 * text is first gathered in a buffer on the stack and written at the end,
 * so one printf() is one write(2), as with glibc.
 */
int
vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct fmt_out o = { .f = f };
	char tmp[BUFSIZ];
	char *saved_buf = f->buf;
	size_t saved_size = f->bufsize;
	int ret;

	__stdio_choose_mode(f);
	if (f->mode != _IONBF)
		return __vformat(&o, fmt, ap);

	f->buf = tmp;
	f->bufsize = sizeof(tmp);
	f->mode = _IOFBF;
	ret = __vformat(&o, fmt, ap);
	if (__stdio_flush(f) == EOF)
		ret = -1;
	f->buf = saved_buf;
	f->bufsize = saved_size;
	f->mode = _IONBF;
	return ret;
}

int
fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(f, fmt, ap);
	va_end(ap);
	return ret;
}

int
vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int
printf(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return ret;
}

/*
 * vdprintf - format to file descriptor @fd through a temporary unbuffered
 * stream (so the text goes out in one write when it fits in BUFSIZ).
 */
int
vdprintf(int fd, const char *fmt, va_list ap)
{
	struct _IO_FILE f = { .fd = fd, .flags = F_WRITE | F_STATIC, .mode = _IONBF, .ungot = EOF };

	return vfprintf(&f, fmt, ap);
}

int
dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vdprintf(fd, fmt, ap);
	va_end(ap);
	return ret;
}

/*
 * vsnprintf - format into @buf, storing at most @size bytes including the
 * final NUL. Returns the length the whole text has (which may be @size or
 * more: then it was cut short).
 */
int
vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct fmt_out o = { .buf = buf, .size = size };
	int ret = __vformat(&o, fmt, ap);

	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return ret;
}

int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

/* vsprintf - vsnprintf() with no limit: @buf must be large enough */
int
vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

int
sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return ret;
}
