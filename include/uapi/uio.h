/*
 * include/uapi/uio.h - the buffer list of readv and writev.
 *
 * Linux's struct iovec (include/uapi/linux/uio.h): one buffer, as a start
 * address and a length in bytes. readv/writev take an array of at most
 * UIO_MAXIOV of them.
 */
#ifndef UAPI_UIO_H
#define UAPI_UIO_H

#include <stddef.h>

struct iovec {
	void *iov_base; /* start of one buffer (a user address) */
	size_t iov_len; /* its length in bytes */
};

#define UIO_MAXIOV 1024

#endif /* UAPI_UIO_H */
