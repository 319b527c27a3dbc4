/*
 * libc/src/unistd/read_write.c - reading and writing file descriptors:
 * read(), write(), pread64(), pwrite(), lseek().
 *
 * Thin wrappers: one system call each (Linux's read(2), write(2),
 * pread64(2), lseek(2)); stdio sits on top of read() and write().
 */
#include <unistd.h>
#include "../internal/syscall.h"

/*
 * read - read up to @count bytes from @fd into @buf.
 * Returns the number of bytes read (0 at end of file), or -1 with errno.
 */
ssize_t
read(int fd, void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_read, fd, (long)buf, count));
}

/*
 * write - write up to @count bytes from @buf to @fd.
 * Returns the number of bytes written (possibly fewer), or -1 with errno.
 */
ssize_t
write(int fd, const void *buf, size_t count)
{
	return __syscall_ret(__syscall3(__NR_write, fd, (long)buf, count));
}

/*
 * pread64 - read like read(), but at byte @offset of the file, without
 * moving the file offset.
 */
ssize_t
pread64(int fd, void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__syscall4(__NR_pread64, fd, (long)buf, count, offset));
}

ssize_t
pread(int fd, void *buf, size_t count, off_t offset)
{
	return pread64(fd, buf, count, offset);
}

/* pwrite - write like write(), at byte @offset, without moving the offset */
ssize_t
pwrite(int fd, const void *buf, size_t count, off_t offset)
{
	return __syscall_ret(__syscall4(__NR_pwrite64, fd, (long)buf, count, offset));
}

/*
 * lseek - move @fd's offset to @offset bytes from SEEK_SET (the start),
 * SEEK_CUR (the current offset) or SEEK_END (the end).
 * Returns the new offset, or -1 with errno (ESPIPE on a pipe).
 */
off_t
lseek(int fd, off_t offset, int whence)
{
	return __syscall_ret(__syscall3(__NR_lseek, fd, offset, whence));
}
