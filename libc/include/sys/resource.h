/*
 * libc/include/sys/resource.h - resource limits: getrlimit(), setrlimit(),
 * prlimit(); and struct rusage for wait4().
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>
#include <uapi/resource.h>

typedef uint64_t rlim_t;

/* resource usage of a process, as wait4() reports it (Linux's layout) */
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

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);

#endif /* _SYS_RESOURCE_H */
