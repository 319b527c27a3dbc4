/*
 * kernel/fs/dev.c - /dev: the device nodes Pagoda makes at boot.
 *
 * Linux's devtmpfs makes a node for each device its drivers find; Pagoda
 * has a fixed few, added to the initramfs tree by fs_init():
 *
 *	/dev/console  5:1   the console terminal (tty.c); fd 0-2 of init
 *	/dev/tty      5:0   the caller's terminal: the same console here
 *	/dev/ttyS0    4:64  the first serial port: the same console here
 *	/dev/null     1:3   reads end at once, writes vanish
 *	/dev/zero     1:5   zeros; writes vanish; mmap is anonymous memory (mem.c)
 *	/dev/full     1:7   zeros; writes fail with ENOSPC (mem.c)
 *	/dev/random   1:8   random bytes (mem.c)
 *	/dev/urandom  1:9   the same bytes (mem.c)
 *
 * The numbers are Linux's (Documentation/admin-guide/devices.txt), so
 * stat shows what it shows on Linux.
 *
 * The nodes are root's (uid 0, gid 0), with Linux's permissions.
 *
 * Counterpart: Linux drivers/base/devtmpfs.c, drivers/char/mem.c (null).
 */
#include <pagoda/kernel.h>
#include <pagoda/string.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

static ssize_t
null_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

static ssize_t
null_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return count;
}

/* /dev/null may be positioned, always staying at 0, as in Linux. */
static loff_t
null_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
	.llseek = null_lseek,
};

/* Used until /dev exists, or if it could not be made. */
static struct inode static_console = {
	.i_mode = S_IFCHR | 0600,
	.i_ino = 0x8000,
	.i_nlink = 1,
	.i_rdev = MKDEV_STAT(5, 1),
	.i_path = "/dev/console",
	.i_name = "console",
	.i_fop = &tty_fops,
};
static struct inode *the_console = &static_console;

/* console_inode - /dev/console, where fd 0, 1 and 2 of the first process point. */
struct inode *
console_inode(void)
{
	return the_console;
}

/* Each node: its name, type, permissions and device number. */
static const struct dev_node {
	const char *name;		   /* in /dev */
	umode_t mode;			   /* S_IFCHR and permissions */
	unsigned int major, minor;	   /* Linux's device number */
	const struct file_operations *fop; /* what reading and writing do */
} dev_nodes[] = {
	{ "console", S_IFCHR | 0600, 5, 1, &tty_fops },
	{ "null", S_IFCHR | 0666, 1, 3, &null_fops },
	{ "zero", S_IFCHR | 0666, 1, 5, &zero_fops },
	{ "full", S_IFCHR | 0666, 1, 7, &full_fops },
	{ "random", S_IFCHR | 0666, 1, 8, &random_fops },
	{ "urandom", S_IFCHR | 0666, 1, 9, &random_fops },
	{ "tty", S_IFCHR | 0666, 5, 0, &tty_fops },
	{ "ttyS0", S_IFCHR | 0660, 4, 64, &tty_fops },
};

/* devices_init - add /dev and its nodes under @root: 0 or -ENOMEM. */
int
devices_init(struct inode *root)
{
	struct inode *dev = find_child(root, "dev", 3);

	if (!dev)
		dev = new_inode(root, "dev", 3, S_IFDIR | 0755);
	if (!dev || !S_ISDIR(dev->i_mode))
		return dev ? -EEXIST : -ENOMEM;
	dev->i_flags &= ~S_RDONLY; /* Linux mounts a writable devtmpfs here */
	for (size_t i = 0; i < ARRAY_SIZE(dev_nodes); i++) {
		const struct dev_node *d = &dev_nodes[i];
		const char *name = d->name;
		struct inode *inode = find_child(dev, name, strlen(name));

		if (!inode)
			inode = new_inode(dev, name, strlen(name), d->mode);
		if (!inode)
			return -ENOMEM;
		inode->i_mode = d->mode;
		inode->i_rdev = MKDEV_STAT(d->major, d->minor);
		inode->i_fop = d->fop;
		if (i == 0)
			the_console = inode;
	}
	return 0;
}
