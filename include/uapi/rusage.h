/*
 * include/uapi/rusage.h - resource usage (getrusage, wait4), shared by the
 * kernel and libc: Linux's x86-64 layout (include/uapi/linux/resource.h).
 */
#ifndef UAPI_RUSAGE_H
#define UAPI_RUSAGE_H

#include <uapi/time.h>

/* getrusage() of whom */
#define RUSAGE_SELF	0
#define RUSAGE_CHILDREN (-1) /* the reaped children, and theirs */
#define RUSAGE_THREAD	1

/* resource usage (getrusage, wait4): Linux's layout, 144 bytes */
struct rusage {
	struct timeval ru_utime; /* user CPU time */
	struct timeval ru_stime; /* system CPU time */
	long ru_maxrss;		 /* largest resident set, KiB */
	long ru_ixrss;		 /* the rest are unused on Linux and Pagoda */
	long ru_idrss;
	long ru_isrss;
	long ru_minflt; /* page faults without I/O */
	long ru_majflt; /* page faults with I/O */
	long ru_nswap;
	long ru_inblock;
	long ru_oublock;
	long ru_msgsnd;
	long ru_msgrcv;
	long ru_nsignals;
	long ru_nvcsw;	/* voluntary context switches */
	long ru_nivcsw; /* involuntary context switches */
};

#endif /* UAPI_RUSAGE_H */
