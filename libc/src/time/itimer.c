/*
 * libc/src/time/itimer.c - interval timers and CPU time: setitimer(),
 * getitimer(), times(), getrusage(). alarm() is in unistd/more.c.
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/times.h>
#include "../internal/syscall.h"

/*
 * setitimer - arm timer @which (ITIMER_REAL, _VIRTUAL, _PROF) with
 * *@new_value; the old setting goes to *@old_value (if not NULL).
 */
int
setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value)
{
	return __syscall_ret(__syscall3(__NR_setitimer, which, (long)new_value, (long)old_value));
}

/* getitimer - what is left of timer @which, and its interval */
int
getitimer(int which, struct itimerval *value)
{
	return __syscall_ret(__syscall2(__NR_getitimer, which, (long)value));
}

/* times - this process's CPU times and its reaped children's, in clock
 * ticks; returns the ticks since an arbitrary point (for differences) */
clock_t
times(struct tms *buf)
{
	return __syscall_ret(__syscall1(__NR_times, (long)buf));
}

/* getrusage - resource usage of this process (RUSAGE_SELF) or its reaped
 * children (RUSAGE_CHILDREN) */
int
getrusage(int who, struct rusage *usage)
{
	return __syscall_ret(__syscall2(__NR_getrusage, who, (long)usage));
}
