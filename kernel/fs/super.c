/*
 * kernel/fs/super.c - bringing the file system up at boot.
 *
 * start_kernel's populate_rootfs() calls fs_init() with the initramfs
 * archive GRUB loaded. The tree it unpacks becomes "/"; then /dev (the
 * console and null devices) and /proc are added to it. If the archive is
 * missing or malformed the root is an empty directory, so the console and
 * /proc still work and the error is reported.
 *
 * Counterpart: Linux fs/namespace.c (mnt_init, init_rootfs) and
 * init/initramfs.c (populate_rootfs).
 */
#include <pagoda/kernel.h>
#include <pagoda/printk.h>

#include <uapi/errno.h>

#include "internal.h"

/* count_inodes - @inode and everything below it. */
static unsigned long
count_inodes(const struct inode *inode)
{
	unsigned long n = 1;

	for (const struct inode *c = inode->i_child; c; c = c->i_sibling)
		n += count_inodes(c);
	return n;
}

/*
 * fs_init - see include/pagoda/fs.h. @initramfs (@len bytes) must stay
 * mapped and reserved: regular files point into it. Returns 0, or the
 * unpacking error (the root is then empty, /dev and /proc still there).
 */
int
fs_init(const void *initramfs, size_t len)
{
	int err = initramfs_unpack(initramfs, len);
	int err2;

	if (!root_inode)
		return -ENOMEM;
	if (!err)
		pr_info("initramfs: %zu bytes unpacked, %lu inodes\n", len,
			count_inodes(root_inode));
	err2 = devices_init(root_inode);
	if (err2)
		pr_err("fs: cannot make /dev (error %d (%s))\n", err2, errname(-err2));
	err2 = proc_root_init(root_inode);
	if (err2)
		pr_err("fs: cannot make /proc (error %d (%s))\n", err2, errname(-err2));
	return err;
}
