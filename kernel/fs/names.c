/*
 * kernel/fs/names.c - the calls that change names: mkdir, mkdirat, rmdir,
 * unlink, unlinkat, symlink, symlinkat, rename, renameat, renameat2.
 *
 * Each resolves its path but the last component (path_parentat in
 * namei.c), looks the last one up in that directory, asks may_create or
 * may_delete (permission.c: the permission checks), and changes
 * the tree through kernel/fs/inode.c. Every check comes in Linux's order
 * so that a program sees the same errno on both kernels: first the path
 * (ENOENT, ENOTDIR, ENAMETOOLONG, ELOOP), then "/", "." and ".." (EEXIST,
 * EBUSY, EINVAL, ENOTEMPTY, EISDIR as Linux picks), then the entry.
 *
 * A removed file that is still open or mapped lives on without a name
 * until its last user is gone (inode.c). New entries are tmpfs inodes
 * (mm/shmem.c). Pagoda has no hard links (link() is missing: one inode
 * holds one name) and one file system, so rename is never EXDEV.
 *
 * Counterpart: Linux fs/namei.c (do_mkdirat, do_rmdir, do_unlinkat,
 * do_symlinkat, do_renameat2, vfs_rename) and mm/shmem.c's directory
 * operations.
 */
#include <pagoda/kernel.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define RENAME_NOREPLACE (1 << 0) /* renameat2: EEXIST if the new name exists */
#define RENAME_EXCHANGE	 (1 << 1) /* renameat2: swap the two names */
#define RENAME_WHITEOUT	 (1 << 2) /* renameat2: overlayfs's; not on Pagoda */

/* lookup_last - the entry @last names in its directory, or NULL. */
static struct inode *
lookup_last(const struct path_last *last)
{
	return find_child(last->dir, last->name, last->len);
}

/* new_entry - a tmpfs entry for @last with @mode: 0 and *@res, or -errno. */
static int
new_entry(const struct path_last *last, umode_t mode, struct inode **res)
{
	int err = may_create(last->dir);

	if (err)
		return err;
	*res = shmem_get_inode(last->dir, last->name, last->len, mode);
	if (!*res)
		return shmem_sb.free_inodes ? -ENOMEM : -ENOSPC;
	inode_init_owner(*res, last->dir, mode);
	return 0;
}

/*
 * do_mkdirat - mkdir @pathname from @dfd with permissions @mode less the
 * umask (and the sticky bit kept): 0, or EEXIST for any existing name
 * ("/", "." and ".." too), the lookup's errors, ENOSPC.
 */
static long
do_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	struct path_last last;
	struct inode *inode;
	char *name;
	int err = user_path_parent(dfd, pathname, &name, &last);

	if (err)
		goto out_free;
	err = -EEXIST;
	if (last.type != LAST_NORM || lookup_last(&last))
		goto out_free;
	mode = S_IFDIR | (mode & ~current_umask() & (0777 | S_ISVTX));
	err = new_entry(&last, mode, &inode);
out_free:
	kfree(name);
	return err;
}

SYSCALL_DEFINE2(mkdir, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(AT_FDCWD, pathname, mode);
}

SYSCALL_DEFINE3(mkdirat, int, dfd, const char __user *, pathname, umode_t, mode)
{
	return do_mkdirat(dfd, pathname, mode);
}

/*
 * do_rmdir - remove the empty directory @pathname from @dfd: 0, or
 * EINVAL for ".", ENOTEMPTY for "..", EBUSY for "/", ENOENT, ENOTDIR,
 * ENOTEMPTY when it has entries, EBUSY for a mount point (/proc, /dev).
 */
static long
do_rmdir(int dfd, const char __user *pathname)
{
	static const int last_err[] = {
		[LAST_DOT] = -EINVAL, [LAST_DOTDOT] = -ENOTEMPTY, [LAST_ROOT] = -EBUSY
	};
	struct path_last last;
	struct inode *victim;
	char *name;
	int err = user_path_parent(dfd, pathname, &name, &last);

	if (err)
		goto out_free;
	err = last_err[last.type];
	if (err)
		goto out_free;
	err = -ENOENT;
	victim = lookup_last(&last);
	if (!victim)
		goto out_free;
	err = may_delete(last.dir, victim, true);
	if (!err && victim->i_child)
		err = -ENOTEMPTY;
	if (!err)
		inode_remove(victim);
out_free:
	kfree(name);
	return err;
}

SYSCALL_DEFINE1(rmdir, const char __user *, pathname)
{
	return do_rmdir(AT_FDCWD, pathname);
}

/*
 * do_unlinkat - remove the name @pathname (not a directory) from @dfd:
 * 0, or EISDIR ("/", ".", "..", a directory), ENOENT, ENOTDIR for a
 * file named with a trailing slash. The file lives on while open.
 */
static long
do_unlinkat(int dfd, const char __user *pathname)
{
	struct path_last last;
	struct inode *victim;
	char *name;
	int err = user_path_parent(dfd, pathname, &name, &last);

	if (err)
		goto out_free;
	err = -EISDIR;
	if (last.type != LAST_NORM)
		goto out_free;
	err = -ENOENT;
	victim = lookup_last(&last);
	if (!victim)
		goto out_free;
	/* "file/": Linux says ENOTDIR (a directory is EISDIR below). */
	err = (last.slash && !S_ISDIR(victim->i_mode)) ? -ENOTDIR : 0;
	if (!err)
		err = may_delete(last.dir, victim, false);
	if (!err)
		inode_remove(victim);
out_free:
	kfree(name);
	return err;
}

SYSCALL_DEFINE1(unlink, const char __user *, pathname)
{
	return do_unlinkat(AT_FDCWD, pathname);
}

/* unlinkat - unlink, or rmdir with AT_REMOVEDIR; other flags are EINVAL. */
SYSCALL_DEFINE3(unlinkat, int, dfd, const char __user *, pathname, int, flag)
{
	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flag & AT_REMOVEDIR)
		return do_rmdir(dfd, pathname);
	return do_unlinkat(dfd, pathname);
}

/*
 * do_symlinkat - make @newname (from @newdfd) a symbolic link to @oldname,
 * which is stored as given: 0, or ENOENT for an empty target, EEXIST,
 * the lookup's errors, ENOSPC.
 */
static long
do_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *target = getname(oldname), *name = NULL;
	struct path_last last;
	struct inode *inode;
	int err;

	if (IS_ERR(target))
		return PTR_ERR(target);
	err = target[0] ? user_path_parent(newdfd, newname, &name, &last) : -ENOENT;
	if (err)
		goto out_free;
	err = -EEXIST;
	if (last.type != LAST_NORM || lookup_last(&last))
		goto out_free;
	err = new_entry(&last, S_IFLNK | 0777, &inode);
	if (err)
		goto out_free;
	inode->i_link = target; /* the inode owns it now (S_LINK_ALLOC) */
	inode->i_flags |= S_LINK_ALLOC;
	inode->i_size = strlen(target);
	target = NULL;
out_free:
	kfree(name);
	kfree(target);
	return err;
}

SYSCALL_DEFINE2(symlink, const char __user *, oldname, const char __user *, newname)
{
	return do_symlinkat(oldname, AT_FDCWD, newname);
}

SYSCALL_DEFINE3(symlinkat, const char __user *, oldname, int, newdfd, const char __user *, newname)
{
	return do_symlinkat(oldname, newdfd, newname);
}

/* is_ancestor - is directory @dir @inode itself or above it in the tree? */
static bool
is_ancestor(const struct inode *dir, const struct inode *inode)
{
	for (;;) {
		if (inode == dir)
			return true;
		if (inode == inode->i_parent)
			return false;
		inode = inode->i_parent;
	}
}

/*
 * rename_checks - Linux's checks between looking the two names up and
 * renaming (do_renameat2): the entries exist or not as @flags want,
 * trailing slashes only on directories, and neither may be moved below
 * itself (EINVAL; ENOTEMPTY when the target is above the source).
 */
static int
rename_checks(const struct path_last *old, struct inode *source, const struct path_last *new,
	      struct inode *target, unsigned int flags)
{
	if (!source)
		return -ENOENT;
	if ((flags & RENAME_NOREPLACE) && target)
		return -EEXIST;
	if (flags & RENAME_EXCHANGE) {
		if (!target)
			return -ENOENT;
		if (!S_ISDIR(target->i_mode) && new->slash)
			return -ENOTDIR;
	}
	if (!S_ISDIR(source->i_mode) && (old->slash || (!(flags & RENAME_EXCHANGE) && new->slash)))
		return -ENOTDIR;
	if (old->dir == new->dir)
		return 0;
	if (is_ancestor(source, new->dir))
		return -EINVAL;
	if (target && is_ancestor(target, old->dir))
		return (flags & RENAME_EXCHANGE) ? -EINVAL : -ENOTEMPTY;
	return 0;
}

/*
 * vfs_rename - give @source (in @old) the name @new, replacing @target
 * if there is one (an empty directory for a directory, a non-directory
 * for a non-directory), or swap the two with RENAME_EXCHANGE. A replaced
 * file still open lives on without a name. 0 or -errno.
 */
static int
vfs_rename(const struct path_last *old, struct inode *source, const struct path_last *new,
	   struct inode *target, unsigned int flags)
{
	bool is_dir = S_ISDIR(source->i_mode);
	int err;

	if (source == target)
		return 0;
	err = may_delete(old->dir, source, is_dir);
	if (!err && !target)
		err = may_create(new->dir);
	else if (!err)
		err = may_delete(new->dir, target,
				 (flags & RENAME_EXCHANGE) ? S_ISDIR(target->i_mode) : is_dir);
	if (!err && !(flags & RENAME_EXCHANGE) && target && target->i_child)
		err = -ENOTEMPTY;
	if (err)
		return err;
	err = inode_move(source, new->dir, new->name, new->len);
	if (err || !target)
		return err;
	if (flags & RENAME_EXCHANGE)
		return inode_move(target, old->dir, old->name, old->len);
	inode_remove(target);
	return 0;
}

/*
 * do_renameat2 - rename @oldname (from @olddfd) to @newname (from
 * @newdfd) with @flags RENAME_NOREPLACE or RENAME_EXCHANGE: 0 or -errno,
 * in Linux's order: flags, both paths, "/", "." and ".." (EBUSY; EEXIST
 * with RENAME_NOREPLACE), then rename_checks and vfs_rename.
 */
static long
do_renameat2(int olddfd, const char __user *oldname, int newdfd, const char __user *newname,
	     unsigned int flags)
{
	char *old_buf = NULL, *new_buf = NULL;
	struct path_last old, new;
	struct inode *source, *target;
	int err = -EINVAL;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT))
		return -EINVAL;
	if ((flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) && (flags & RENAME_EXCHANGE))
		return -EINVAL;
	err = user_path_parent(olddfd, oldname, &old_buf, &old);
	if (!err)
		err = user_path_parent(newdfd, newname, &new_buf, &new);
	if (err)
		goto out_free;
	err = -EBUSY;
	if (old.type != LAST_NORM)
		goto out_free;
	if (flags & RENAME_NOREPLACE)
		err = -EEXIST;
	if (new.type != LAST_NORM)
		goto out_free;
	err = -EINVAL; /* RENAME_WHITEOUT: only overlay file systems need it */
	if (flags & RENAME_WHITEOUT)
		goto out_free;
	source = lookup_last(&old);
	target = lookup_last(&new);
	err = rename_checks(&old, source, &new, target, flags);
	if (!err)
		err = vfs_rename(&old, source, &new, target, flags);
out_free:
	kfree(old_buf);
	kfree(new_buf);
	return err;
}

SYSCALL_DEFINE2(rename, const char __user *, oldname, const char __user *, newname)
{
	return do_renameat2(AT_FDCWD, oldname, AT_FDCWD, newname, 0);
}

SYSCALL_DEFINE4(renameat, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, 0);
}

SYSCALL_DEFINE5(renameat2, int, olddfd, const char __user *, oldname, int, newdfd,
		const char __user *, newname, unsigned int, flags)
{
	return do_renameat2(olddfd, oldname, newdfd, newname, flags);
}
