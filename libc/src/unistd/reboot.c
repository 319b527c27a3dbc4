/*
 * libc/src/unistd/reboot.c - reboot(2), with the magic numbers the kernel
 * wants before it believes the caller (Linux's LINUX_REBOOT_MAGIC1/2).
 */
#include <sys/reboot.h>

#include "../internal/syscall.h"

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_MAGIC2 672274793

int
reboot(int howto)
{
	return __syscall_ret(__syscall4(__NR_reboot, (long)(int)LINUX_REBOOT_MAGIC1,
					LINUX_REBOOT_MAGIC2, howto, 0));
}
