/*
 * include/uapi/ioctls.h - terminal ioctl request numbers.
 *
 * Linux's x86-64 values (include/uapi/asm-generic/ioctls.h). glibc's
 * isatty() is tcgetattr(), which is ioctl(fd, TCGETS): it answers -ENOTTY
 * for anything that is not a terminal.
 */
#ifndef UAPI_IOCTLS_H
#define UAPI_IOCTLS_H

#define TCGETS	   0x5401 /* read struct termios */
#define TCSETS	   0x5402 /* set it now */
#define TCSETSW	   0x5403 /* set it once output has drained */
#define TCSETSF	   0x5404 /* the same, and discard pending input */
#define TIOCGPGRP  0x540F /* foreground process group */
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413 /* read struct winsize */
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B /* bytes ready to read */

#endif /* UAPI_IOCTLS_H */
