/*
 * libc/src/stdio/seek.c - moving in a stream: fseek(), ftell(), rewind();
 * and remove(), the stdio name for unlink().
 *
 * The stream's position is the fd's offset corrected for its buffer: plus
 * the output not yet written, minus the input read ahead (and a byte
 * pushed back by ungetc()). fseek() writes out pending output and drops
 * input read ahead, then moves the fd with lseek(2).
 */
#include <unistd.h>
#include <errno.h>
#include "stdio_impl.h"

/*
 * ftell - the current position in @f, in bytes from the start.
 * Returns -1 with errno (ESPIPE on a pipe or terminal).
 */
long
ftell(FILE *f)
{
	off_t pos = lseek(f->fd, 0, SEEK_CUR);

	if (pos < 0)
		return -1;
	if (f->wpos && (f->flags & F_APPEND))
		pos = lseek(f->fd, 0, SEEK_END); /* appended output lands at the end */
	return pos + (long)f->wpos - (long)(f->rend - f->rpos) - (f->ungot != EOF);
}

/*
 * fseek - move @f to @offset bytes from SEEK_SET (the start), SEEK_CUR
 * (the current position) or SEEK_END (the end). Clears end-of-file.
 * Returns 0, or -1 with errno.
 */
int
fseek(FILE *f, long offset, int whence)
{
	if (whence == SEEK_CUR) {
		/* relative to where the program is, not where the fd is */
		long here = ftell(f);

		if (here < 0)
			return -1;
		offset += here;
		whence = SEEK_SET;
	}
	if (__stdio_flush(f) == EOF)
		return -1;
	f->rpos = f->rend = 0;
	f->ungot = EOF;
	if (lseek(f->fd, offset, whence) < 0)
		return -1;
	f->flags &= ~F_EOF;
	return 0;
}

/* rewind - fseek(@f, 0, SEEK_SET), and clear the error flag too */
void
rewind(FILE *f)
{
	fseek(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
}

/* remove - delete the file @path (stdio's name for unlink) */
int
remove(const char *path)
{
	return unlink(path);
}
