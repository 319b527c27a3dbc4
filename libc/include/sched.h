/*
 * libc/include/sched.h - sched_yield(), and the clone(2) flags (for a
 * raw clone system call: this libc has no clone() wrapper).
 */
#ifndef _SCHED_H
#define _SCHED_H

#include <uapi/sched.h>

int sched_yield(void);

#endif /* _SCHED_H */
