/*
 * libc/src/unistd/path.c - calls on path names: readlink(), unlink(),
 * access(), chdir(), getcwd(), mkdir().
 */
#include <unistd.h>
#include <sys/stat.h>
#include "../internal/syscall.h"

/*
 * readlink - copy the target of symbolic link @path into @buf (at most
 * @size bytes, not NUL-terminated). Returns the length copied, or -1.
 */
ssize_t
readlink(const char *path, char *buf, size_t size)
{
	return __syscall_ret(__syscall3(__NR_readlink, (long)path, (long)buf, size));
}

/* unlink - remove the name @path. Returns 0, or -1 with errno. */
int
unlink(const char *path)
{
	return __syscall_ret(__syscall1(__NR_unlink, (long)path));
}

/* access - may this process use @path as @mode (R_OK | W_OK | X_OK, F_OK)? */
int
access(const char *path, int mode)
{
	return __syscall_ret(__syscall2(__NR_access, (long)path, mode));
}

/* chdir - make @path the current directory */
int
chdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_chdir, (long)path));
}

/*
 * getcwd - copy the current directory's path into @buf (@size bytes).
 * Returns @buf, or NULL with errno (ERANGE if it does not fit).
 */
char *
getcwd(char *buf, size_t size)
{
	if (__syscall_ret(__syscall2(__NR_getcwd, (long)buf, size)) < 0)
		return NULL;
	return buf;
}

/* mkdir - create directory @path with permission bits @mode */
int
mkdir(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_mkdir, (long)path, mode));
}

/* umask - set the file-creation mask; returns the previous one */
mode_t
umask(mode_t mask)
{
	return __syscall1(__NR_umask, mask);
}
