/*
 * libc/include/sys/times.h - times(): CPU time in clock ticks (struct tms:
 * <uapi/time.h>).
 */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/types.h>
#include <uapi/time.h>

clock_t times(struct tms *buf);

#endif /* _SYS_TIMES_H */
