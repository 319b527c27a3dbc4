/*
 * libc/src/stat/stat.c - file status: stat(), lstat(), fstat(), fstatat(),
 * and reading directories with getdents64().
 *
 * The kernel fills in struct stat (<uapi/stat.h>) directly. stat() and
 * lstat() go through newfstatat(AT_FDCWD, ...), as glibc's do on x86-64;
 * fstat() is the fstat system call.
 */
#include <sys/stat.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>
#include "../internal/syscall.h"

/*
 * fstatat - status of @path relative to directory @dirfd; @flags may hold
 * AT_SYMLINK_NOFOLLOW (describe a link, not its target) or AT_EMPTY_PATH.
 * Returns 0, or -1 with errno.
 */
int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	return __syscall_ret(__syscall4(__NR_newfstatat, dirfd, (long)path, (long)st, flags));
}

/* stat - status of the file @path names, following symbolic links */
int
stat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, 0);
}

/* lstat - like stat(), but a symbolic link describes itself */
int
lstat(const char *path, struct stat *st)
{
	return fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

/* fstat - status of the open file @fd */
int
fstat(int fd, struct stat *st)
{
	return __syscall_ret(__syscall2(__NR_fstat, fd, (long)st));
}

/*
 * getdents64 - read directory entries of @fd into @dirp (@count bytes) as
 * Linux's struct linux_dirent64 records (d_ino, d_off, d_reclen, d_type,
 * d_name). Returns the bytes filled, 0 at the end, or -1 with errno.
 */
ssize_t
getdents64(int fd, void *dirp, size_t count)
{
	return __syscall_ret(__syscall3(__NR_getdents64, fd, (long)dirp, count));
}
