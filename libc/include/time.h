/*
 * libc/include/time.h - clocks and sleeping: clock_gettime(), time(),
 * nanosleep(), clock_nanosleep().
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/types.h>
#include <uapi/time.h>

#define CLOCKS_PER_SEC 1000000L

time_t time(time_t *tloc);
int clock_gettime(clockid_t clockid, struct timespec *tp);
int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *req, struct timespec *rem);
clock_t clock(void);

#endif /* _TIME_H */
