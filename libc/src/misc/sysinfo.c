/*
 * libc/src/misc/sysinfo.c - sysinfo(): the system call as it is.
 */
#include <sys/sysinfo.h>
#include "../internal/syscall.h"

int
sysinfo(struct sysinfo *info)
{
	return __syscall_ret(__syscall1(__NR_sysinfo, (long)info));
}
