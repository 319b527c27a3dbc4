/*
 * kernel/fs/attr.c - changing who owns a file and its permission bits:
 * chmod, fchmod, fchmodat, chown, fchown, lchown, fchownat.
 *
 * Linux's rules (chmod(2), chown(2)), checked in Linux's order:
 *
 *   - nothing on a read-only file system changes: EROFS;
 *   - chmod: only the owner (fsuid == i_uid) or root (CAP_FOWNER) may,
 *     else EPERM; a caller outside the file's group who is not root
 *     (CAP_FSETID) loses S_ISGID on the way, so that nobody can make a
 *     set-group-id program of a group they are not in;
 *   - chown: only root (CAP_CHOWN) gives a file to another user; its
 *     owner may change its group to one they belong to; anything else is
 *     EPERM. Changing the owner to -1 and the group to -1 changes nothing
 *     and is allowed to anyone;
 *   - a chown of a file that is not a directory clears S_ISUID, and
 *     S_ISGID when the file is group-executable (a set-group-id program)
 *     or its group is one the caller neither belongs to nor may override:
 *     a program handed to someone else must not keep running as its old
 *     owner. Root's chown clears them too.
 *
 * The inodes that exist now are the tmpfs root's, /dev's and /proc's; an
 * inode of a read-only file system (S_RDONLY) would be EROFS.
 *
 * Counterpart: Linux fs/open.c (chmod_common, chown_common, the system
 * calls) and fs/attr.c (setattr_prepare, chown_ok, chgrp_ok,
 * setattr_should_drop_sgid, notify_change).
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define S_IALLUGO (S_ISUID | S_ISGID | S_ISVTX | 0777) /* what chmod may set */

/* mnt_want_write - may @inode's file system be changed at all? 0 or -EROFS. */
static int
mnt_want_write(const struct inode *inode)
{
	return (inode->i_flags & S_RDONLY) ? -EROFS : 0;
}

/*
 * chmod_common - give @inode the permission bits of @mode: 0, -EROFS,
 * -EPERM (neither owner nor root). S_ISGID is dropped for a caller outside
 * the file's group without CAP_FSETID.
 */
int
chmod_common(struct inode *inode, umode_t mode)
{
	int err = mnt_want_write(inode);

	if (err)
		return err;
	if (!inode_owner_or_capable(inode))
		return -EPERM;
	mode &= S_IALLUGO;
	if (!in_group_p(inode->i_gid) && !capable(CAP_FSETID))
		mode &= ~S_ISGID;
	inode->i_mode = (inode->i_mode & ~S_IALLUGO) | mode;
	return 0;
}

/* chown_ok - may the caller make @uid the owner of @inode? The owner
 * "changing" it to itself, or root. */
static bool
chown_ok(const struct inode *inode, uid_t uid)
{
	return (inode->i_uid == current_cred()->fsuid && uid == inode->i_uid) || capable(CAP_CHOWN);
}

/* chgrp_ok - may the caller make @gid the group of @inode? Its owner, to
 * the same group or one they are in; or root. */
static bool
chgrp_ok(const struct inode *inode, gid_t gid)
{
	if (inode->i_uid == current_cred()->fsuid && (gid == inode->i_gid || in_group_p(gid)))
		return true;
	return capable(CAP_CHOWN);
}

/* should_drop_sgid - does a chown of @inode clear S_ISGID? For a set-group-id
 * program, and for any S_ISGID file of a group the caller is not in (without
 * CAP_FSETID). Linux's setattr_should_drop_sgid. */
static bool
should_drop_sgid(const struct inode *inode)
{
	if (!(inode->i_mode & S_ISGID))
		return false;
	if (inode->i_mode & S_IXGRP)
		return true;
	return !in_group_p(inode->i_gid) && !capable(CAP_FSETID);
}

/*
 * chown_common - make @uid the owner and @gid the group of @inode (-1:
 * unchanged): 0, -EROFS, -EPERM. Clears S_ISUID and maybe S_ISGID of a
 * non-directory, as Linux's ATTR_KILL_SUID and ATTR_KILL_SGID.
 */
int
chown_common(struct inode *inode, uid_t uid, gid_t gid)
{
	umode_t kill = 0;
	int err = mnt_want_write(inode);

	if (err)
		return err;
	if (uid != INVALID_UID && !chown_ok(inode, uid))
		return -EPERM;
	if (gid != INVALID_GID && !chgrp_ok(inode, gid))
		return -EPERM;
	if (!S_ISDIR(inode->i_mode)) {
		kill = inode->i_mode & S_ISUID;
		if (should_drop_sgid(inode))
			kill |= S_ISGID;
	}
	if (uid != INVALID_UID)
		inode->i_uid = uid;
	if (gid != INVALID_GID)
		inode->i_gid = gid;
	inode->i_mode &= ~kill;
	return 0;
}

/* chmod_path - look @filename up from @dfd (following links) and chmod it. */
static long
chmod_path(int dfd, const char __user *filename, umode_t mode)
{
	struct inode *inode;
	int err = user_path_at(dfd, filename, LOOKUP_FOLLOW, 0, &inode);

	return err ? err : chmod_common(inode, mode);
}

/* chmod - set the permission bits of @filename (a final link is followed). */
SYSCALL_DEFINE2(chmod, const char __user *, filename, umode_t, mode)
{
	return chmod_path(AT_FDCWD, filename, mode);
}

/* fchmodat - chmod relative to directory @dfd (no flags: links are followed). */
SYSCALL_DEFINE3(fchmodat, int, dfd, const char __user *, filename, umode_t, mode)
{
	return chmod_path(dfd, filename, mode);
}

/* fchmod - chmod the file open on @fd: -EBADF if none. */
SYSCALL_DEFINE2(fchmod, unsigned int, fd, umode_t, mode)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chmod_common(file->f_inode, mode);
	fput(file);
	return err;
}

/*
 * do_fchownat - chown @filename relative to @dfd: AT_SYMLINK_NOFOLLOW
 * changes a link itself, AT_EMPTY_PATH with "" the file @dfd is open on;
 * any other flag is -EINVAL.
 */
static long
do_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	unsigned int lookup = (flag & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	struct inode *inode;
	int err;

	if (flag & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(dfd, filename, lookup, flag, &inode);
	return err ? err : chown_common(inode, user, group);
}

/* fchownat - see do_fchownat. */
SYSCALL_DEFINE5(fchownat, int, dfd, const char __user *, filename, uid_t, user, gid_t, group, int,
		flag)
{
	return do_fchownat(dfd, filename, user, group, flag);
}

/* chown - the owner and group of @filename (a final link is followed). */
SYSCALL_DEFINE3(chown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, 0);
}

/* lchown - chown of a symbolic link itself. */
SYSCALL_DEFINE3(lchown, const char __user *, filename, uid_t, user, gid_t, group)
{
	return do_fchownat(AT_FDCWD, filename, user, group, AT_SYMLINK_NOFOLLOW);
}

/* fchown - chown the file open on @fd: -EBADF if none. */
SYSCALL_DEFINE3(fchown, unsigned int, fd, uid_t, user, gid_t, group)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = chown_common(file->f_inode, user, group);
	fput(file);
	return err;
}
