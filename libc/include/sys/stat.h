/*
 * libc/include/sys/stat.h - file status: stat(), fstat(), lstat() and the
 * mode tests.
 *
 * struct stat is the kernel's layout (<uapi/stat.h>), filled in directly.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <stdbool.h>
#include <sys/types.h>
#include <uapi/stat.h>

int stat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int mkdir(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
mode_t umask(mode_t mask);

/* the file-type tests on st_mode */
static inline bool
S_ISREG(mode_t m)
{
	return (m & S_IFMT) == S_IFREG;
}

static inline bool
S_ISDIR(mode_t m)
{
	return (m & S_IFMT) == S_IFDIR;
}

static inline bool
S_ISCHR(mode_t m)
{
	return (m & S_IFMT) == S_IFCHR;
}

static inline bool
S_ISBLK(mode_t m)
{
	return (m & S_IFMT) == S_IFBLK;
}

static inline bool
S_ISFIFO(mode_t m)
{
	return (m & S_IFMT) == S_IFIFO;
}

static inline bool
S_ISLNK(mode_t m)
{
	return (m & S_IFMT) == S_IFLNK;
}

static inline bool
S_ISSOCK(mode_t m)
{
	return (m & S_IFMT) == S_IFSOCK;
}

#endif /* _SYS_STAT_H */
