/*
 * kernel/init/rootfs_fallback.c - the least file support that runs /init.
 *
 * Weak definitions of the fs.h functions exec and the fault handler need:
 * a lookup by exact path in the initramfs cpio archive, reads from it, and
 * a console that fd 1 and 2 write to. kernel/fs/ defines the real ones,
 * which replace these at link time.
 */
#include <pagoda/console.h>
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

#define __weak __attribute__((weak))

static const char *archive;
static size_t archive_len;

/* A file of the archive: its name and data. */
struct rootfs_file {
	char path[256];
	const char *data;
	size_t size;
};

__weak int
fs_init(const void *initramfs, size_t len)
{
	archive = initramfs;
	archive_len = len;
	return 0;
}

/* hex8 - one of the 8-hex-digit fields of a newc header. */
static unsigned long
hex8(const char *s)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];

		v = v * 16 + (c >= 'a' ? c - 'a' + 10 : c >= 'A' ? c - 'A' + 10 : c - '0');
	}
	return v;
}

/* find - the archive member called @path (without the leading "/"). */
static bool
find(const char *path, struct rootfs_file *out)
{
	size_t off = 0;

	while (archive && off + 110 <= archive_len && memcmp(archive + off, "070701", 6) == 0) {
		const char *h = archive + off;
		unsigned long namesize = hex8(h + 94), filesize = hex8(h + 54);
		const char *name = h + 110;
		size_t data = ALIGN_UP(off + 110 + namesize, 4);

		if (strcmp(name, "TRAILER!!!") == 0)
			break;
		if (strcmp(name, path) == 0) {
			strlcpy(out->path, path, sizeof(out->path));
			out->data = archive + data;
			out->size = filesize;
			return true;
		}
		off = ALIGN_UP(data + filesize, 4);
	}
	return false;
}

__weak struct file *
filp_open(const char *path, int flags, umode_t mode)
{
	struct rootfs_file rf;

	while (*path == '/')
		path++;
	if (!find(path, &rf))
		return ERR_PTR(-ENOENT);
	struct file *f = kzalloc(sizeof(*f) + sizeof(rf), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	memcpy(f + 1, &rf, sizeof(rf));
	f->private_data = f + 1;
	f->f_count = 1;
	return f;
}

__weak ssize_t
kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct rootfs_file *rf = file->private_data;

	if (*pos >= (loff_t)rf->size)
		return 0;
	count = min(count, rf->size - (size_t)*pos);
	memcpy(buf, rf->data + *pos, count);
	*pos += count;
	return count;
}

__weak struct file *
fget(int fd)
{
	return NULL;
}

__weak struct file *
get_file(struct file *file)
{
	file->f_count++;
	return file;
}

__weak void
fput(struct file *file)
{
	if (--file->f_count == 0)
		kfree(file);
}

__weak const char *
file_path(const struct file *file)
{
	return ((struct rootfs_file *)file->private_data)->path;
}

__weak unsigned long
file_ino(const struct file *file)
{
	return 0;
}

__weak loff_t
file_size(const struct file *file)
{
	return ((struct rootfs_file *)file->private_data)->size;
}

__weak struct files_struct *
files_init_console(void)
{
	return kzalloc(sizeof(struct files_struct), GFP_KERNEL);
}

__weak struct files_struct *
dup_files(struct files_struct *files)
{
	return files_init_console();
}

__weak void
put_files(struct files_struct *files)
{
	kfree(files);
}

__weak void
do_close_on_exec(struct files_struct *files)
{
}

__weak struct fs_struct *
fs_struct_init(void)
{
	return NULL;
}

__weak struct fs_struct *
copy_fs_struct(struct fs_struct *fs)
{
	return NULL;
}

__weak void
put_fs_struct(struct fs_struct *fs)
{
}

/* write - only to the console, for fd 1 and 2. */
SYSCALL_DEFINE3(write, int, fd, const char __user *, buf, size_t, count)
{
	char chunk[256];
	size_t done = 0;

	if (fd != 1 && fd != 2)
		return -EBADF;
	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		if (copy_from_user(chunk, buf + done, n))
			return done ? (long)done : -EFAULT;
		tty_output(chunk, n);
		done += n;
	}
	return (long)done;
}

struct iovec_k {
	uint64_t base;
	uint64_t len;
};

SYSCALL_DEFINE3(writev, int, fd, const struct iovec_k __user *, iov, int, iovcnt)
{
	long total = 0;

	if (iovcnt < 0 || iovcnt > 1024)
		return -EINVAL;
	for (int i = 0; i < iovcnt; i++) {
		struct iovec_k v;

		if (copy_from_user(&v, iov + i, sizeof(v)))
			return -EFAULT;
		long n = __do_sys_write(fd, (const char *)v.base, v.len);

		if (n < 0)
			return total ? total : n;
		total += n;
	}
	return total;
}

SYSCALL_DEFINE3(ioctl, int, fd, unsigned int, cmd, unsigned long, arg)
{
	return -ENOTTY;
}
