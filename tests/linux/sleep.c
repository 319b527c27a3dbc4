/*
 * tests/linux/sleep.c - nanosleep, clock_nanosleep (relative and
 * TIMER_ABSTIME), sleep and their errors, and a sleep cut short by a
 * signal reporting what was left. glibc's nanosleep and sleep are
 * clock_nanosleep underneath; musl's and Pagoda's are nanosleep.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "raw_syscall.h"

#define MS 1000000L

static long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000L + ts.tv_nsec;
}

static void
on_usr1(int sig)
{
	(void)sig;
}

/* A child sleeps 10 s; the parent interrupts it with SIGUSR1. */
static void
interrupted(void)
{
	int fds[2], status;
	char c;

	if (pipe(fds) < 0)
		return;
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec req = { 10, 0 }, rem = { 0, 0 };
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_usr1;
		sigaction(SIGUSR1, &sa, NULL);
		(void)!write(fds[1], "x", 1);
		int ret = nanosleep(&req, &rem);
		int err = errno;

		printf("nanosleep interrupted: %d %s, %s left\n", ret, strerror(err),
		       rem.tv_sec > 0 && rem.tv_sec < 10 ? "between 0 and 10 s" : "a wrong time");
		_exit(0);
	}
	(void)!read(fds[0], &c, 1);
	struct timespec pause = { 0, 200 * MS };

	nanosleep(&pause, NULL); /* let the child get into its sleep */
	kill(pid, SIGUSR1);
	waitpid(pid, &status, 0);
	printf("child status %#x\n", status);
}

int
main(void)
{
	struct timespec ts = { 0, 30 * MS }, bad = { 0, 1000000000L }, neg = { -1, 0 };
	long t0, t1;
	int ret;

	setvbuf(stdout, NULL, _IONBF, 0);
	t0 = now_ns();
	ret = nanosleep(&ts, NULL);
	t1 = now_ns();
	printf("nanosleep 30 ms: %d, slept %s\n", ret,
	       t1 - t0 >= 30 * MS ? "long enough" : "too little");

	t0 = now_ns();
	ret = clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	t1 = now_ns();
	printf("clock_nanosleep relative: %d, slept %s\n", ret,
	       t1 - t0 >= 30 * MS ? "long enough" : "too little");

	struct timespec until;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_nsec += 40 * MS;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	ret = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
	struct timespec after;

	clock_gettime(CLOCK_MONOTONIC, &after);
	printf("clock_nanosleep absolute: %d, woke %s\n", ret,
	       after.tv_sec > until.tv_sec ||
			       (after.tv_sec == until.tv_sec && after.tv_nsec >= until.tv_nsec)
		       ? "after the time"
		       : "too early");
	struct timespec past = { 0, 1 };

	printf("clock_nanosleep absolute, in the past: %d\n",
	       clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL));
	printf("clock_nanosleep realtime: %d\n", clock_nanosleep(CLOCK_REALTIME, 0, &ts, NULL));
	printf("sleep(0): %u\n", sleep(0));

	/* Errors, as the kernel returns them. */
	printf("nanosleep tv_nsec = 1e9: %ld\n", raw(35, (long)&bad, 0, 0, 0, 0, 0));
	printf("nanosleep tv_sec = -1: %ld\n", raw(35, (long)&neg, 0, 0, 0, 0, 0));
	printf("nanosleep NULL: %ld\n", raw(35, 0, 0, 0, 0, 0, 0));
	printf("clock_nanosleep NULL: %ld\n", raw(230, CLOCK_MONOTONIC, 0, 0, 0, 0, 0));
	printf("clock_nanosleep bad time: %ld\n",
	       raw(230, CLOCK_MONOTONIC, 0, (long)&bad, 0, 0, 0));
	printf("clock_nanosleep thread CPU clock: %ld\n",
	       raw(230, CLOCK_THREAD_CPUTIME_ID, 0, (long)&ts, 0, 0, 0));
	printf("clock_nanosleep MONOTONIC_RAW: %ld\n",
	       raw(230, CLOCK_MONOTONIC_RAW, 0, (long)&ts, 0, 0, 0));
	printf("clock_nanosleep clock 99: %ld\n", raw(230, 99, 0, (long)&ts, 0, 0, 0));
	printf("clock_nanosleep clock -1: %ld\n", raw(230, -1, 0, (long)&ts, 0, 0, 0));

	interrupted();
	return 0;
}
