/*
 * kernel/fs/inode.c - an inode's life: references, names, death.
 *
 * An inode lives while something names it or uses it. Two counts say so,
 * as in Linux:
 *
 *	i_nlink  names in the tree (a directory: 2 + its subdirectories);
 *	         unlink, rmdir and rename-over drop it to 0;
 *	i_count  users: open files (each struct file holds one, and a file
 *	         mapping holds its file), working directories.
 *
 * When both are 0 the inode dies (iput -> evict): its file system frees
 * its data (tmpfs: truncate_inode_pages gives the page-cache pages back)
 * and the inode itself is freed. So a file unlinked while open, or while
 * mapped, is still read and written through its descriptors and mappings
 * and disappears with the last close or munmap.
 *
 * Pagoda keeps the name inside the inode (i_name, i_path, i_parent and
 * the sibling list), so here are also the helpers that take an entry out
 * of its directory and put it into another under a new name (rename).
 * Only inodes of a file system (i_sb set: tmpfs) die this way; /proc and
 * /dev entries are managed by their own code.
 *
 * Counterpart: Linux fs/inode.c (ihold, iput, evict, drop_nlink) and the
 * d_move/d_delete half of fs/dcache.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <uapi/errno.h>

#include "internal.h"

/* ihold - one more user of @inode (a working directory). */
void
ihold(struct inode *inode)
{
	inode->i_count++;
}

/* evict - @inode has no name and no user: free its data, then itself. */
static void
evict(struct inode *inode)
{
	inode->i_sb->s_op->evict_inode(inode);
	if (inode->i_flags & S_LINK_ALLOC)
		kfree((void *)inode->i_link);
	kfree((void *)inode->i_path);
	kfree(inode);
}

/*
 * iput - drop a user of @inode; the last one of an inode without a name
 * (unlinked while open) frees it. Called by fput and when a working
 * directory changes.
 */
void
iput(struct inode *inode)
{
	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count == 0 && inode->i_nlink == 0 && inode->i_sb)
		evict(inode);
}

/* detach_child - take @inode out of its parent directory's entry list. */
static void
detach_child(struct inode *inode)
{
	struct inode **link = &inode->i_parent->i_child;

	while (*link && *link != inode)
		link = &(*link)->i_sibling;
	if (*link)
		*link = inode->i_sibling;
	inode->i_sibling = NULL;
}

/*
 * inode_set_path - give @inode the name @name (@len bytes) in directory
 * @dir: its i_path, i_name and i_parent, and the paths of everything
 * below it. 0, or -ENOMEM with nothing changed for @inode.
 */
int
inode_set_path(struct inode *inode, struct inode *dir, const char *name, size_t len)
{
	size_t dir_len = dir ? strlen(dir->i_path) : 0;
	char *path = kmalloc(dir_len + len + 2, GFP_KERNEL);

	if (!path)
		return -ENOMEM;
	/* "/" + name for children of the root, dir + "/" + name below it. */
	if (dir_len > 1)
		memcpy(path, dir->i_path, dir_len);
	else
		dir_len = 0;
	path[dir_len] = '/';
	memcpy(path + dir_len + 1, name, len);
	path[dir_len + 1 + len] = '\0';
	kfree((void *)inode->i_path);
	inode->i_path = path;
	inode->i_name = path + dir_len + 1;
	inode->i_parent = dir ? dir : inode;
	/* A child keeps its old path if memory runs out: only getcwd shows it. */
	for (struct inode *c = inode->i_child; c; c = c->i_sibling)
		inode_set_path(c, inode, c->i_name, strlen(c->i_name));
	return 0;
}

/* attach_child - add @inode at the end of directory @dir's entries. */
void
attach_child(struct inode *dir, struct inode *inode)
{
	struct inode **link = &dir->i_child;

	/* Newest last, so `ls` keeps the archive's order. */
	while (*link)
		link = &(*link)->i_sibling;
	*link = inode;
	inode->i_sibling = NULL;
}

/*
 * inode_move - rename: take @inode out of its directory and make it
 * @name (@len bytes) in @new_dir, fixing the directories' link counts.
 * 0 or -ENOMEM (then nothing moved).
 */
int
inode_move(struct inode *inode, struct inode *new_dir, const char *name, size_t len)
{
	struct inode *old_dir = inode->i_parent;
	int err;

	detach_child(inode);
	err = inode_set_path(inode, new_dir, name, len);
	if (err) {
		attach_child(old_dir, inode);
		return err;
	}
	attach_child(new_dir, inode);
	if (S_ISDIR(inode->i_mode) && old_dir != new_dir) {
		old_dir->i_nlink--; /* its ".." no longer points here */
		new_dir->i_nlink++;
	}
	return 0;
}

/*
 * inode_remove - unlink or rmdir: @inode loses its name. Its directory
 * loses a link for a subdirectory's "..". The inode dies now if nobody
 * uses it, else at its last iput.
 */
void
inode_remove(struct inode *inode)
{
	struct inode *dir = inode->i_parent;

	detach_child(inode);
	if (S_ISDIR(inode->i_mode))
		dir->i_nlink--;
	inode->i_nlink = 0;
	/* A removed directory has no parent to go up to (lookups in it fail). */
	inode->i_parent = inode;
	if (inode->i_count == 0 && inode->i_sb)
		evict(inode);
}
