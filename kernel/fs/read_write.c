/*
 * kernel/fs/read_write.c - read, write, their vector and positioned
 * forms, and lseek.
 *
 * A system call here finds the struct file behind the descriptor (fget),
 * checks what Linux checks in the order Linux checks it, and calls the
 * file kind's f_op->read or f_op->write with the file's position; the
 * kind does the copy to or from user memory (copy_to_user). The errors:
 * EBADF for a descriptor that is not open or not open for that direction,
 * EFAULT for a buffer outside user space, EINVAL for a kind that cannot do
 * it, ESPIPE for positioning a pipe or terminal, EISDIR for reading a
 * directory.
 *
 * Regular files keep their bytes in the page cache (filemap_read in
 * mm/filemap.c); generated /proc text shares one read, mem_file_read().
 * kernel_read() copies from either without the user-space checks.
 *
 * Counterpart: Linux fs/read_write.c, fs/libfs.c (simple_read_from_buffer).
 */
#include <pagoda/kernel.h>
#include <pagoda/pagemap.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/uio.h>

#include "internal.h"

/* Linux caps one transfer at INT_MAX rounded down to a page. */
#define MAX_RW_COUNT 0x7ffff000UL

/*
 * simple_read_from_buffer - copy up to @count bytes to user @to from
 * @from, a buffer of @available bytes, starting at *@pos; advance *@pos.
 * Returns the bytes copied (0 at the end) or -EFAULT.
 */
ssize_t
simple_read_from_buffer(void __user *to, size_t count, loff_t *pos, const void *from,
			size_t available)
{
	loff_t p = *pos;
	size_t n;

	if (p < 0)
		return -EINVAL;
	if ((size_t)p >= available || !count)
		return 0;
	n = min(count, available - (size_t)p);
	if (copy_to_user(to, (const char *)from + p, n))
		return -EFAULT;
	*pos = p + n;
	return n;
}

/* mem_file_read - f_op->read of every file whose f_op->contents gives its bytes. */
ssize_t
mem_file_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	size_t len;
	const char *data = file->f_op->contents(file, &len);

	return simple_read_from_buffer(buf, count, pos, data, len);
}

/* generic_file_llseek - new position for a file of known size, or -EINVAL. */
loff_t
generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base = 0;

	if (whence == SEEK_CUR)
		base = file->f_pos;
	else if (whence == SEEK_END)
		base = file_size(file);
	else if (whence != SEEK_SET)
		return -EINVAL;
	/* Linux allows seeking past the end, never before the start. */
	if (offset < 0 && base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

/*
 * kernel_read - read up to @count bytes of @file at *@pos into kernel
 * memory @buf, advancing *@pos: the bytes read, or -EINVAL for a file
 * whose bytes are not in memory (a pipe, the console), -EBADF if not open
 * for reading. Used by execve to read a program; may sleep (a page of
 * the page cache being read in).
 */
ssize_t
kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	const char *data;
	size_t len, n;

	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (file->f_inode && file->f_inode->i_mapping && S_ISREG(file->f_inode->i_mode))
		return filemap_kernel_read(file, buf, count, pos);
	if (!file->f_op || !file->f_op->contents)
		return -EINVAL;
	data = file->f_op->contents(file, &len);
	if (*pos < 0)
		return -EINVAL;
	if ((size_t)*pos >= len)
		return 0;
	n = min(count, len - (size_t)*pos);
	memcpy(buf, data + *pos, n);
	*pos += n;
	return n;
}

/* vfs_read - read from @file at *@pos after Linux's checks. */
static ssize_t
vfs_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	if ((file->f_flags & O_ACCMODE) == O_WRONLY)
		return -EBADF;
	if (!file->f_op->read)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->read(file, buf, min(count, MAX_RW_COUNT), pos);
}

/* vfs_write - write to @file at *@pos after Linux's checks. */
static ssize_t
vfs_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file->f_op->write(file, buf, min(count, MAX_RW_COUNT), pos);
}

/* read - up to @count bytes from @fd at its position, which advances. */
SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_read(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

/* write - @count bytes to @fd at its position; the bytes written. */
SYSCALL_DEFINE3(write, unsigned int, fd, const char __user *, buf, size_t, count)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = vfs_write(file, buf, count, &file->f_pos);
	fput(file);
	return ret;
}

/* A positioned transfer needs a file that has positions (not a pipe or tty). */
static long
check_positioned(struct file *file, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	if (!file->f_op->llseek)
		return -ESPIPE;
	return 0;
}

/* pread64 - read at @pos without moving the file's position. */
SYSCALL_DEFINE4(pread64, unsigned int, fd, char __user *, buf, size_t, count, loff_t, pos)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = check_positioned(file, pos);
	if (!ret)
		ret = vfs_read(file, buf, count, &pos); /* f_pos stays */
	fput(file);
	return ret;
}

/* pwrite64 - write at @pos without moving the file's position. */
SYSCALL_DEFINE4(pwrite64, unsigned int, fd, const char __user *, buf, size_t, count, loff_t, pos)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = check_positioned(file, pos);
	if (!ret)
		ret = vfs_write(file, buf, count, &pos);
	fput(file);
	return ret;
}

/*
 * do_readv_writev - the iovec loop: transfer each buffer in turn until one
 * comes back short, like Linux's do_loop_readv_writev. Returns the total,
 * or the error if nothing was transferred.
 */
static ssize_t
do_readv_writev(struct file *file, const struct iovec __user *uvec, unsigned long vlen, bool write)
{
	struct iovec iov;
	ssize_t total = 0, ret = 0;
	size_t sum = 0;

	/* Linux checks the descriptor's mode before looking at the vector. */
	if ((file->f_flags & O_ACCMODE) == (write ? O_RDONLY : O_WRONLY))
		return -EBADF;
	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	/* Linux checks every length before moving a byte. */
	for (unsigned long i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return -EFAULT;
		if ((ssize_t)iov.iov_len < 0 || (sum += iov.iov_len) > 0x7fffffffffffffffUL)
			return -EINVAL;
	}
	for (unsigned long i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &uvec[i], sizeof(iov)))
			return total ? total : -EFAULT;
		ret = write ? vfs_write(file, iov.iov_base, iov.iov_len, &file->f_pos)
			    : vfs_read(file, iov.iov_base, iov.iov_len, &file->f_pos);
		if (ret < 0)
			return total ? total : ret;
		total += ret;
		if ((size_t)ret < iov.iov_len)
			break;
	}
	return total;
}

/* readv - fill each buffer of @vec in turn (stdio's refill uses it). */
SYSCALL_DEFINE3(readv, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = do_readv_writev(file, vec, vlen, false);
	fput(file);
	return ret;
}

/* writev - write each buffer of @vec in turn (musl's printf uses it). */
SYSCALL_DEFINE3(writev, unsigned long, fd, const struct iovec __user *, vec, unsigned long, vlen)
{
	struct file *file = fget(fd);
	ssize_t ret;

	if (!file)
		return -EBADF;
	ret = do_readv_writev(file, vec, vlen, true);
	fput(file);
	return ret;
}

/* lseek - set @fd's position: the new position, -ESPIPE for streams. */
SYSCALL_DEFINE3(lseek, unsigned int, fd, loff_t, offset, unsigned int, whence)
{
	struct file *file = fget(fd);
	loff_t ret;

	if (!file)
		return -EBADF;
	if (whence > SEEK_END)
		ret = -EINVAL;
	else if (!file->f_op->llseek)
		ret = -ESPIPE;
	else
		ret = file->f_op->llseek(file, offset, whence);
	fput(file);
	return ret;
}
