/*
 * include/pagoda/time.h - the clock of sleeps and timeouts: every clock of
 * clock_gettime counts from boot, in microseconds from the TSC
 * (kernel/proc/sys.c).
 */
#ifndef PAGODA_TIME_H
#define PAGODA_TIME_H

#include <pagoda/arch.h>
#include <pagoda/types.h>

#include <uapi/time.h>

/* now_us - the time of clock_gettime, in microseconds. */
static inline uint64_t
now_us(void)
{
	return arch_cycles_to_us(arch_cycles());
}

/*
 * timespec_to_us - *@ts in microseconds (rounded up) in *@us, UINT64_MAX
 * for times too far to matter. 0, or -EINVAL unless 0 <= tv_nsec < 10^9
 * and tv_sec >= 0.
 */
long timespec_to_us(const struct timespec *ts, uint64_t *us);

#endif /* PAGODA_TIME_H */
