/*
 * libc/src/stdio/stdio_impl.h - struct _IO_FILE (FILE) and the buffer
 * functions the stdio files share.
 *
 * A FILE is a file descriptor plus one buffer used either for output
 * (bytes waiting to be written, wpos of them) or for input (bytes read
 * but not yet consumed, rpos..rend), never both at once. The buffering
 * mode follows glibc: stdout is line-buffered when it is a terminal and
 * fully buffered otherwise (decided at its first use), stderr is
 * unbuffered, files are fully buffered.
 */
#ifndef LIBC_STDIO_IMPL_H
#define LIBC_STDIO_IMPL_H

#include <stdio.h>
#include <stdbool.h>

/* FILE.flags */
#define F_READ	     0x01 /* opened for reading */
#define F_WRITE	     0x02 /* opened for writing */
#define F_EOF	     0x04 /* end of file seen (feof) */
#define F_ERR	     0x08 /* an I/O error happened (ferror) */
#define F_STATIC     0x10 /* stdin/stdout/stderr: never freed */
#define F_OWNBUF     0x20 /* buf was malloc()ed by stdio */
#define F_APPEND     0x40 /* O_APPEND: writes go to the end */
#define F_NOMODE     0x80 /* buffering mode not chosen yet (stdout) */

#define STDIO_BUFSIZ 4096 /* glibc uses st_blksize, 4096 for pipes and most files */

struct _IO_FILE {
	int fd;		       /* the file descriptor underneath */
	int flags;	       /* F_* */
	int mode;	       /* _IOFBF, _IOLBF or _IONBF */
	int ungot;	       /* a byte pushed back by ungetc(), or EOF */
	char *buf;	       /* the buffer, bufsize bytes */
	size_t bufsize;	       /* its size in bytes */
	size_t wpos;	       /* output: bytes in buf waiting to be written */
	size_t rpos;	       /* input: next byte of buf to hand out */
	size_t rend;	       /* input: end of the bytes read into buf */
	struct _IO_FILE *next; /* the list of all streams, for fflush(NULL) */
	char shortbuf[1];      /* input buffer of an unbuffered stream */
};

/* every open stream, stdin/stdout/stderr first */
extern FILE *__stdio_head;

/* write @len bytes of @data through @f's buffer; returns bytes taken */
size_t __stdio_write(FILE *f, const char *data, size_t len);

/* write out @f's pending output; returns 0 or EOF */
int __stdio_flush(FILE *f);

/* make @f ready for reading: flush output, refill if empty; false at EOF */
bool __stdio_fill(FILE *f);

/* choose stdout's mode at first use (line-buffered on a terminal) */
void __stdio_choose_mode(FILE *f);

/* add a newly opened stream to the list */
void __stdio_link(FILE *f);

/* unlink @f from the list */
void __stdio_unlink(FILE *f);

/*
 * The formatting engine shared by printf() and friends (vfprintf.c):
 * output goes either into a FILE or into a memory buffer.
 */
struct fmt_out {
	FILE *f;     /* the stream, or NULL for a memory buffer */
	char *buf;   /* memory: where to store */
	size_t size; /* memory: room in buf, with the final NUL */
	size_t len;  /* bytes produced so far (what printf returns) */
	bool error;  /* the stream failed to write */
};

/* emit @n bytes at @s, or @n copies of @c */
void __fmt_emit(struct fmt_out *o, const char *s, size_t n);
void __fmt_pad(struct fmt_out *o, char c, long n);

/* format @fmt with @ap into @o; returns the count, or -1 on error */
int __vformat(struct fmt_out *o, const char *fmt, va_list ap);

/* format flags, shared with the floating-point code (fmt_fp.c) */
#define FMT_MINUS 0x01 /* '-': pad on the right */
#define FMT_PLUS  0x02 /* '+': always a sign */
#define FMT_SPACE 0x04 /* ' ': a space for no sign */
#define FMT_ALT	  0x08 /* '#': the alternative form */
#define FMT_ZERO  0x10 /* '0': pad with zeros */
#define FMT_UPPER 0x20 /* conversion letter was upper case */

/*
 * __fmt_fp - one %f %F %e %E %g %G %a %A conversion of @value.
 * @prec < 0 means none given; @is_long: the argument was a long double
 * (it matters for %a only).
 */
void __fmt_fp(struct fmt_out *o, long double value, int width, int prec, int flags, char conv,
	      bool is_long);

#endif /* LIBC_STDIO_IMPL_H */
