/*
 * libc/src/process/execve.c - running a program: execve(), execv(),
 * execvp().
 *
 * execve is the system call: the kernel replaces this process's memory
 * with the ELF file's and builds a new initial stack (argv, envp, auxv)
 * for its _start. It returns only on failure. execvp() searches $PATH
 * the way glibc's does: a name with a '/' is used as it is; otherwise each
 * directory of $PATH is tried in turn ("/bin:/usr/bin" if it is unset),
 * going on after ENOENT, ENOTDIR and EACCES and reporting EACCES if any
 * candidate had it.
 */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include "../internal/syscall.h"

/*
 * execve - run the program @path with arguments @argv and environment
 * @envp (both NULL-terminated). Returns only on failure: -1 with errno.
 */
int
execve(const char *path, char *const argv[], char *const envp[])
{
	return __syscall_ret(__syscall3(__NR_execve, (long)path, (long)argv, (long)envp));
}

/* execv - execve() with this process's environment */
int
execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/*
 * execvp - run program @file, searched for in $PATH unless it has a '/'.
 * Returns only on failure: -1 with errno.
 */
int
execvp(const char *file, char *const argv[])
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];
	size_t flen = strlen(file), dlen;
	const char *dir, *end;
	int saw_eacces = 0;

	if (*file == '\0') {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execv(file, argv);
	if (!path)
		path = "/bin:/usr/bin";
	for (dir = path;; dir = end + 1) {
		end = strchr(dir, ':');
		if (!end)
			end = dir + strlen(dir);
		dlen = end - dir;
		if (dlen + flen + 2 <= sizeof(buf)) {
			/* an empty entry means the current directory */
			memcpy(buf, dir, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + (dlen ? 1 : 0), file, flen + 1);
			execv(buf, argv);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (*end == '\0')
			break;
	}
	if (saw_eacces)
		errno = EACCES;
	return -1;
}
