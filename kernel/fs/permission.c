/*
 * kernel/fs/permission.c - may the caller read, write or run this inode,
 * search this directory, remove this entry?
 *
 * Every inode has an owner (i_uid), a group (i_gid) and nine permission
 * bits, rwx for the owner, the group and everyone else. A check picks one
 * class, the first that applies, and looks only at its bits
 * (path_resolution(7), "Permissions"):
 *
 *	fsuid == i_uid                    owner bits   (mode >> 6) & 7
 *	else i_gid is fsgid or a group    group bits   (mode >> 3) & 7
 *	else                              other bits   mode & 7
 *
 * so an owner with 0077 is refused what everyone else may do. Root
 * (fsuid 0: CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, include/pagoda/cred.h)
 * then overrides a refusal: it may read and write anything and search any
 * directory, but may run a file only if at least one x bit is set.
 *
 * Who asks: path lookup, for search (x) permission on each directory it
 * walks through (namei.c: walk_component); open, for read and/or write by
 * O_ACCMODE, write for O_TRUNC (open.c: may_open); execve, for x
 * (open_exec); access()/faccessat() with the real ids; chdir. For the
 * calls that create, remove and rename names, may_create() and
 * may_delete() below give Linux's answer, the sticky-directory rule
 * included.
 *
 * Counterpart: Linux fs/namei.c (generic_permission, inode_permission,
 * may_delete, may_create, __check_sticky) and fs/inode.c
 * (inode_owner_or_capable); Pagoda has no ACLs, no security modules and no
 * id-mapped mounts, which those functions also consult.
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define S_IXUGO (S_IXUSR | S_IXGRP | S_IXOTH) /* any execute bit */

/*
 * acl_permission_check - the owner/group/other check of @mask (MAY_READ,
 * MAY_WRITE, MAY_EXEC) against @inode's mode for the caller's fsuid,
 * fsgid and groups: 0 or -EACCES. (Linux's name: it also asks the POSIX
 * ACL here, which Pagoda does not have.)
 */
static int
acl_permission_check(const struct inode *inode, int mask)
{
	const struct cred *cred = current_cred();
	unsigned int mode = inode->i_mode;

	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (inode->i_uid == cred->fsuid)
		mode >>= 6;
	else if (in_group_p(inode->i_gid))
		mode >>= 3;
	return (mask & ~mode & 7) ? -EACCES : 0;
}

/*
 * generic_permission - see kernel/fs/internal.h. The mode bits, then the
 * capabilities that override them: for a directory, reading and searching
 * with CAP_DAC_READ_SEARCH, anything with CAP_DAC_OVERRIDE; for a file,
 * reading with CAP_DAC_READ_SEARCH, reading and writing with
 * CAP_DAC_OVERRIDE, and running too if some x bit is set.
 */
int
generic_permission(const struct inode *inode, int mask)
{
	int ret = acl_permission_check(inode, mask);

	if (ret != -EACCES)
		return ret;
	if (S_ISDIR(inode->i_mode)) {
		if (!(mask & MAY_WRITE) && capable(CAP_DAC_READ_SEARCH))
			return 0;
		return capable(CAP_DAC_OVERRIDE) ? 0 : -EACCES;
	}
	mask &= MAY_READ | MAY_WRITE | MAY_EXEC;
	if (mask == MAY_READ && capable(CAP_DAC_READ_SEARCH))
		return 0;
	if (!(mask & MAY_EXEC) || (inode->i_mode & S_IXUGO))
		if (capable(CAP_DAC_OVERRIDE))
			return 0;
	return -EACCES;
}

/*
 * inode_permission - see kernel/fs/internal.h. First the file system: no
 * one writes a file, directory or link on a read-only one (EROFS, Linux's
 * sb_permission; devices and pipes may still be written); then the
 * permission bits. An inode kind may have its own rule (Linux's
 * i_op->permission); none of Pagoda's does.
 */
int
inode_permission(const struct inode *inode, int mask)
{
	umode_t type = inode->i_mode & S_IFMT;

	if ((mask & MAY_WRITE) && (inode->i_flags & S_RDONLY) &&
	    (type == S_IFREG || type == S_IFDIR || type == S_IFLNK))
		return -EROFS;
	return generic_permission(inode, mask);
}

/*
 * open_acc_mode - what an open with O_* @flags needs: MAY_READ and/or
 * MAY_WRITE by O_ACCMODE (3, an old "no access" mode, asks both), MAY_WRITE
 * for O_TRUNC, only MAY_EXEC for execve's own open (__FMODE_EXEC).
 */
int
open_acc_mode(int flags)
{
	static const int acc[4] = { MAY_READ, MAY_WRITE, MAY_READ | MAY_WRITE,
				    MAY_READ | MAY_WRITE };
	int mask;

	if (flags & __FMODE_EXEC)
		return MAY_EXEC | MAY_OPEN;
	mask = acc[flags & O_ACCMODE] | MAY_OPEN;
	if (flags & O_TRUNC)
		mask |= MAY_WRITE;
	return mask;
}

/* inode_owner_or_capable - see kernel/fs/internal.h. */
bool
inode_owner_or_capable(const struct inode *inode)
{
	return inode->i_uid == current_cred()->fsuid || capable(CAP_FOWNER);
}

/*
 * check_sticky - in directory @dir with the sticky bit (S_ISVTX, as /tmp),
 * only the owner of @inode, the owner of @dir or CAP_FOWNER may remove or
 * rename @inode: true when the caller may not.
 */
static bool
check_sticky(const struct inode *dir, const struct inode *inode)
{
	uid_t fsuid = current_cred()->fsuid;

	if (!(dir->i_mode & S_ISVTX))
		return false;
	if (inode->i_uid == fsuid || dir->i_uid == fsuid)
		return false;
	return !capable(CAP_FOWNER);
}

/*
 * may_delete - see kernel/fs/internal.h. Linux's checks in its order:
 * write and search permission on @dir (EACCES, or EROFS), the sticky rule
 * (EPERM), then the kinds: rmdir of a non-directory is ENOTDIR, unlink of
 * a directory EISDIR, and the root or an entry of no file system (/proc,
 * the /dev nodes) EBUSY.
 */
int
may_delete(const struct inode *dir, const struct inode *victim, bool isdir)
{
	int err = inode_permission(dir, MAY_WRITE | MAY_EXEC);

	if (err)
		return err;
	if (check_sticky(dir, victim))
		return -EPERM;
	if (isdir && !S_ISDIR(victim->i_mode))
		return -ENOTDIR;
	if (!isdir && S_ISDIR(victim->i_mode))
		return -EISDIR;
	if (victim->i_parent == victim || victim == root_inode || !victim->i_sb)
		return -EBUSY;
	return 0;
}

/*
 * may_create - see kernel/fs/internal.h: a name may be added to @dir if
 * @dir is still there (ENOENT once removed) and the caller may write and
 * search it (EACCES, or EROFS); where no file system is (/proc, /dev),
 * EPERM. (Linux checks first that the name is still missing, EEXIST.)
 */
int
may_create(const struct inode *dir)
{
	int err;

	if (dir->i_nlink == 0)
		return -ENOENT;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (!dir->i_sb)
		return -EPERM;
	return 0;
}

/*
 * inode_init_owner - a new inode @inode made in @dir is the caller's:
 * owner its fsuid, group its fsgid, or @dir's group when @dir has S_ISGID
 * (then a new directory inherits S_ISGID too, and a new set-group-id
 * program of a group the caller is not in loses it), as Linux's. The creating
 * calls (mkdir, open with O_CREAT, mknod, symlink) call it on the inode
 * they add.
 */
void
inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode)
{
	const struct cred *cred = current_cred();

	inode->i_uid = cred->fsuid;
	inode->i_gid = cred->fsgid;
	if (dir && (dir->i_mode & S_ISGID)) {
		inode->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			mode |= S_ISGID;
		else if ((mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) &&
			 !in_group_p(inode->i_gid) && !capable(CAP_FSETID))
			mode &= ~S_ISGID; /* a set-group-id file of a group one is not in */
	}
	inode->i_mode = mode;
}
