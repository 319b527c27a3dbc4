/*
 * include/uapi/ioctl.h - the terminal ioctl(2) requests, shared by the
 * kernel and libc.
 *
 * Linux's x86-64 values (include/uapi/asm-generic/ioctls.h). libc's
 * isatty() and stdio's choice of line buffering ask TCGETS: it succeeds
 * only on a terminal (the console), and fails with ENOTTY on anything else.
 */
#ifndef UAPI_IOCTL_H
#define UAPI_IOCTL_H

#include <stdint.h>

#define TCGETS	   0x5401 /* read the terminal settings (struct termios) */
#define TCSETS	   0x5402 /* set them */
#define TIOCGPGRP  0x540F /* foreground process group */
#define TIOCSPGRP  0x5410
#define TIOCGWINSZ 0x5413 /* window size (struct winsize) */
#define TIOCSWINSZ 0x5414
#define FIONREAD   0x541B /* bytes waiting to be read */

/* the kernel's struct termios as TCGETS returns it (36 bytes + padding) */
#define NCCS	   19
struct termios {
	uint32_t c_iflag;   /* input modes */
	uint32_t c_oflag;   /* output modes */
	uint32_t c_cflag;   /* control modes */
	uint32_t c_lflag;   /* local modes */
	uint8_t c_line;	    /* line discipline */
	uint8_t c_cc[NCCS]; /* control characters */
};

struct winsize {
	uint16_t ws_row;    /* rows, in characters */
	uint16_t ws_col;    /* columns, in characters */
	uint16_t ws_xpixel; /* width in pixels (unused) */
	uint16_t ws_ypixel; /* height in pixels (unused) */
};

#endif /* UAPI_IOCTL_H */
