/*
 * include/uapi/resource.h - resource limits, shared by the kernel and libc.
 *
 * prlimit64(2) (and the older getrlimit/setrlimit) read and write a struct
 * rlimit per resource. Linux's values (include/uapi/asm-generic/
 * resource.h).
 */
#ifndef UAPI_RESOURCE_H
#define UAPI_RESOURCE_H

#include <stdint.h>

#define RLIMIT_CPU	  0  /* CPU time, seconds */
#define RLIMIT_FSIZE	  1  /* largest file, bytes */
#define RLIMIT_DATA	  2  /* data + heap + private mappings, bytes */
#define RLIMIT_STACK	  3  /* stack size, bytes */
#define RLIMIT_CORE	  4  /* largest core file, bytes */
#define RLIMIT_RSS	  5  /* resident set size, bytes */
#define RLIMIT_NPROC	  6  /* number of processes */
#define RLIMIT_NOFILE	  7  /* number of open files */
#define RLIMIT_MEMLOCK	  8  /* locked memory, bytes */
#define RLIMIT_AS	  9  /* address-space size, bytes */
#define RLIMIT_LOCKS	  10 /* file locks */
#define RLIMIT_SIGPENDING 11 /* queued signals */
#define RLIMIT_MSGQUEUE	  12 /* POSIX message queues, bytes */
#define RLIMIT_NICE	  13 /* ceiling of the nice value */
#define RLIMIT_RTPRIO	  14 /* ceiling of the real-time priority */
#define RLIMIT_RTTIME	  15 /* real-time CPU time, microseconds */
#define RLIM_NLIMITS	  16

#define RLIM_INFINITY	  (~0UL) /* no limit */

/* Defaults the first process starts with (and its descendants inherit). */
#define _STK_LIM	  (8 * 1024 * 1024) /* RLIMIT_STACK's soft limit: 8 MiB */
#define INR_OPEN_CUR	  1024 /* RLIMIT_NOFILE's soft limit (Linux: uapi/linux/fs.h) */
#define INR_OPEN_MAX	  4096 /* ... and its hard limit */

struct rlimit {
	uint64_t rlim_cur; /* soft limit: what the kernel enforces */
	uint64_t rlim_max; /* hard limit: ceiling for rlim_cur */
};

#endif /* UAPI_RESOURCE_H */
