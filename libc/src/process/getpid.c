/*
 * libc/src/process/getpid.c - process and user ids: getpid(), getppid(),
 * getuid(), geteuid(), getgid(), getegid(). These calls cannot fail.
 */
#include <unistd.h>
#include "../internal/syscall.h"

/* getpid - this process's id */
pid_t
getpid(void)
{
	return __syscall0(__NR_getpid);
}

/* getppid - the parent's id (1 once the parent has ended) */
pid_t
getppid(void)
{
	return __syscall0(__NR_getppid);
}

uid_t
getuid(void)
{
	return __syscall0(__NR_getuid);
}

uid_t
geteuid(void)
{
	return __syscall0(__NR_geteuid);
}

gid_t
getgid(void)
{
	return __syscall0(__NR_getgid);
}

gid_t
getegid(void)
{
	return __syscall0(__NR_getegid);
}
