/*
 * tests/linux/poll.c - poll, select and pselect on pipes and files: what
 * each end of a pipe is ready for (data, room, hang-up, error), bad and
 * negative descriptors, timeouts, a wait ended by another process's
 * write, and by a signal (EINTR; pselect's mask comes back after).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t usr1;

static void
on_usr1(int sig)
{
	(void)sig;
	usr1++;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
nap(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) < 0 && errno == EINTR)
		;
}

/* poll one descriptor for @events with @timeout; print the result. */
static void
poll1(const char *what, int fd, short events, int timeout)
{
	struct pollfd p = { fd, events, 0 };
	int ret = poll(&p, 1, timeout);

	printf("%s: %d, revents %#x\n", what, ret, (unsigned)p.revents);
}

/* A child that writes "x" to @fd after @ms, or signals the parent (@fd < 0). */
static pid_t
later(long ms, int fd)
{
	pid_t pid = fork();

	if (pid == 0) {
		nap(ms);
		if (fd >= 0)
			(void)!write(fd, "x", 1);
		else
			kill(getppid(), SIGUSR1);
		_exit(0);
	}
	return pid;
}

/* What each end of a pipe, a bad descriptor and a /proc file are ready for. */
static void
test_readiness(void)
{
	int p[2];
	char buf[8];

	if (pipe(p) < 0)
		return;
	poll1("empty pipe, read end", p[0], POLLIN, 0);
	poll1("empty pipe, write end", p[1], POLLOUT, 0);
	(void)!write(p[1], "abc", 3);
	poll1("3 bytes in, read end", p[0], POLLIN | POLLOUT, 0);

	struct pollfd three[3] = { { p[0], POLLIN, 0 }, { -1, POLLIN, 0 }, { 99, POLLIN, 0 } };
	int ret = poll(three, 3, 0);

	printf("three entries: %d, revents %#x %#x %#x\n", ret, (unsigned)three[0].revents,
	       (unsigned)three[1].revents, (unsigned)three[2].revents);
	close(p[1]);
	poll1("writer closed, data left", p[0], POLLIN, 0);
	(void)!read(p[0], buf, sizeof(buf));
	poll1("writer closed, empty", p[0], POLLIN, 0);
	close(p[0]);

	if (pipe(p) < 0)
		return;
	close(p[0]);
	poll1("reader closed, write end", p[1], POLLOUT, 0);
	close(p[1]);

	int file = open("/proc/self/status", O_RDONLY);

	poll1("a file in /proc", file, POLLIN | POLLOUT, 0);
	close(file);
}

/* poll waits: for its timeout, another process's write, a signal */
static void
test_poll_waits(const int p[2])
{
	char buf[8];
	double t0 = now();

	poll1("timeout 100 ms", p[0], POLLIN, 100);
	printf("  waited at least 100 ms: %s\n", now() - t0 >= 0.099 ? "yes" : "NO");
	pid_t pid = later(100, p[1]);

	poll1("a child writes after 100 ms", p[0], POLLIN, 5000);
	waitpid(pid, NULL, 0);
	(void)!read(p[0], buf, 1);

	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	pid = later(100, -1);
	struct pollfd pf = { p[0], POLLIN, 0 };
	int ret = poll(&pf, 1, 5000);

	printf("poll, a signal after 100 ms: %d %s, handled %d\n", ret,
	       ret < 0 ? strerror(errno) : "", usr1);
	waitpid(pid, NULL, 0);
}

static void
test_select(const int p[2])
{
	fd_set rd, wr;
	struct timeval tv = { 0, 0 };
	char buf[8];
	int ret;

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	ret = select(p[1] + 1, &rd, &wr, NULL, &tv);
	printf("select, empty pipe: %d, read %d, write %d\n", ret, (int)FD_ISSET(p[0], &rd),
	       (int)FD_ISSET(p[1], &wr));
	(void)!write(p[1], "y", 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv.tv_sec = 1;
	ret = select(p[0] + 1, &rd, NULL, NULL, &tv);
	printf("select, a byte in: %d, read %d, time left under 1 s %s\n", ret,
	       (int)FD_ISSET(p[0], &rd), tv.tv_sec == 0 || tv.tv_usec == 0 ? "yes" : "NO");
	(void)!read(p[0], buf, 1);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	tv.tv_sec = 0;
	tv.tv_usec = 50000;
	ret = select(p[0] + 1, &rd, NULL, NULL, &tv);
	printf("select, 50 ms: %d\n", ret); /* musl does not write the time left back */
	FD_ZERO(&rd);
	FD_SET(40, &rd);
	tv.tv_usec = 0;
	ret = select(41, &rd, NULL, NULL, &tv);
	printf("select, a closed descriptor: %d %s\n", ret, ret < 0 ? strerror(errno) : "");
}

/* pselect with a mask: SIGUSR1 gets through only while it waits */
static void
test_pselect(const int p[2])
{
	sigset_t block, none, after;
	struct timespec ts = { 5, 0 };
	fd_set rd;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	sigemptyset(&none);
	usr1 = 0;
	pid_t pid = later(100, -1);

	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	int ret = pselect(p[0] + 1, &rd, NULL, NULL, &ts, &none);

	printf("pselect, a signal the mask lets in: %d %s, handled %d", ret,
	       ret < 0 ? strerror(errno) : "", usr1);
	sigprocmask(SIG_BLOCK, NULL, &after);
	printf(", blocked again %d\n", sigismember(&after, SIGUSR1));
	waitpid(pid, NULL, 0);
}

int
main(void)
{
	int p[2];

	setvbuf(stdout, NULL, _IONBF, 0);
	test_readiness();
	if (pipe(p) < 0)
		return 1;
	test_poll_waits(p);
	test_select(p);
	test_pselect(p);
	return 0;
}
