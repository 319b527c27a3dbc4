/*
 * libc/include/poll.h - poll(): wait until descriptors are ready (struct
 * pollfd and POLL*: <uapi/poll.h>).
 */
#ifndef _POLL_H
#define _POLL_H

#include <uapi/poll.h>

typedef unsigned long nfds_t;

int poll(struct pollfd *fds, nfds_t nfds, int timeout);

#endif /* _POLL_H */
