/*
 * libc/src/dirent/opendir.c - walking a directory: opendir(), fdopendir(),
 * readdir(), closedir(), rewinddir().
 *
 * A DIR is an open directory fd and a buffer of the records getdents64(2)
 * returns (struct dirent in <dirent.h>); readdir() hands them out one at
 * a time and calls getdents64 again when the buffer is used up.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>

#define DIR_BUFSIZ 2048 /* bytes of records read at a time */

struct __dirstream {
	int fd;		      /* the open directory */
	size_t pos;	      /* next record in buf */
	size_t end;	      /* end of the records in buf */
	char buf[DIR_BUFSIZ]; /* records from getdents64 */
};

/* fdopendir - a DIR for the directory open as @fd; NULL with errno */
DIR *
fdopendir(int fd)
{
	DIR *d = malloc(sizeof(*d));

	if (!d) {
		errno = ENOMEM;
		return NULL;
	}
	d->fd = fd;
	d->pos = d->end = 0;
	return d;
}

/* opendir - open the directory @path; NULL with errno (ENOENT, ENOTDIR) */
DIR *
opendir(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d;

	if (fd < 0)
		return NULL;
	d = fdopendir(fd);
	if (!d)
		close(fd);
	return d;
}

/*
 * readdir - the next entry of @d, or NULL at the end (errno unchanged) or
 * on error (errno set). The record lives in @d until the next call.
 */
struct dirent *
readdir(DIR *d)
{
	struct dirent *de;
	ssize_t n;

	if (d->pos >= d->end) {
		n = getdents64(d->fd, d->buf, sizeof(d->buf));
		if (n <= 0)
			return NULL;
		d->pos = 0;
		d->end = n;
	}
	de = (struct dirent *)(d->buf + d->pos);
	d->pos += de->d_reclen;
	return de;
}

/* rewinddir - start @d over from its first entry */
void
rewinddir(DIR *d)
{
	lseek(d->fd, 0, SEEK_SET);
	d->pos = d->end = 0;
}

/* closedir - close @d's fd and free it; returns close()'s result */
int
closedir(DIR *d)
{
	int ret = close(d->fd);

	free(d);
	return ret;
}
