/*
 * libc/src/time/clock.c - clocks and sleeping: clock_gettime(), time(),
 * gettimeofday(), clock(), nanosleep(), clock_nanosleep(), sleep().
 *
 * Every clock read is a clock_gettime system call. Linux answers most of
 * them in user space through the vDSO; Pagoda has no vDSO, so the kernel
 * sees each one.
 */
#include <time.h>
#include <sys/time.h>
#include <unistd.h>
#include <errno.h>
#include "../internal/syscall.h"

/*
 * clock_gettime - store the time of clock @clockid (CLOCK_REALTIME,
 * CLOCK_MONOTONIC, ...) in *@tp. Returns 0, or -1 with errno.
 */
int
clock_gettime(clockid_t clockid, struct timespec *tp)
{
	return __syscall_ret(__syscall2(__NR_clock_gettime, clockid, (long)tp));
}

/* time - seconds since the epoch, also stored in *@tloc if not NULL */
time_t
time(time_t *tloc)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	if (tloc)
		*tloc = ts.tv_sec;
	return ts.tv_sec;
}

/* gettimeofday - the wall-clock time in microseconds; @tz is ignored */
int
gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec ts;

	(void)tz;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

/* clock - CPU time used by this process, in CLOCKS_PER_SEC units */
clock_t
clock(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
		return -1;
	return ts.tv_sec * CLOCKS_PER_SEC + ts.tv_nsec / 1000;
}

/*
 * nanosleep - sleep for *@req; if a signal cuts it short, returns -1 with
 * errno EINTR and stores the time left in *@rem (if not NULL).
 */
int
nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __syscall_ret(__syscall2(__NR_nanosleep, (long)req, (long)rem));
}

/*
 * clock_nanosleep - sleep on @clockid for *@req, or until the clock reads
 * *@req with TIMER_ABSTIME. Returns 0 or the error number itself (POSIX:
 * this one does not set errno).
 */
int
clock_nanosleep(clockid_t clockid, int flags, const struct timespec *req, struct timespec *rem)
{
	return -__syscall4(__NR_clock_nanosleep, clockid, flags, (long)req, (long)rem);
}

/* sleep - sleep @seconds; returns the seconds left if interrupted, else 0 */
unsigned int
sleep(unsigned int seconds)
{
	struct timespec req = { .tv_sec = seconds, .tv_nsec = 0 }, rem;

	if (nanosleep(&req, &rem) < 0)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}
