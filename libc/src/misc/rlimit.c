/*
 * libc/src/misc/rlimit.c - resource limits: prlimit(), getrlimit(),
 * setrlimit(). All three use the prlimit64 system call, as glibc does on
 * x86-64; pid 0 means this process.
 */
#include <sys/resource.h>
#include "../internal/syscall.h"

/*
 * prlimit - set @resource's limits of process @pid to *@new_limit (if not
 * NULL) and store the old ones in *@old_limit (if not NULL).
 */
int
prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit)
{
	return __syscall_ret(
		__syscall4(__NR_prlimit64, pid, resource, (long)new_limit, (long)old_limit));
}

/* getrlimit - this process's soft and hard limits of @resource */
int
getrlimit(int resource, struct rlimit *rlim)
{
	return prlimit(0, resource, NULL, rlim);
}

/* setrlimit - set this process's limits of @resource */
int
setrlimit(int resource, const struct rlimit *rlim)
{
	return prlimit(0, resource, rlim, NULL);
}
