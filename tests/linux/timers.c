/*
 * tests/linux/timers.c - alarm, pause, setitimer/getitimer (real, virtual
 * and profiling time), sigsuspend and sigpending, and the CPU-time
 * accounting behind times, getrusage and wait4's rusage; sysinfo and
 * umask. Times are printed as verdicts, never as numbers: the runs on
 * Linux and on Pagoda must print the same.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "raw_syscall.h"

static volatile sig_atomic_t alarms, vtalrms, profs, usr1s;

static void
on_signal(int sig)
{
	if (sig == SIGALRM)
		alarms++;
	else if (sig == SIGVTALRM)
		vtalrms++;
	else if (sig == SIGPROF)
		profs++;
	else if (sig == SIGUSR1)
		usr1s++;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Spin in user mode until *@flag is set, for at most 20 s of real time. */
static int
spin_until(volatile sig_atomic_t *flag)
{
	double start = now();
	volatile unsigned long n = 0;

	while (!*flag && now() - start < 20)
		for (int i = 0; i < 100000; i++)
			n++;
	return *flag != 0;
}

/* Spin in user mode until this process has used @ms of user CPU time. */
static void
spin_cpu(long ms)
{
	struct rusage ru;
	volatile unsigned long n = 0;
	double start = now();

	do {
		for (int i = 0; i < 100000; i++)
			n++;
		getrusage(RUSAGE_SELF, &ru);
	} while (ru.ru_utime.tv_sec * 1000 + ru.ru_utime.tv_usec / 1000 < ms && now() - start < 20);
}

static void
handle(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(sig, &sa, NULL);
}

static const char *
yes(int cond)
{
	return cond ? "yes" : "NO";
}

/* alarm: the seconds the last one had left, rounded; pause until it rings */
static void
test_alarm(void)
{
	printf("alarm(0) = %u\n", alarm(0));
	printf("alarm(5) = %u\n", alarm(5));
	printf("alarm(2) = %u\n", alarm(2));
	printf("alarm(0) = %u\n", alarm(0));

	double t0 = now();

	alarm(1);
	int ret = pause();
	int err = errno;

	printf("pause: %d %s, SIGALRM %d, after at least 1 s: %s\n", ret, strerror(err), alarms,
	       yes(now() - t0 >= 0.99));
}

/* a periodic real timer: three expiries, then off */
static void
test_real_timer(void)
{
	struct itimerval it, old;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 50000;
	it.it_interval.tv_usec = 50000;
	alarms = 0;
	double t0 = now();

	printf("setitimer(ITIMER_REAL, 50 ms every 50 ms) = %d\n",
	       setitimer(ITIMER_REAL, &it, NULL));
	while (alarms < 3)
		pause();
	printf("three SIGALRMs, after at least 150 ms: %s\n", yes(now() - t0 >= 0.149));
	getitimer(ITIMER_REAL, &old);
	printf("getitimer: interval %ld us, running %s\n", (long)old.it_interval.tv_usec,
	       yes(old.it_value.tv_sec || old.it_value.tv_usec));
	memset(&it, 0, sizeof(it));
	setitimer(ITIMER_REAL, &it, &old);
	printf("setitimer(0): the old one had %s left\n",
	       old.it_value.tv_sec == 0 && old.it_value.tv_usec <= 50000 ? "at most 50 ms"
									 : "more");
	getitimer(ITIMER_REAL, &old);
	printf("after: %ld s %ld us\n", (long)old.it_value.tv_sec, (long)old.it_value.tv_usec);
}

/* errors, as the kernel returns them */
static void
test_timer_errors(void)
{
	struct itimerval it, old;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 1000000;
	printf("setitimer tv_usec 1000000: %ld\n", raw(38, ITIMER_REAL, (long)&it, 0, 0, 0, 0));
	it.it_value.tv_usec = 0;
	it.it_value.tv_sec = -1;
	printf("setitimer tv_sec -1: %ld\n", raw(38, ITIMER_REAL, (long)&it, 0, 0, 0, 0));
	printf("setitimer which 5: %ld\n", raw(38, 5, (long)&it, 0, 0, 0, 0));
	printf("getitimer which 5: %ld\n", raw(36, 5, (long)&old, 0, 0, 0, 0));
	printf("getitimer bad pointer: %ld\n", raw(36, ITIMER_REAL, 16, 0, 0, 0, 0));
	printf("setitimer bad pointer: %ld\n", raw(38, ITIMER_REAL, 16, 0, 0, 0, 0));
}

/* CPU-time timers: they run only while the process does */
static void
test_cpu_timers(void)
{
	struct itimerval it;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_usec = 100000;
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	printf("ITIMER_VIRTUAL 100 ms of user time: SIGVTALRM %s\n", yes(spin_until(&vtalrms)));
	setitimer(ITIMER_PROF, &it, NULL);
	printf("ITIMER_PROF 100 ms of CPU time: SIGPROF %s\n", yes(spin_until(&profs)));
}

/* sigsuspend lets a blocked signal in, and blocks it again after; sigpending */
static void
test_sigsuspend(void)
{
	sigset_t block, pending, none, now_mask;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	kill(getpid(), SIGUSR1);
	sigpending(&pending);
	printf("SIGUSR1 blocked and sent: pending %d, handled %d\n", sigismember(&pending, SIGUSR1),
	       usr1s);
	sigemptyset(&none);
	int ret = sigsuspend(&none);
	int err = errno;

	sigprocmask(SIG_BLOCK, NULL, &now_mask);
	sigpending(&pending);
	printf("sigsuspend: %d %s, handled %d, blocked again %d, pending %d\n", ret, strerror(err),
	       usr1s, sigismember(&now_mask, SIGUSR1), sigismember(&pending, SIGUSR1));
	sigprocmask(SIG_UNBLOCK, &block, NULL);
	printf("rt_sigpending size 9: %ld\n", raw(127, (long)&pending, 9, 0, 0, 0, 0));
	printf("rt_sigsuspend size 4: %ld\n", raw(130, (long)&none, 4, 0, 0, 0, 0));
}

static int
used_100ms(const struct rusage *ru)
{
	return ru->ru_utime.tv_sec > 0 || ru->ru_utime.tv_usec >= 100000;
}

/* CPU time: own, children's, and a child's through wait4 */
static void
test_cpu_time(void)
{
	struct tms tms;
	struct rusage ru;
	int status;

	spin_cpu(200);
	times(&tms);
	getrusage(RUSAGE_SELF, &ru);
	printf("times: user time counted %s\n", yes(tms.tms_utime >= 10));
	printf("getrusage: user %s, max RSS %s, minor faults %s\n", yes(used_100ms(&ru)),
	       yes(ru.ru_maxrss > 0), yes(ru.ru_minflt > 0));
	pid_t pid = fork();

	if (pid == 0) {
		spin_cpu(200);
		_exit(0);
	}
	wait4(pid, &status, 0, &ru);
	printf("wait4: the child's user time %s\n", yes(used_100ms(&ru)));
	times(&tms);
	getrusage(RUSAGE_CHILDREN, &ru);
	printf("children: times %s, getrusage %s\n", yes(tms.tms_cutime >= 10),
	       yes(used_100ms(&ru)));
	printf("getrusage who 5: %ld\n", raw(98, 5, (long)&ru, 0, 0, 0, 0));
}

int
main(void)
{
	struct sysinfo si;

	setvbuf(stdout, NULL, _IONBF, 0);
	handle(SIGALRM);
	handle(SIGVTALRM);
	handle(SIGPROF);
	handle(SIGUSR1);
	test_alarm();
	test_real_timer();
	test_timer_errors();
	test_cpu_timers();
	test_sigsuspend();
	test_cpu_time();

	printf("sysinfo: %d", sysinfo(&si));
	printf(", free <= total %s, total >= 16 MiB %s, processes %s\n",
	       yes(si.freeram <= si.totalram),
	       yes((unsigned long long)si.totalram * si.mem_unit >= 16ULL << 20),
	       yes(si.procs >= 1));
	umask(077);
	printf("umask: the last mask %03o\n", umask(022));
	return 0;
}
