/*
 * kernel/fs/namei.c - from a path name to an inode.
 *
 * Every system call that takes a path (open, stat, chdir, readlink,
 * access, execve) ends up here. A path is split at '/' into components
 * and walked one directory at a time from the root (absolute paths) or
 * from a start directory: the working directory, or the directory of a
 * descriptor for the *at() calls. Empty components (repeated slashes) are
 * skipped, "." stays, ".." goes to the parent (the root's parent is the
 * root). A symbolic link in the middle of a path is always followed; in
 * the last component only when the caller asks (stat follows, lstat does
 * not). Errors are Linux's: ENOENT (a component is missing), ENOTDIR (a
 * component before a '/' is not a directory), ENAMETOOLONG (a component
 * over NAME_MAX or a path of PATH_MAX bytes or more), ELOOP (more than
 * MAXSYMLINKS links), EFAULT (the path's memory is not readable), EACCES
 * (a directory on the way may not be searched).
 *
 * Each directory walked through must grant search permission (EACCES,
 * may_lookup). Pagoda's tree never changes after boot, so this is Linux's
 * walk without the dentry cache, locking or mount points.
 *
 * Counterpart: Linux fs/namei.c (link_path_walk, path_lookupat,
 * getname, user_path_at).
 */
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

#define MAXSYMLINKS 40 /* Linux's limit on links followed in one lookup */

/* The state of one lookup: how many links it has followed so far. */
struct nameidata {
	int total_links;
};

static int walk(struct nameidata *nd, struct inode *start, const char *path, unsigned int flags,
		struct inode **res);

/* current_pwd - the running task's working directory; the root at boot. */
struct inode *
current_pwd(void)
{
	struct task_struct *task = current;

	if (task && task->fs && task->fs->pwd)
		return task->fs->pwd;
	return root_inode;
}

/*
 * inode_readlink - the target of symbolic link @inode into @buf (@size
 * bytes, not NUL-terminated, cut at @size): its length, or -EINVAL when
 * @inode is not a link.
 */
int
inode_readlink(struct inode *inode, char *buf, size_t size)
{
	size_t len;

	if (!S_ISLNK(inode->i_mode))
		return -EINVAL;
	/* /proc/self/exe: the target is computed now. */
	if (inode->i_op && inode->i_op->get_link)
		return inode->i_op->get_link(inode, buf, size);
	len = min((size_t)inode->i_size, size);
	memcpy(buf, inode->i_link, len);
	return len;
}

/*
 * follow_link - replace symlink @link, found in directory @dir, by what it
 * points to. The target is resolved from @dir (or the root if absolute).
 */
static int
follow_link(struct nameidata *nd, struct inode *dir, struct inode *link, struct inode **res)
{
	char *target;
	int len, err;

	if (++nd->total_links > MAXSYMLINKS)
		return -ELOOP;
	target = kmalloc(PATH_MAX, GFP_KERNEL);
	if (!target)
		return -ENOMEM;
	len = inode_readlink(link, target, PATH_MAX - 1);
	if (len < 0) {
		err = len;
		goto out_free;
	}
	target[len] = '\0';
	err = walk(nd, dir, target, LOOKUP_FOLLOW, res);
out_free:
	kfree(target);
	return err;
}

/*
 * may_lookup - may the caller look a name up in directory @dir? Search
 * (x) permission, asked of every directory a path passes through, before
 * its entry is looked for: -EACCES if not (permission.c).
 */
static int
may_lookup(struct inode *dir)
{
	return inode_permission(dir, MAY_EXEC);
}

/*
 * walk_component - step from directory *@dir into component @name (@len
 * bytes). @follow: follow it if it is a symlink. Updates *@dir.
 */
static int
walk_component(struct nameidata *nd, struct inode **dir, const char *name, size_t len, bool follow)
{
	struct inode *next;
	int err;

	if (!S_ISDIR((*dir)->i_mode))
		return -ENOTDIR;
	err = may_lookup(*dir);
	if (err)
		return err;
	if (len > NAME_MAX)
		return -ENAMETOOLONG;
	if ((*dir)->i_nlink == 0)
		return -ENOENT; /* a removed directory (Linux: IS_DEADDIR) */
	if (len == 1 && name[0] == '.')
		return 0;
	if (len == 2 && name[0] == '.' && name[1] == '.') {
		*dir = (*dir)->i_parent;
		return 0;
	}
	next = find_child(*dir, name, len);
	if (!next && (*dir)->i_op && (*dir)->i_op->lookup)
		next = (*dir)->i_op->lookup(*dir, name, len);
	if (!next)
		return -ENOENT;
	if (S_ISLNK(next->i_mode) && follow)
		return follow_link(nd, *dir, next, dir);
	*dir = next;
	return 0;
}

/*
 * walk - resolve @path from @start (absolute paths from the root). A
 * trailing slash asks for a directory, like LOOKUP_DIRECTORY, and makes a
 * final symlink be followed.
 */
static int
walk(struct nameidata *nd, struct inode *start, const char *path, unsigned int flags,
     struct inode **res)
{
	struct inode *inode = (path[0] == '/' || !start) ? root_inode : start;
	const char *p = path;
	int err = 0;

	while (*p == '/')
		p++;
	while (*p) {
		const char *end = p;
		const char *next;
		bool last;

		while (*end && *end != '/')
			end++;
		next = end;
		while (*next == '/')
			next++;
		last = (*next == '\0');
		if (last && *end == '/')
			flags |= LOOKUP_DIRECTORY | LOOKUP_FOLLOW;
		err = walk_component(nd, &inode, p, end - p, !last || (flags & LOOKUP_FOLLOW));
		if (err)
			return err;
		p = next;
	}
	if ((flags & LOOKUP_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	*res = inode;
	return 0;
}

/*
 * path_lookupat - resolve kernel string @path from directory @start (NULL:
 * the root). @flags: LOOKUP_FOLLOW, LOOKUP_DIRECTORY. Returns 0 with *@res
 * set, or -ENOENT/-ENOTDIR/-ENAMETOOLONG/-ELOOP. An empty path is -ENOENT.
 */
int
path_lookupat(struct inode *start, const char *path, unsigned int flags, struct inode **res)
{
	struct nameidata nd = { 0 };

	if (!root_inode || path[0] == '\0')
		return -ENOENT;
	if (strnlen(path, PATH_MAX) >= PATH_MAX)
		return -ENAMETOOLONG;
	return walk(&nd, start, path, flags, res);
}

/*
 * getname - copy the user path @filename into a new PATH_MAX-byte kernel
 * buffer (kfree() it). ERR_PTR(-EFAULT) for a bad pointer,
 * -ENAMETOOLONG when no NUL comes within PATH_MAX bytes, -ENOMEM.
 */
char *
getname(const char __user *filename)
{
	char *name = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;

	if (!name)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(name, filename, PATH_MAX);
	if (len < 0 || len >= PATH_MAX) {
		kfree(name);
		return ERR_PTR(len < 0 ? len : -ENAMETOOLONG);
	}
	return name;
}

/* start_dir - the directory a relative path in an *at() call starts from. */
static int
start_dir(int dfd, struct inode **dir)
{
	struct file *file;

	if (dfd == AT_FDCWD) {
		*dir = current_pwd();
		return 0;
	}
	file = files_lookup(current_files(), dfd);
	if (!file)
		return -EBADF;
	*dir = file->f_inode;
	return 0;
}

/*
 * user_path_at - look up user string @filename from @dfd. With
 * AT_EMPTY_PATH in @at_flags, "" means @dfd's own file. Relative paths
 * need @dfd to be a directory (-ENOTDIR); absolute ones ignore it.
 */
int
user_path_at(int dfd, const char __user *filename, unsigned int lookup_flags, unsigned int at_flags,
	     struct inode **res)
{
	char *name = getname(filename);
	struct inode *dir = NULL;
	int err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = (name[0] == '/') ? 0 : start_dir(dfd, &dir);
	if (err)
		goto out_free;
	if (name[0] == '\0' && (at_flags & AT_EMPTY_PATH)) {
		err = dir ? 0 : -ENOENT;
		*res = dir;
		goto out_free;
	}
	if (name[0] != '/' && (!dir || !S_ISDIR(dir->i_mode))) {
		err = name[0] ? -ENOTDIR : -ENOENT;
		goto out_free;
	}
	err = path_lookupat(name[0] == '/' ? NULL : dir, name, lookup_flags, res);
out_free:
	kfree(name);
	return err;
}

/*
 * path_parentat - resolve all of kernel string @path but its last
 * component, from @start (NULL: the root): 0 with @last describing the
 * directory and the last name, or -ENOENT/-ENOTDIR/-ENAMETOOLONG/-ELOOP.
 * The name points into @path. Trailing slashes are dropped and noted in
 * last->slash; "/", "." and ".." as last components are LAST_ROOT,
 * LAST_DOT, LAST_DOTDOT (Linux's filename_parentat).
 */
int
path_parentat(struct inode *start, const char *path, struct path_last *last)
{
	size_t len = strnlen(path, PATH_MAX), dir_len;
	char *dir_path;
	int err;

	if (!root_inode || len == 0)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	last->slash = path[len - 1] == '/';
	while (len > 1 && path[len - 1] == '/')
		len--;
	for (dir_len = len; dir_len > 0 && path[dir_len - 1] != '/';)
		dir_len--;
	last->name = path + dir_len;
	last->len = len - dir_len;
	last->type = LAST_NORM;
	if (len == 1 && path[0] == '/')
		last->type = LAST_ROOT; /* "/" or "///" */
	else if (last->len == 1 && last->name[0] == '.')
		last->type = LAST_DOT;
	else if (last->len == 2 && last->name[0] == '.' && last->name[1] == '.')
		last->type = LAST_DOTDOT;
	if (last->type == LAST_ROOT || dir_len == 0) {
		last->dir = (path[0] == '/' || !start) ? root_inode : start;
		err = S_ISDIR(last->dir->i_mode) ? 0 : -ENOTDIR;
		goto out_check_len;
	}
	/* Walk the directory part: the path up to and with its last '/'. */
	dir_path = kmalloc(dir_len + 1, GFP_KERNEL);
	if (!dir_path)
		return -ENOMEM;
	memcpy(dir_path, path, dir_len);
	dir_path[dir_len] = '\0';
	err = path_lookupat(start, dir_path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &last->dir);
	kfree(dir_path);
out_check_len:
	if (!err && last->len > NAME_MAX)
		err = -ENAMETOOLONG;
	return err;
}

/*
 * user_path_parent - path_parentat for user string @filename from @dfd
 * (AT_FDCWD or a directory descriptor). *@name gets the kernel copy the
 * result points into (kfree it); on an error from getname, *@name is NULL.
 */
int
user_path_parent(int dfd, const char __user *filename, char **name, struct path_last *last)
{
	struct inode *dir = NULL;
	int err;

	*name = getname(filename);
	if (IS_ERR(*name)) {
		err = PTR_ERR(*name);
		*name = NULL;
		return err;
	}
	if ((*name)[0] == '/')
		return path_parentat(NULL, *name, last);
	err = start_dir(dfd, &dir);
	if (err)
		return err;
	if ((*name)[0] && !S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	return path_parentat(dir, *name, last);
}
