/*
 * kernel/fs/mem.c - the memory devices: /dev/zero, /dev/full, /dev/random
 * and /dev/urandom (dev.c makes the nodes; /dev/null is there too).
 *
 *	/dev/zero     1:5  reads give zeros, writes vanish; a mapping of it is
 *	                   anonymous memory (see zero_mmap)
 *	/dev/full     1:7  reads give zeros, every write fails with ENOSPC:
 *	                   how a program learns what a full disk does to it
 *	/dev/random   1:8  reads give random bytes from the kernel's generator
 *	/dev/urandom  1:9  (kernel/lib/random.c, as getrandom()); Linux 5.6
 *	                   and later do not block either once seeded
 *
 * None of them has a position: lseek leaves it at 0 (zero, full) or where
 * it was (random), as Linux's null_lseek and noop_llseek.
 *
 * Counterpart: Linux drivers/char/mem.c (read_zero, write_full,
 * mmap_zero) and drivers/char/random.c (urandom_read_iter, write_pool).
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/random.h>
#include <pagoda/shmem.h>

#include <uapi/errno.h>

#include "internal.h"

#define CHUNK 4096 /* bytes handled per step of a long read */

/*
 * read_zero - f_op->read of /dev/zero and /dev/full: clear @count bytes
 * of @buf a page at a time. The bytes cleared; -EFAULT if the first byte
 * could not be (a later fault ends the read short, as on Linux).
 */
static ssize_t
read_zero(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	size_t cleared = 0;

	while (cleared < count) {
		size_t chunk = min(count - cleared, (size_t)CHUNK);
		size_t left = clear_user(buf + cleared, chunk);

		cleared += chunk - left;
		if (left)
			break;
	}
	return cleared ? (ssize_t)cleared : (count ? -EFAULT : 0);
}

/* write_zero - writes to /dev/zero are thrown away, all of them. */
static ssize_t
write_zero(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return count;
}

/* write_full - /dev/full is always full, even for a write of 0 bytes. */
static ssize_t
write_full(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return -ENOSPC;
}

/* zero_lseek - the position of /dev/zero and /dev/full stays 0 (Linux's null_lseek). */
static loff_t
zero_lseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos = 0;
}

/*
 * zero_mmap - f_op->mmap of /dev/zero, Linux's mmap_zero: a MAP_PRIVATE
 * mapping is plain anonymous memory (zero-filled on first touch, private
 * copies after fork); a MAP_SHARED one is shared anonymous memory, one
 * set of pages for every process that inherits it, as
 * MAP_SHARED|MAP_ANONYMOUS gives (mm/shmem.c). Either way the VMA keeps no
 * file: Linux keeps /dev/zero as vm_file of a private mapping and an
 * unlinked tmpfs file for a shared one, which /proc/PID/maps shows.
 */
static int
zero_mmap(struct file *file, struct vm_area_struct *vma)
{
	unsigned long npages = (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;

	if (vma->vm_flags & VM_SHARED) {
		vma->vm_shared = shmem_create(npages);
		if (!vma->vm_shared)
			return -ENOMEM;
		vma->vm_pgoff = 0;
	} else {
		vma->vm_pgoff = vma->vm_start >> PAGE_SHIFT; /* as anonymous VMAs have */
	}
	fput(vma->vm_file);
	vma->vm_file = NULL;
	return 0;
}

const struct file_operations zero_fops = {
	.read = read_zero,
	.write = write_zero,
	.llseek = zero_lseek,
	.mmap = zero_mmap,
};

const struct file_operations full_fops = {
	.read = read_zero,
	.write = write_full,
	.llseek = zero_lseek,
};

/*
 * random_read - f_op->read of /dev/random and /dev/urandom: @count random
 * bytes, made and copied out a chunk at a time. The bytes copied; -EFAULT
 * if none could be.
 */
static ssize_t
random_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	uint8_t chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

/*
 * random_write - anyone may write to /dev/random: Linux mixes the bytes
 * into its pool (without crediting entropy). Pagoda's generator takes no
 * input, so they are read (-EFAULT for a bad buffer) and dropped.
 */
static ssize_t
random_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	uint8_t chunk[256];

	for (size_t done = 0; done < count; done += sizeof(chunk))
		if (copy_from_user(chunk, buf + done, min(count - done, sizeof(chunk))))
			return done ? (ssize_t)done : -EFAULT;
	return count;
}

/* noop_llseek - a stream whose position means nothing: lseek returns it unchanged. */
static loff_t
noop_llseek(struct file *file, loff_t offset, int whence)
{
	return file->f_pos;
}

const struct file_operations random_fops = {
	.read = random_read,
	.write = random_write,
	.llseek = noop_llseek,
};
