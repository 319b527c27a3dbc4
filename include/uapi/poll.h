/*
 * include/uapi/poll.h - poll(2)'s struct pollfd and event bits, shared by
 * the kernel and libc (Linux's include/uapi/asm-generic/poll.h).
 */
#ifndef UAPI_POLL_H
#define UAPI_POLL_H

#define POLLIN	   0x0001 /* there is data to read */
#define POLLPRI	   0x0002 /* urgent data (never, here) */
#define POLLOUT	   0x0004 /* writing will not block */
#define POLLERR	   0x0008 /* an error (a pipe with no reader left) */
#define POLLHUP	   0x0010 /* hung up (a pipe with no writer left) */
#define POLLNVAL   0x0020 /* the descriptor is not open */
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRNORM 0x0100
#define POLLWRBAND 0x0200

struct pollfd {
	int fd;	       /* the descriptor (negative: skipped) */
	short events;  /* what the caller waits for */
	short revents; /* what is ready (POLLERR, POLLHUP, POLLNVAL always count) */
};

#endif /* UAPI_POLL_H */
