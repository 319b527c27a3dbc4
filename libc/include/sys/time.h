/*
 * libc/include/sys/time.h - struct timeval and gettimeofday().
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>
#include <uapi/time.h>

struct timezone;

int gettimeofday(struct timeval *tv, struct timezone *tz);

#endif /* _SYS_TIME_H */
