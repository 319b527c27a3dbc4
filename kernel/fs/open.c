/*
 * kernel/fs/open.c - open, openat, creat, close, access, faccessat, chdir, fchdir,
 * getcwd.
 *
 * open() looks the path up (namei.c), checks that the requested access
 * fits what is there, makes a struct file with the inode's file
 * operations and installs it at the lowest free descriptor. The root is
 * a tmpfs (mm/shmem.c), so its files may be opened for writing, created
 * (O_CREAT, creat) and emptied (O_TRUNC, do_truncate). S_RDONLY, which
 * nothing sets any more, would make a write EROFS, as on a read-only
 * mounted file system.
 *
 * filp_open() is the same open for the kernel itself (exec opens the
 * program with it).
 *
 * Counterpart: Linux fs/open.c and the open half of fs/namei.c
 * (do_filp_open, may_open).
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* Flags that only matter while opening; Linux drops them from f_flags. */
#define OPEN_ONLY_FLAGS (O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC)

/* wants_write - does an open with @flags need to write the file? */
static bool
wants_write(int flags)
{
	return (flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC);
}

/*
 * may_open - Linux's checks on an open of @inode with @flags: a directory
 * is never opened for writing (EISDIR); nothing on the read-only initramfs
 * is (EROFS), except device nodes, which are not part of the file system's
 * data. Then the permission bits for what @flags ask (permission.c).
 */
static int
may_open(struct inode *inode, int flags)
{
	if (S_ISDIR(inode->i_mode) && (wants_write(flags) || (flags & O_CREAT)))
		return -EISDIR;
	if (S_ISLNK(inode->i_mode))
		return -ELOOP; /* only reachable with O_NOFOLLOW */
	if (!inode->i_fop)
		return -ENXIO;
	if (wants_write(flags) && (inode->i_flags & S_RDONLY) && S_ISREG(inode->i_mode))
		return -EROFS;
	return inode_permission(inode, open_acc_mode(flags));
}

/*
 * vfs_open - a struct file for @inode opened with O_* @flags, with one
 * reference: the file, or ERR_PTR(-errno) from may_open, the kind's open
 * or memory.
 */
struct file *
vfs_open(struct inode *inode, int flags)
{
	struct file *file;
	int err = may_open(inode, flags);

	if (err)
		return ERR_PTR(err);
	/* On 64-bit Linux every open is a large-file open (F_GETFL shows it). */
	file = alloc_file(inode, inode->i_fop, (flags & ~OPEN_ONLY_FLAGS) | O_LARGEFILE);
	if (!file)
		return ERR_PTR(-ENOMEM);
	if (inode->i_fop->open) {
		err = inode->i_fop->open(inode, file);
		if (err)
			goto out_free;
	}
	return file;

out_free:
	kfree(file); /* not fput: there is nothing to release */
	return ERR_PTR(err);
}

/*
 * open_create - O_CREAT of @path from @start, which path lookup did not
 * find (or which ends in '/'): a new empty regular file with @mode less
 * the umask in *@res, or the error: the directory it would go in must
 * exist (its lookup error otherwise); a name ending in '/' is EISDIR
 * (open cannot make directories); a removed directory ENOENT, a
 * read-only one EROFS, and one of no file system (/proc, /dev) ENOENT,
 * as on Linux, where proc cannot create files. A dangling symbolic link
 * is ENOENT here (Linux would create its target).
 */
static int
open_create(struct inode *start, const char *path, umode_t mode, struct inode **res)
{
	struct path_last last;
	struct inode *inode;
	int err = path_parentat(start, path, &last);

	if (err)
		return err;
	if (last.slash || last.type != LAST_NORM)
		return -EISDIR;
	if (find_child(last.dir, last.name, last.len))
		return -ENOENT;
	err = may_create(last.dir);
	if (err)
		return err == -EPERM ? -ENOENT : err;
	mode = S_IFREG | (mode & ~current_umask() & 07777);
	inode = shmem_get_inode(last.dir, last.name, last.len, mode);
	if (!inode)
		return shmem_sb.free_inodes ? -ENOMEM : -ENOSPC;
	inode_init_owner(inode, last.dir, mode);
	*res = inode;
	return 0;
}

/*
 * do_filp_open - open kernel string @path (relative ones from @start) with
 * O_* @flags; @mode is a new file's permissions (O_CREAT). A file with
 * one reference, or ERR_PTR(-errno).
 */
struct file *
do_filp_open(struct inode *start, const char *path, int flags, umode_t mode)
{
	unsigned int lookup = LOOKUP_FOLLOW;
	struct inode *inode;
	struct file *file;
	bool created = false;
	int err;

	/* O_CREAT|O_EXCL never follows a final link (it would create its target). */
	if ((flags & O_NOFOLLOW) || (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		lookup = 0;
	if (flags & O_DIRECTORY)
		lookup |= LOOKUP_DIRECTORY;
	err = path_lookupat(start, path, lookup, &inode);
	/* Linux: O_CREAT with a trailing slash is EISDIR, even for a file. */
	if ((flags & O_CREAT) && path[0] && (err == -ENOENT || path[strlen(path) - 1] == '/')) {
		err = open_create(start, path, mode, &inode);
		created = !err;
	}
	if (err)
		return ERR_PTR(err);
	if (!created && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return ERR_PTR(-EEXIST);
	file = vfs_open(inode, flags);
	/* O_TRUNC empties a regular file, even one opened read-only (Linux). */
	if (!IS_ERR(file) && !created && (flags & O_TRUNC) && S_ISREG(inode->i_mode) &&
	    inode->i_mapping) {
		err = do_truncate(inode, 0);
		if (err) {
			fput(file);
			file = ERR_PTR(err);
		}
	}
	return file;
}

/* filp_open - see include/pagoda/fs.h. */
struct file *
filp_open(const char *path, int flags, umode_t mode)
{
	return do_filp_open(current_pwd(), path, flags, mode);
}

/*
 * open_exec - see include/pagoda/fs.h. Linux checks the same two things
 * in do_open_execat(): execute permission (__FMODE_EXEC: x, not r, is
 * asked; root may run any file with at least one x bit), and only a
 * regular file can be run (a directory or a device is EACCES).
 */
struct file *
open_exec(const char *path)
{
	struct file *file = filp_open(path, O_RDONLY | __FMODE_EXEC, 0);

	if (IS_ERR(file))
		return file;
	if (!S_ISREG(file->f_inode->i_mode)) {
		fput(file);
		return ERR_PTR(-EACCES);
	}
	return file;
}

/* do_sys_openat - openat() for a user path: a new descriptor or -errno. */
static long
do_sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	struct inode *start = current_pwd();
	struct file *file = NULL;
	char *name = getname(filename);
	long fd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	flags &= ~__FMODE_EXEC; /* the kernel's own, never a user's */
	if (dfd != AT_FDCWD && name[0] != '/') {
		file = files_lookup(current_files(), dfd);
		fd = !file ? -EBADF : !S_ISDIR(file->f_inode->i_mode) ? -ENOTDIR : 0;
		if (fd)
			goto out_free;
		start = file->f_inode;
	}
	file = do_filp_open(start, name, flags, mode);
	fd = IS_ERR(file) ? PTR_ERR(file) : alloc_fd(current_files(), 0, file, flags);
	if (fd < 0 && !IS_ERR(file))
		fput(file);
out_free:
	kfree(name);
	return fd;
}

/* current_umask - the permission bits a new file of the caller does not get. */
umode_t
current_umask(void)
{
	struct task_struct *task = current;

	return task && task->fs ? task->fs->umask : 0022;
}

/* umask - set the file-creation mask (open, mkdir, symlink do not give
 * the bits it has), return the old one; fork copies it. */
SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	umode_t old = fs->umask;

	fs->umask = mask & 0777;
	return old;
}

/* open - a descriptor for @filename; @mode: a new file's permissions (O_CREAT). */
SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, filename, flags, mode);
}

/* openat - open relative to @dfd; glibc's open() is openat(AT_FDCWD, ...). */
SYSCALL_DEFINE4(openat, int, dfd, const char __user *, filename, int, flags, umode_t, mode)
{
	return do_sys_openat(dfd, filename, flags, mode);
}

/* creat - open(@pathname, O_CREAT | O_WRONLY | O_TRUNC, @mode). */
SYSCALL_DEFINE2(creat, const char __user *, pathname, umode_t, mode)
{
	return do_sys_openat(AT_FDCWD, pathname, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/*
 * do_truncate - make regular file @inode @length bytes long (truncate,
 * ftruncate, O_TRUNC): 0, or the file system's error (-EFBIG, ...);
 * -EINVAL for a negative length or a file that has no size to set.
 */
int
do_truncate(struct inode *inode, loff_t length)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };

	if (length < 0)
		return -EINVAL;
	if (!inode->i_op || !inode->i_op->setattr)
		return -EINVAL;
	return inode->i_op->setattr(inode, &attr);
}

/* close - free @fd; the file closes when its last reference goes. */
SYSCALL_DEFINE1(close, unsigned int, fd)
{
	return close_fd(current_files(), fd);
}

/*
 * access_override_creds - the caller's cred with its fs ids set to its
 * real ids, for access(); NULL when out of memory.
 */
static struct cred *
access_override_creds(void)
{
	struct cred *cred = prepare_creds();

	if (cred) {
		cred->fsuid = cred->uid;
		cred->fsgid = cred->gid;
	}
	return cred;
}

/*
 * do_faccessat - may the caller access @filename in @mode (R_OK, W_OK,
 * X_OK, or F_OK)? Asked with the real uid and gid, as a set-user-id
 * program asks whether its user could (the lookup too), unless @flags has
 * AT_EACCESS (the effective ids). Linux's errors in its order: EINVAL,
 * ENOMEM, the lookup's, EACCES or EROFS.
 */
static long
do_faccessat(int dfd, const char __user *filename, int mode, int flags)
{
	const struct cred *old = NULL;
	struct cred *override = NULL;
	struct inode *inode;
	unsigned int lookup = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		override = access_override_creds();
		if (!override)
			return -ENOMEM;
		old = override_creds(override);
	}
	err = user_path_at(dfd, filename, lookup, flags, &inode);
	if (!err)
		err = inode_permission(inode, mode | MAY_ACCESS); /* EROFS first, as SUSv2 wants */
	if (override) {
		revert_creds(old);
		put_cred(override);
	}
	return err;
}

/* access, faccessat, faccessat2 - may the caller use the file so? */
SYSCALL_DEFINE2(access, const char __user *, filename, int, mode)
{
	return do_faccessat(AT_FDCWD, filename, mode, 0);
}

SYSCALL_DEFINE3(faccessat, int, dfd, const char __user *, filename, int, mode)
{
	return do_faccessat(dfd, filename, mode, 0);
}

SYSCALL_DEFINE4(faccessat2, int, dfd, const char __user *, filename, int, mode, int, flags)
{
	return do_faccessat(dfd, filename, mode, flags);
}

/* set_pwd - make @inode the working directory: 0, -ENOTDIR or -EACCES
 * (it may not be searched). */
static long
set_pwd(struct inode *inode)
{
	struct task_struct *task = current;
	int err;

	if (!S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	err = inode_permission(inode, MAY_EXEC | MAY_CHDIR);
	if (err)
		return err;
	if (task && task->fs) {
		ihold(inode);
		if (task->fs->pwd)
			iput(task->fs->pwd);
		task->fs->pwd = inode;
	}
	return 0;
}

/* chdir - make @filename the working directory. */
SYSCALL_DEFINE1(chdir, const char __user *, filename)
{
	struct inode *inode;
	int err = user_path_at(AT_FDCWD, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, 0, &inode);

	return err ? err : set_pwd(inode);
}

/*
 * init_chdir - chdir on a kernel string, for the kernel's own use before
 * init runs (`init_cwd=DIR`, kernel/init/main.c): 0, or -ENOENT/-ENOTDIR.
 * Linux has it in fs/init.c for the same purpose.
 */
int
init_chdir(const char *filename)
{
	struct inode *inode;
	int err = path_lookupat(NULL, filename, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &inode);

	return err ? err : set_pwd(inode);
}

/* fchdir - make the directory open on @fd the working directory. */
SYSCALL_DEFINE1(fchdir, unsigned int, fd)
{
	struct file *file = files_lookup(current_files(), fd);

	if (!file)
		return -EBADF;
	return set_pwd(file->f_inode);
}

/*
 * getcwd - the working directory's absolute path with its NUL into @buf of
 * @size bytes: the length with the NUL, -ERANGE if it does not fit.
 * (Linux has it in fs/d_path.c; Pagoda's inodes carry their path.)
 */
SYSCALL_DEFINE2(getcwd, char __user *, buf, unsigned long, size)
{
	const char *path = current_pwd()->i_path;
	size_t len = strlen(path) + 1;

	if (current_pwd()->i_nlink == 0)
		return -ENOENT; /* removed: it has no path any more */
	if (len > size)
		return -ERANGE;
	if (copy_to_user(buf, path, len))
		return -EFAULT;
	return len;
}

/*
 * truncate - set the size of the file @path names to @length bytes:
 * EINVAL for a negative length, the lookup's errors, EISDIR for a
 * directory, EINVAL for what is not a regular file, then do_truncate's.
 */
SYSCALL_DEFINE2(truncate, const char __user *, path, long, length)
{
	struct inode *inode;
	int err;

	if (length < 0)
		return -EINVAL;
	err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, 0, &inode);
	if (err)
		return err;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	/* permission: inode_permission(inode, MAY_WRITE) goes here */
	return do_truncate(inode, length);
}

/*
 * ftruncate - the same for the file open on @fd: EINVAL for a negative
 * length, EBADF, then EINVAL unless it is a regular file open for
 * writing (Linux's do_ftruncate).
 */
SYSCALL_DEFINE2(ftruncate, unsigned int, fd, long, length)
{
	struct file *file;
	int err = -EINVAL;

	if (length < 0)
		return -EINVAL;
	file = fget(fd);
	if (!file)
		return -EBADF;
	if (S_ISREG(file->f_inode->i_mode) && (file->f_flags & O_ACCMODE) != O_RDONLY)
		err = do_truncate(file->f_inode, length);
	fput(file);
	return err;
}

/*
 * vfs_fallocate - Linux's checks of fallocate(2) in its order, then the
 * file's f_op->fallocate: 0 or -errno.
 */
static int
vfs_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file->f_inode;

	if (offset < 0 || len <= 0)
		return -EINVAL;
	if (mode & ~FALLOC_FL_SUPPORTED)
		return -EOPNOTSUPP;
	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		return -EBADF;
	if (S_ISFIFO(inode->i_mode))
		return -ESPIPE;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -ENODEV;
	if (offset > MAX_LFS_FILESIZE - len)
		return -EFBIG;
	if (!file->f_op->fallocate)
		return -EOPNOTSUPP;
	return file->f_op->fallocate(file, mode, offset, len);
}

/* fallocate - give @fd's file pages for [@offset, @offset + @len) now. */
SYSCALL_DEFINE4(fallocate, int, fd, int, mode, loff_t, offset, loff_t, len)
{
	struct file *file = fget(fd);
	int err;

	if (!file)
		return -EBADF;
	err = vfs_fallocate(file, mode, offset, len);
	fput(file);
	return err;
}
