/*
 * libc/include/sys/select.h - select() and pselect(): wait until
 * descriptors are ready; fd_set and its FD_* macros.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <signal.h>
#include <sys/time.h>
#include <uapi/time.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define __FD_BITS	(8 * sizeof(unsigned long))
#define FD_ZERO(s)	__builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(fd, s)	((s)->fds_bits[(fd) / __FD_BITS] |= 1UL << ((fd) % __FD_BITS))
#define FD_CLR(fd, s)	((s)->fds_bits[(fd) / __FD_BITS] &= ~(1UL << ((fd) % __FD_BITS)))
#define FD_ISSET(fd, s) (((s)->fds_bits[(fd) / __FD_BITS] >> ((fd) % __FD_BITS)) & 1)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	    const struct timespec *timeout, const sigset_t *sigmask);

#endif /* _SYS_SELECT_H */
