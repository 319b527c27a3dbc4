/*
 * libc/src/stdio/fopen.c - opening and closing streams: fopen(),
 * fdopen(), fclose(), and the stream state: fileno(), feof(), ferror(),
 * clearerr().
 *
 * A stream opened here is a malloc()ed FILE with a malloc()ed buffer of
 * STDIO_BUFSIZ bytes, line-buffered if it is a terminal and fully
 * buffered otherwise (decided at first use, as for stdout).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <errno.h>
#include "stdio_impl.h"

/*
 * mode_flags - the open(2) flags for an fopen() @mode ("r", "w+", "ab",
 * ...): 'r' read, 'w' create/truncate, 'a' create/append, '+' both ways;
 * 'e' adds O_CLOEXEC and 'x' O_EXCL, as in glibc. Returns -1 (errno
 * EINVAL) for a mode that does not start with r, w or a.
 */
static int
mode_flags(const char *mode)
{
	int flags;

	switch (*mode) {
	case 'r': flags = O_RDONLY; break;
	case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
	default: errno = EINVAL; return -1;
	}
	if (strchr(mode, '+'))
		flags = (flags & ~O_ACCMODE) | O_RDWR;
	if (strchr(mode, 'e'))
		flags |= O_CLOEXEC;
	if (strchr(mode, 'x'))
		flags |= O_EXCL;
	return flags;
}

/* make a FILE for @fd opened with open(2) @flags; NULL if out of memory */
static FILE *
file_new(int fd, int flags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->buf = malloc(STDIO_BUFSIZ);
	if (!f->buf) {
		free(f);
		return NULL;
	}
	f->fd = fd;
	f->bufsize = STDIO_BUFSIZ;
	f->mode = _IOFBF;
	f->ungot = EOF;
	f->flags = F_OWNBUF | F_NOMODE; /* a terminal gets line buffering */
	if ((flags & O_ACCMODE) != O_WRONLY)
		f->flags |= F_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		f->flags |= F_WRITE;
	if (flags & O_APPEND)
		f->flags |= F_APPEND;
	__stdio_link(f);
	return f;
}

/*
 * fopen - open the file @path as a stream with fopen() @mode.
 * Returns the stream, or NULL with errno (from open(2), or ENOMEM).
 */
FILE *
fopen(const char *path, const char *mode)
{
	int flags = mode_flags(mode);
	int fd;
	FILE *f;

	if (flags < 0)
		return NULL;
	fd = open(path, flags, 0666);
	if (fd < 0)
		return NULL;
	f = file_new(fd, flags);
	if (!f) {
		close(fd);
		errno = ENOMEM;
	}
	return f;
}

/* fdopen - a stream on the already open @fd, with fopen() @mode */
FILE *
fdopen(int fd, const char *mode)
{
	int flags = mode_flags(mode);
	FILE *f;

	if (flags < 0)
		return NULL;
	f = file_new(fd, flags & ~O_TRUNC);
	if (!f)
		errno = ENOMEM;
	return f;
}

/*
 * fclose - flush @f, close its fd and free it. Returns 0, or EOF if the
 * flush or the close failed (the stream is gone either way).
 */
int
fclose(FILE *f)
{
	int ret = fflush(f);

	if (close(f->fd) < 0)
		ret = EOF;
	if (f->flags & F_STATIC)
		return ret;
	__stdio_unlink(f);
	if (f->flags & F_OWNBUF)
		free(f->buf);
	free(f);
	return ret;
}

/* fileno - the fd underneath @f */
int
fileno(FILE *f)
{
	return f->fd;
}

/* feof - has a read on @f met the end of the file? */
int
feof(FILE *f)
{
	return (f->flags & F_EOF) != 0;
}

/* ferror - has an I/O error happened on @f? */
int
ferror(FILE *f)
{
	return (f->flags & F_ERR) != 0;
}

/* clearerr - forget the end-of-file and error states of @f */
void
clearerr(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}
