/*
 * libc/src/unistd/chown.c - owners and permissions: chown(), fchown(),
 * lchown(), fchownat(), fchmodat(), faccessat().
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "../internal/syscall.h"

/* chown - make @owner and @group (-1: unchanged) own @path (links followed) */
int
chown(const char *path, uid_t owner, gid_t group)
{
	return __syscall_ret(__syscall3(__NR_chown, (long)path, owner, group));
}

/* fchown - chown() of an open file */
int
fchown(int fd, uid_t owner, gid_t group)
{
	return __syscall_ret(__syscall3(__NR_fchown, fd, owner, group));
}

/* lchown - chown() of a symbolic link itself */
int
lchown(const char *path, uid_t owner, gid_t group)
{
	return __syscall_ret(__syscall3(__NR_lchown, (long)path, owner, group));
}

/* fchownat - chown() relative to @dirfd; @flags AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH */
int
fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags)
{
	return __syscall_ret(__syscall5(__NR_fchownat, dirfd, (long)path, owner, group, flags));
}

/*
 * fchmodat - chmod() relative to @dirfd. The system call has no flags;
 * AT_SYMLINK_NOFOLLOW would need fchmodat2 (Linux 6.6), so it is
 * EOPNOTSUPP here, as glibc says when it cannot honour it.
 */
int
fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW) {
		errno = EINVAL;
		return -1;
	}
	if (flags) {
		errno = EOPNOTSUPP;
		return -1;
	}
	return __syscall_ret(__syscall3(__NR_fchmodat, dirfd, (long)path, mode));
}

/*
 * faccessat - access() relative to @dirfd; @flags AT_EACCESS (check with
 * the effective ids), AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH. Without flags it
 * is the old faccessat call, with them faccessat2 (Linux 5.8).
 */
int
faccessat(int dirfd, const char *path, int mode, int flags)
{
	if (!flags)
		return __syscall_ret(__syscall3(__NR_faccessat, dirfd, (long)path, mode));
	return __syscall_ret(__syscall4(__NR_faccessat2, dirfd, (long)path, mode, flags));
}
