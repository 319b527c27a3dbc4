/*
 * kernel/fs/super.c - bringing the file system up at boot.
 *
 * start_kernel's populate_rootfs() calls fs_init() with the initramfs
 * archive GRUB loaded. The root is a tmpfs (mm/shmem.c, its size limit
 * from rootfs_size= on the command line) that the archive is unpacked
 * into; then /dev (the console and null devices), /proc, and the tmpfs
 * directories /tmp and /dev/shm (mode 1777: anyone may create files
 * there, as on Linux) are added to it. If the archive is missing or
 * malformed the root is an empty directory, so the console and /proc
 * still work and the error is reported.
 *
 * Counterpart: Linux fs/namespace.c (mnt_init, init_rootfs) and
 * init/initramfs.c (populate_rootfs).
 */
#include <pagoda/cmdline.h>
#include <pagoda/kernel.h>
#include <pagoda/printk.h>
#include <pagoda/shmem.h>
#include <pagoda/string.h>

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
 * make_tmpfs_dir - the directory @name in @dir, made with mode 1777 if
 * missing (the archive may bring its own): 0, -ENOMEM or -ENOSPC.
 */
static int
make_tmpfs_dir(struct inode *dir, const char *name)
{
	struct inode *inode = find_child(dir, name, strlen(name));

	if (inode)
		return 0;
	inode = shmem_get_inode(dir, name, strlen(name), S_IFDIR | S_ISVTX | 0777);
	return inode ? 0 : -ENOMEM;
}

/*
 * fs_init - see include/pagoda/fs.h. @initramfs (@len bytes) must stay
 * mapped and reserved: symbolic links point into it. Returns 0, or the
 * unpacking error (the root is then empty, /dev and /proc still there).
 */
int
fs_init(const void *initramfs, size_t len)
{
	struct inode *dev;
	int err, err2;

	shmem_init(saved_command_line);
	err = initramfs_unpack(initramfs, len);
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
	dev = find_child(root_inode, "dev", 3);
	err2 = make_tmpfs_dir(root_inode, "tmp");
	if (!err2 && dev)
		err2 = make_tmpfs_dir(dev, "shm");
	if (err2)
		pr_err("fs: cannot make /tmp and /dev/shm (error %d (%s))\n", err2, errname(-err2));
	return err;
}
