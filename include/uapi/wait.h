/*
 * include/uapi/wait.h - the wait status and wait4(2) options, shared by
 * the kernel and libc.
 *
 * wait4() stores a 32-bit status whose bits say how the child ended; the
 * kernel builds it in do_exit()/the signal code, libc's W* macros decode
 * it (Linux's layout, see wait(2)):
 *
 *   exited with status S:      (S & 0xff) << 8        low 7 bits 0
 *   killed by signal N:        N | 0x80 if core dumped  low 7 bits = N
 *   stopped by signal N:       (N << 8) | 0x7f
 *   continued:                 0xffff
 */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

/* wait4() options */
#define WNOHANG		 0x00000001 /* return 0 at once if no child has changed */
#define WUNTRACED	 0x00000002 /* report stopped children too */
#define WSTOPPED	 WUNTRACED
#define WEXITED		 0x00000004
#define WCONTINUED	 0x00000008
#define WNOWAIT		 0x01000000
#define __WALL		 0x40000000 /* wait for threads' and clone children too */
#define __WCLONE	 0x80000000 /* wait only for children that send no SIGCHLD */

/* pieces of the status word */
#define WAIT_SIGNAL_MASK 0x7f	/* the low 7 bits: terminating signal */
#define WAIT_CORE_FLAG	 0x80	/* a core dump was written */
#define WAIT_STOPPED	 0x7f	/* low byte of a stopped child's status */
#define WAIT_CONTINUED	 0xffff /* the whole status of a continued child */

#endif /* UAPI_WAIT_H */
