/*
 * libc/include/sys/ioctl.h - ioctl(), the terminal requests and the
 * kernel's struct termios and struct winsize they pass (the same headers
 * as the kernel's: include/uapi/).
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <uapi/ioctls.h>
#include <uapi/termios.h>

int ioctl(int fd, unsigned long request, ...);

#endif /* _SYS_IOCTL_H */
