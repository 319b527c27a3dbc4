/*
 * include/uapi/time.h - time structures and clock ids, shared by the kernel
 * and libc.
 *
 * Linux's x86-64 layouts (include/uapi/linux/time.h, time_types.h): 64-bit
 * seconds, and nanoseconds or microseconds in a 64-bit field.
 */
#ifndef UAPI_TIME_H
#define UAPI_TIME_H

#include <stdint.h>

struct timespec {
	int64_t tv_sec;	 /* seconds */
	int64_t tv_nsec; /* nanoseconds, 0..999999999 */
};

struct timeval {
	int64_t tv_sec;	 /* seconds */
	int64_t tv_usec; /* microseconds, 0..999999 */
};

#define CLOCK_REALTIME		 0 /* wall-clock time since the epoch */
#define CLOCK_MONOTONIC		 1 /* time since boot, never set */
#define CLOCK_PROCESS_CPUTIME_ID 2 /* CPU time of this process */
#define CLOCK_THREAD_CPUTIME_ID	 3 /* CPU time of this thread */
#define CLOCK_MONOTONIC_RAW	 4
#define CLOCK_REALTIME_COARSE	 5
#define CLOCK_MONOTONIC_COARSE	 6
#define CLOCK_BOOTTIME		 7

#define TIMER_ABSTIME		 0x01 /* clock_nanosleep: *req is a time, not a duration */

/* setitimer()/getitimer(): the three interval timers and their signals. */
#define ITIMER_REAL		 0 /* real time: SIGALRM (alarm() sets this one) */
#define ITIMER_VIRTUAL		 1 /* the process's user CPU time: SIGVTALRM */
#define ITIMER_PROF		 2 /* its user and system CPU time: SIGPROF */

struct itimerval {
	struct timeval it_interval; /* reloaded when it expires (0: once) */
	struct timeval it_value;    /* time to the next expiry (0: off) */
};

/* times(): CPU time in clock ticks (sysconf(_SC_CLK_TCK), 100 a second). */
struct tms {
	long tms_utime;	 /* user time */
	long tms_stime;	 /* system time */
	long tms_cutime; /* user time of the reaped children (and theirs) */
	long tms_cstime; /* system time of the reaped children */
};

#endif /* UAPI_TIME_H */
