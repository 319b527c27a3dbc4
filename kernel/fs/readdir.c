/*
 * kernel/fs/readdir.c - getdents64 and the file operations of directories.
 *
 * Reading a directory is getdents64: it fills the caller's buffer with as
 * many struct linux_dirent64 records (include/uapi/stat.h) as fit, each
 * rounded up to 8 bytes, and returns the bytes used; 0 means the end.
 * glibc's readdir() calls it with a 32 KiB buffer. A directory file's
 * position counts entries: 0 is ".", 1 is "..", then the children in
 * archive order. If not even one record fits, the answer is -EINVAL.
 *
 * Counterpart: Linux fs/readdir.c and fs/libfs.c (dcache_readdir).
 */
#include <pagoda/kernel.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* d_type for the inode @mode (the S_IF* type shifted down, as in Linux). */
static uint8_t
dt_type(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

/*
 * emit_dirent - one record for @name at user @dirp if @room allows: its
 * length, 0 if it does not fit, or -EFAULT. @next_pos is its d_off.
 */
static int
emit_dirent(void __user *dirp, unsigned int room, const struct inode *inode, const char *name,
	    loff_t next_pos)
{
	size_t name_len = strlen(name);
	unsigned int reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + name_len + 1, 8);
	char rec[offsetof(struct linux_dirent64, d_name) + NAME_MAX + 8];
	struct linux_dirent64 *d = (struct linux_dirent64 *)rec;

	if (reclen > room)
		return 0;
	memset(rec, 0, reclen);
	d->d_ino = inode->i_ino;
	d->d_off = next_pos;
	d->d_reclen = reclen;
	d->d_type = dt_type(inode->i_mode);
	memcpy(d->d_name, name, name_len);
	return copy_to_user(dirp, rec, reclen) ? -EFAULT : (int)reclen;
}

/* entry_at - the inode and name of directory position @pos, or NULL past the end. */
static const struct inode *
entry_at(const struct inode *dir, loff_t pos, const char **name)
{
	const struct inode *child = dir->i_child;

	if (pos == 0 || pos == 1) {
		*name = pos ? ".." : ".";
		return pos ? dir->i_parent : dir;
	}
	/* Entries that are gone (a dead process's /proc dir) keep their place
	 * in the list, so positions stay stable; they are just not shown. */
	for (loff_t i = 2; child && i < pos; i++)
		child = child->i_sibling;
	if (child)
		*name = child->i_name;
	return child;
}

/* dir_getdents64 - getdents64 for every directory of the inode tree. */
int
dir_getdents64(struct file *file, void __user *dirp, unsigned int count)
{
	const struct inode *dir = file->f_inode, *inode;
	unsigned int used = 0;
	const char *name;
	int n;

	while ((inode = entry_at(dir, file->f_pos, &name)) != NULL) {
		if (!inode_valid((struct inode *)inode)) {
			file->f_pos++;
			continue;
		}
		n = emit_dirent((char __user *)dirp + used, count - used, inode, name,
				file->f_pos + 1);
		if (n < 0)
			return used ? (int)used : n;
		if (n == 0)
			break;
		used += n;
		file->f_pos++;
	}
	/* Not even one record fitted: Linux says the buffer is too small. */
	if (!used && inode)
		return -EINVAL;
	return used;
}

/* Reading a directory with read() is EISDIR, as in Linux. */
ssize_t
dir_read_eisdir(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return -EISDIR;
}

/* Directories seek by entry number; SEEK_END is not meaningful (EINVAL). */
loff_t
dir_llseek_entries(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_END)
		return -EINVAL;
	return generic_file_llseek(file, offset, whence);
}

const struct file_operations dir_fops = {
	.read = dir_read_eisdir,
	.llseek = dir_llseek_entries,
	.getdents64 = dir_getdents64,
	.fsync = noop_fsync, /* Linux's simple_dir_operations */
};

/* getdents64 - the next entries of directory @fd: bytes used, 0 at the end. */
SYSCALL_DEFINE3(getdents64, unsigned int, fd, void __user *, dirent, unsigned int, count)
{
	struct file *file = fget(fd);
	long ret;

	if (!file)
		return -EBADF;
	if (!file->f_op->getdents64)
		ret = -ENOTDIR;
	else if (!access_ok(dirent, count))
		ret = -EFAULT;
	else
		ret = file->f_op->getdents64(file, dirent, count);
	fput(file);
	return ret;
}
