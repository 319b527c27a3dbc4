/*
 * libc/include/sys/time.h - struct timeval, gettimeofday(), and the interval
 * timers: setitimer(), getitimer() (struct itimerval, ITIMER_*: <uapi/time.h>).
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <uapi/time.h>

struct timezone;

int gettimeofday(struct timeval *tv, struct timezone *tz);
int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
int getitimer(int which, struct itimerval *value);

#endif /* _SYS_TIME_H */
