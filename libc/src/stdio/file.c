/*
 * libc/src/stdio/file.c - the standard streams and the buffer machinery:
 * stdin, stdout, stderr, the output path (__stdio_write, __stdio_flush),
 * the input refill (__stdio_fill), fflush(), setvbuf(), and the flush at
 * exit.
 *
 * Every stdio output function ends in __stdio_write(), and every byte
 * leaves through write(2) in __stdio_flush() or in its direct-write path;
 * input comes in through read(2) in __stdio_fill(). Counterparts: glibc's
 * libio/fileops.c, musl's src/stdio/__stdio_write.c.
 */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <sys/ioctl.h>
#include "stdio_impl.h"
#include "../internal/libc.h"

static char stdin_buf[STDIO_BUFSIZ];
static char stdout_buf[STDIO_BUFSIZ];

static struct _IO_FILE stderr_file = {
	.fd = 2,
	.flags = F_WRITE | F_STATIC,
	.mode = _IONBF,
	.ungot = EOF,
};

static struct _IO_FILE stdout_file = {
	.fd = 1,
	.flags = F_WRITE | F_STATIC | F_NOMODE,
	.mode = _IOFBF,
	.ungot = EOF,
	.buf = stdout_buf,
	.bufsize = sizeof(stdout_buf),
	.next = &stderr_file,
};

static struct _IO_FILE stdin_file = {
	.fd = 0,
	.flags = F_READ | F_STATIC,
	.mode = _IOFBF,
	.ungot = EOF,
	.buf = stdin_buf,
	.bufsize = sizeof(stdin_buf),
	.next = &stdout_file,
};

FILE *const stdin = &stdin_file;
FILE *const stdout = &stdout_file;
FILE *const stderr = &stderr_file;
FILE *__stdio_head = &stdin_file;

/*
 * __stdio_choose_mode - decide a stream's buffering at its first use, as
 * glibc does: a terminal (TCGETS succeeds) gets line buffering, anything
 * else (a pipe, a file) full buffering. This is the ioctl a program makes
 * before its first line of output.
 */
void
__stdio_choose_mode(FILE *f)
{
	struct termios t;
	int saved = errno; /* the probe must not change errno */

	if (!(f->flags & F_NOMODE))
		return;
	f->flags &= ~F_NOMODE;
	f->mode = ioctl(f->fd, TCGETS, &t) == 0 ? _IOLBF : _IOFBF;
	errno = saved;
}

/* write all @len bytes at @data to @f's fd, retrying short writes */
static int
write_all(FILE *f, const char *data, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = write(f->fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			f->flags |= F_ERR;
			return EOF;
		}
		data += n;
		len -= n;
	}
	return 0;
}

/*
 * __stdio_flush - write out @f's pending output. Returns 0, or EOF (with
 * the error flag set) when write(2) failed; the output is dropped then.
 */
int
__stdio_flush(FILE *f)
{
	size_t n = f->wpos;

	f->wpos = 0;
	if (n == 0)
		return 0;
	return write_all(f, f->buf, n);
}

/*
 * drop_input - before writing to a stream that was being read: give back
 * the bytes read ahead by moving the file offset back over them.
 */
static void
drop_input(FILE *f)
{
	long ahead = (long)(f->rend - f->rpos) + (f->ungot != EOF);

	if (ahead > 0)
		lseek(f->fd, -ahead, SEEK_CUR);
	f->rpos = f->rend = 0;
	f->ungot = EOF;
}

/* the length of @data up to and including its last '\n', or 0 */
static size_t
through_last_newline(const char *data, size_t len)
{
	const char *nl = memrchr(data, '\n', len);

	return nl ? (size_t)(nl - data) + 1 : 0;
}

/*
 * __stdio_write - the output path of every stdio function: put @len bytes
 * at @data into @f's buffer and write out what the buffering mode says
 * must go now. As glibc's _IO_new_file_xsputn:
 *   unbuffered:  write(2) the bytes at once;
 *   line mode:   if they fit, buffer them and flush through the last '\n';
 *   otherwise:   fill the buffer, flush it, write whole buffer-sized blocks
 *                directly and keep the rest in the buffer.
 * Returns the number of bytes taken (fewer than @len after an error).
 */
size_t
__stdio_write(FILE *f, const char *data, size_t len)
{
	size_t room, count, direct, nl, taken = len;

	if (!(f->flags & F_WRITE)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return 0;
	}
	__stdio_choose_mode(f);
	if (f->rend || f->ungot != EOF)
		drop_input(f);
	if (f->mode == _IONBF || !f->buf)
		return write_all(f, data, len) == 0 ? len : 0;

	room = f->bufsize - f->wpos;
	count = room < len ? room : len;
	nl = f->mode == _IOLBF && len <= room ? through_last_newline(data, len) : 0;
	if (nl)
		count = nl;
	memcpy(f->buf + f->wpos, data, count);
	f->wpos += count;
	data += count;
	len -= count;
	if (len == 0 && !nl)
		return taken;

	if (__stdio_flush(f) == EOF)
		return taken - len;
	/* whole blocks go straight out; the tail waits in the buffer */
	direct = len - len % f->bufsize;
	if (direct && write_all(f, data, direct) == EOF)
		return taken - len;
	memcpy(f->buf, data + direct, len - direct);
	f->wpos = len - direct;
	return taken;
}

/*
 * __stdio_fill - make input available in @f's buffer: if it is empty,
 * write out pending output first and read(2) more. Returns false at end
 * of file or on error, with F_EOF or F_ERR set.
 */
bool
__stdio_fill(FILE *f)
{
	char *buf = f->buf ? f->buf : f->shortbuf;
	size_t size = f->buf ? f->bufsize : 1;
	ssize_t n;

	if (!(f->flags & F_READ)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return false;
	}
	if (f->rpos < f->rend)
		return true;
	if (f->wpos && __stdio_flush(f) == EOF)
		return false;
	/* a prompt without '\n' should show before the program waits (glibc) */
	if (f == stdin && stdout->mode == _IOLBF)
		__stdio_flush(stdout);
	do {
		n = read(f->fd, buf, size);
	} while (n < 0 && errno == EINTR);
	f->rpos = f->rend = 0;
	if (n <= 0) {
		f->flags |= n == 0 ? F_EOF : F_ERR;
		return false;
	}
	f->rend = n;
	return true;
}

/*
 * fflush - write out the pending output of @f, or of every stream when @f
 * is NULL. On a stream being read, give back the bytes read ahead so the
 * fd's offset is where the program thinks it is. Returns 0 or EOF.
 */
int
fflush(FILE *f)
{
	int ret = 0;

	if (!f) {
		for (f = __stdio_head; f; f = f->next) {
			if (f->wpos && __stdio_flush(f) == EOF)
				ret = EOF;
		}
		return ret;
	}
	if (f->rend || f->ungot != EOF)
		drop_input(f);
	return __stdio_flush(f);
}

/* __stdio_exit - exit() calls this after the atexit() handlers */
void
__stdio_exit(void)
{
	fflush(NULL);
}

/*
 * setvbuf - choose @f's buffering before its first I/O: @mode _IONBF,
 * _IOLBF or _IOFBF, with @buf of @size bytes (NULL: stdio's own buffer).
 * Returns 0, or nonzero for a bad mode.
 */
int
setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	if (mode != _IONBF && mode != _IOLBF && mode != _IOFBF)
		return -1;
	__stdio_flush(f);
	f->flags &= ~F_NOMODE;
	f->mode = mode;
	if (mode == _IONBF) {
		f->buf = NULL;
		f->bufsize = 0;
	} else if (buf && size) {
		f->buf = buf;
		f->bufsize = size;
	} else if (!f->buf) {
		f->buf = malloc(STDIO_BUFSIZ);
		if (!f->buf) {
			f->mode = _IONBF;
			return -1;
		}
		f->bufsize = STDIO_BUFSIZ;
		f->flags |= F_OWNBUF;
	}
	return 0;
}

/* setbuf - @buf (BUFSIZ bytes) for full buffering, or NULL for none */
void
setbuf(FILE *f, char *buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

/* __stdio_link - put a newly opened stream on the list fflush(NULL) walks */
void
__stdio_link(FILE *f)
{
	f->next = __stdio_head;
	__stdio_head = f;
}

/* __stdio_unlink - take @f off that list */
void
__stdio_unlink(FILE *f)
{
	FILE **pp;

	for (pp = &__stdio_head; *pp; pp = &(*pp)->next) {
		if (*pp == f) {
			*pp = f->next;
			return;
		}
	}
}
