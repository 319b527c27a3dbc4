/*
 * include/uapi/termios.h - terminal settings as TCGETS/TCSETS pass them.
 *
 * This is the kernel's struct termios (Linux include/uapi/asm-generic/
 * termbits.h): 36 bytes, no speed fields (those are in termios2). glibc
 * converts it to its own larger struct termios in tcgetattr().
 */
#ifndef UAPI_TERMIOS_H
#define UAPI_TERMIOS_H

#include <stdint.h>

typedef uint8_t cc_t;
typedef uint32_t tcflag_t;

#define NCCS 19

struct termios {
	tcflag_t c_iflag; /* input modes (ICRNL, IXON, ...) */
	tcflag_t c_oflag; /* output modes (OPOST, ONLCR) */
	tcflag_t c_cflag; /* line speed and character size */
	tcflag_t c_lflag; /* line discipline: ICANON, ECHO, ISIG, ... */
	cc_t c_line;	  /* line discipline number (0: N_TTY) */
	cc_t c_cc[NCCS];  /* the control characters, indexed by V* */
};

struct winsize {
	uint16_t ws_row;    /* rows, in characters */
	uint16_t ws_col;    /* columns */
	uint16_t ws_xpixel; /* unused */
	uint16_t ws_ypixel; /* unused */
};

/* c_cc indices. */
#define VINTR	 0
#define VQUIT	 1
#define VERASE	 2
#define VKILL	 3
#define VEOF	 4
#define VTIME	 5
#define VMIN	 6
#define VSWTC	 7
#define VSTART	 8
#define VSTOP	 9
#define VSUSP	 10
#define VEOL	 11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE	 14
#define VLNEXT	 15
#define VEOL2	 16

/* c_iflag */
#define INLCR	 0x040 /* map NL to CR */
#define IGNCR	 0x080 /* ignore CR */
#define ICRNL	 0x100 /* map CR to NL: the Enter key sends CR */
#define IXON	 0x400 /* Ctrl-S/Ctrl-Q flow control */

/* c_oflag */
#define OPOST	 0x01 /* post-process output */
#define ONLCR	 0x04 /* map NL to CR-NL */

/* c_cflag */
#define B38400	 0x0000000f
#define CS8	 0x00000030
#define CREAD	 0x00000080
#define HUPCL	 0x00000400

/* c_lflag */
#define ISIG	 0x00001 /* Ctrl-C and friends send signals */
#define ICANON	 0x00002 /* line by line, with editing */
#define ECHO	 0x00008 /* echo input */
#define ECHOE	 0x00010 /* erase echoes as backspace-space-backspace */
#define ECHOK	 0x00020
#define ECHONL	 0x00040
#define ECHOCTL	 0x00200 /* echo control characters as ^X */
#define ECHOKE	 0x00800
#define IEXTEN	 0x08000

#endif /* UAPI_TERMIOS_H */
