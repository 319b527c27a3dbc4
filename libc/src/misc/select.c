/*
 * libc/src/misc/select.c - poll(), select(), pselect(): the system calls,
 * with pselect's timeout copied (the kernel writes back what is left) and
 * its signal mask passed as the kernel wants it.
 */
#include <poll.h>
#include <sys/select.h>
#include "../internal/syscall.h"

int
poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
	return __syscall_ret(__syscall3(__NR_poll, (long)fds, (long)nfds, timeout));
}

int
select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout)
{
	return __syscall_ret(__syscall5(__NR_select, nfds, (long)readfds, (long)writefds,
					(long)exceptfds, (long)timeout));
}

int
pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
	const struct timespec *timeout, const sigset_t *sigmask)
{
	struct timespec ts;
	struct {
		const sigset_t *mask;
		unsigned long size;
	} pack = { sigmask, KERNEL_SIGSET_SIZE };

	if (timeout)
		ts = *timeout;
	return __syscall_ret(__syscall6(__NR_pselect6, nfds, (long)readfds, (long)writefds,
					(long)exceptfds, timeout ? (long)&ts : 0,
					sigmask ? (long)&pack : 0));
}
