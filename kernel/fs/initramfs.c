/*
 * kernel/fs/initramfs.c - the root file system, unpacked from a cpio archive.
 *
 * GRUB loads build/initramfs.cpio as a Multiboot2 module; start_kernel's
 * populate_rootfs() hands it to fs_init(), which calls initramfs_unpack()
 * here. The archive is in the "newc" format that `cpio -H newc` writes:
 * for each file a 110-byte ASCII header, its NUL-terminated path, then its
 * data; a last entry named TRAILER!!! ends it. The header (all numbers are
 * 8 hex digits, no 0x):
 *
 *	offset  0  magic "070701" (or "070702": the same with a checksum)
 *	        6  ino        14 mode     22 uid     30 gid    38 nlink
 *	       46  mtime      54 filesize 62 devmajor 70 devminor
 *	       78  rdevmajor  86 rdevminor 94 namesize (with the NUL) 102 check
 *	      110  the name; header + name are padded with NULs to 4 bytes,
 *	           and so is the data that follows.
 *
 * Each entry becomes a tmpfs inode (mm/shmem.c) in a tree under
 * root_inode, as Linux unpacks its initramfs into rootfs: a regular
 * file's bytes are copied into its page cache (generic_perform_write), so
 * every file can be written, truncated and removed afterwards. A symbolic
 * link's target is not copied: i_link points into the archive, whose
 * memory stays reserved for as long as the kernel runs. Directories a
 * path passes through get an inode even when the archive has no entry for
 * them.
 *
 * The archive comes from outside the kernel, so every length is checked
 * against the bytes that remain: a malformed archive is -EINVAL, never a
 * fault.
 *
 * Counterpart: Linux init/initramfs.c (which unpacks into a writable
 * ramfs by copying); the format is described in Linux's
 * Documentation/driver-api/early-userspace/buffer-format.rst.
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/pagemap.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <uapi/errno.h>

#include "internal.h"

#define CPIO_HDR_LEN   110
#define CPIO_NR_FIELDS 13
#define CPIO_TRAILER   "TRAILER!!!"

/* Header fields in the order they appear after the magic. */
enum cpio_field {
	F_INO,
	F_MODE,
	F_UID,
	F_GID,
	F_NLINK,
	F_MTIME,
	F_FILESIZE,
	F_DEVMAJOR,
	F_DEVMINOR,
	F_RDEVMAJOR,
	F_RDEVMINOR,
	F_NAMESIZE,
	F_CHECK,
};

struct inode *root_inode;
static unsigned long last_ino; /* inode numbers are handed out in order */

/* parse_hex8 - the value of 8 hex digits at @s: 0, or -EINVAL for a non-digit. */
static int
parse_hex8(const char *s, uint32_t *val)
{
	uint32_t v = 0;

	for (int i = 0; i < 8; i++) {
		char c = s[i];
		unsigned int d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else
			return -EINVAL;
		v = v << 4 | d;
	}
	*val = v;
	return 0;
}

/*
 * new_inode - a new entry @name (@name_len bytes, no '/') in directory
 * @dir, or the root when @dir is NULL. Its i_path is built here, so
 * getcwd() and file_path() need no walk. Returns NULL when out of memory.
 */
struct inode *
new_inode(struct inode *dir, const char *name, size_t name_len, umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	if (inode_set_path(inode, dir, name, name_len)) {
		kfree(inode);
		return NULL;
	}
	inode->i_mode = mode;
	inode->i_ino = ++last_ino;
	inode->i_nlink = S_ISDIR(mode) ? 2 : 1;
	if (S_ISDIR(mode))
		inode->i_fop = &dir_fops;
	inode->i_flags = dir ? dir->i_flags & S_RDONLY : 0;
	if (dir) {
		attach_child(dir, inode);
		if (S_ISDIR(mode))
			dir->i_nlink++;
	}
	return inode;
}

/* inode_valid - false for an entry whose object is gone (a dead process's /proc dir). */
bool
inode_valid(struct inode *inode)
{
	return !inode->i_op || !inode->i_op->revalidate || inode->i_op->revalidate(inode);
}

/* find_child - the valid entry @name (@len bytes) of directory @dir, or NULL. */
struct inode *
find_child(const struct inode *dir, const char *name, size_t len)
{
	for (struct inode *child = dir->i_child; child; child = child->i_sibling)
		if (strncmp(child->i_name, name, len) == 0 && child->i_name[len] == '\0')
			return inode_valid(child) ? child : NULL;
	return NULL;
}

/* find_child_any - the entry @name of @dir even if no longer valid (to reuse it). */
struct inode *
find_child_any(const struct inode *dir, const char *name, size_t len)
{
	for (struct inode *child = dir->i_child; child; child = child->i_sibling)
		if (strncmp(child->i_name, name, len) == 0 && child->i_name[len] == '\0')
			return child;
	return NULL;
}

/*
 * make_path - find or create the entry for archive path @name, creating
 * the directories on the way. The last component gets @mode; an existing
 * entry of another type is -EINVAL (the archive contradicts itself).
 */
static int
make_path(const char *name, umode_t mode, struct inode **res)
{
	struct inode *dir = root_inode, *inode = root_inode;
	const char *p = name;

	while (*p) {
		const char *end = strchr(p, '/');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool last = !end || end[1] == '\0';

		/* "." is the root itself; ".." could climb out: refuse it. */
		if (len == 2 && p[0] == '.' && p[1] == '.')
			return -EINVAL;
		if (len > NAME_MAX)
			return -EINVAL;
		if (len && !(len == 1 && p[0] == '.')) {
			if (!S_ISDIR(dir->i_mode))
				return -EINVAL;
			inode = find_child(dir, p, len);
			if (!inode)
				inode = shmem_get_inode(dir, p, len, last ? mode : S_IFDIR | 0755);
			if (!inode)
				return shmem_sb.free_inodes ? -ENOMEM : -ENOSPC;
			dir = inode;
		}
		p += len;
		while (*p == '/')
			p++;
	}
	if ((inode->i_mode & S_IFMT) != (mode & S_IFMT))
		return -EINVAL;
	*res = inode;
	return 0;
}

/*
 * add_entry - one archive member: directory, regular file or symlink.
 * Devices, FIFOs and sockets are skipped (Pagoda makes its own devices).
 */
static int
add_entry(const uint32_t *f, const char *name, const char *data)
{
	umode_t type = f[F_MODE] & S_IFMT;
	struct inode *inode;
	int err;

	if (type != S_IFDIR && type != S_IFREG && type != S_IFLNK)
		return 0;
	if (type == S_IFLNK && (f[F_FILESIZE] == 0 || f[F_FILESIZE] >= PATH_MAX))
		return -EINVAL;
	err = make_path(name, f[F_MODE], &inode);
	if (err)
		return err;
	inode->i_mode = f[F_MODE];
	inode->i_uid = f[F_UID];
	inode->i_gid = f[F_GID];
	inode->i_mtime = f[F_MTIME];
	if (type == S_IFLNK) {
		inode->i_link = data;
		inode->i_size = f[F_FILESIZE];
	}
	if (type == S_IFREG && inode->i_size == 0 && f[F_FILESIZE]) {
		loff_t pos = 0;
		ssize_t n = generic_perform_write(inode, data, f[F_FILESIZE], &pos, false);

		if (n != (ssize_t)f[F_FILESIZE])
			return n < 0 ? n : -ENOSPC;
	}
	return 0;
}

/*
 * unpack_one - decode the entry at @buf (@left bytes remain): its length
 * with padding in *@used, 1 for the trailer, 0 for any other entry, or
 * -EINVAL.
 */
static int
unpack_one(const char *buf, size_t left, size_t *used)
{
	uint32_t f[CPIO_NR_FIELDS];
	size_t name_end, data_end;

	if (left < CPIO_HDR_LEN)
		return -EINVAL;
	if (memcmp(buf, "070701", 6) != 0 && memcmp(buf, "070702", 6) != 0)
		return -EINVAL;
	for (int i = 0; i < CPIO_NR_FIELDS; i++)
		if (parse_hex8(buf + 6 + 8 * i, &f[i]))
			return -EINVAL;

	/* The name must fit and end in its NUL; the data must fit after it. */
	if (f[F_NAMESIZE] == 0 || f[F_NAMESIZE] > left - CPIO_HDR_LEN)
		return -EINVAL;
	if (buf[CPIO_HDR_LEN + f[F_NAMESIZE] - 1] != '\0')
		return -EINVAL;
	name_end = ALIGN_UP(CPIO_HDR_LEN + (size_t)f[F_NAMESIZE], 4);
	if (name_end > left || f[F_FILESIZE] > left - name_end)
		return -EINVAL;
	data_end = name_end + f[F_FILESIZE];
	/* The last member's data padding may be cut off; nothing is lost. */
	*used = min(ALIGN_UP(data_end, 4), left);

	if (strcmp(buf + CPIO_HDR_LEN, CPIO_TRAILER) == 0)
		return 1;
	return add_entry(f, buf + CPIO_HDR_LEN, buf + name_end);
}

/* free_tree - free @inode and everything below it. */
static void
free_tree(struct inode *inode)
{
	struct inode *child = inode->i_child;

	while (child) {
		struct inode *next = child->i_sibling;

		free_tree(child);
		child = next;
	}
	if (inode->i_sb)
		inode->i_sb->s_op->evict_inode(inode);
	if (inode->i_flags & S_LINK_ALLOC)
		kfree((void *)inode->i_link);
	kfree(inode->i_path);
	kfree(inode);
}

/* initramfs_free - forget the tree (host tests unpack one archive after another). */
void
initramfs_free(void)
{
	if (root_inode)
		free_tree(root_inode);
	root_inode = NULL;
	last_ino = 0;
}

/*
 * initramfs_unpack - build the inode tree from the newc archive @archive
 * of @len bytes, which must stay in memory. Returns 0; -EINVAL for a
 * malformed or truncated archive (no trailer), -ENOMEM; on error the tree
 * is an empty root. Boot only: not safe against concurrent lookups.
 */
int
initramfs_unpack(const void *archive, size_t len)
{
	const char *buf = archive;
	size_t pos = 0, used = 0;
	int err = -EINVAL;

	initramfs_free();
	root_inode = shmem_get_inode(NULL, "", 0, S_IFDIR | 0755);
	if (!root_inode)
		return -ENOMEM;
	while (pos < len) {
		err = unpack_one(buf + pos, len - pos, &used);
		if (err)
			break;
		pos += used;
	}
	if (err == 1)
		return 0;
	if (err == 0)
		err = -EINVAL; /* the data ended before the trailer */
	initramfs_free();
	root_inode = shmem_get_inode(NULL, "", 0, S_IFDIR | 0755);
	if (!root_inode)
		return -ENOMEM;
	return err;
}
