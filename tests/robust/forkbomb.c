/*
 * tests/robust/forkbomb.c - processes without end: a fork bomb, and
 * RLIMIT_NPROC. Forks must start failing with EAGAIN (the process table,
 * or the limit, is full) instead of the kernel running out of memory or
 * hanging; init must still run, kill the bomb and reap every process.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Shared with every process of the bomb. */
struct counts {
	volatile int eagain; /* forks that failed with EAGAIN */
	volatile int other;  /* forks that failed otherwise */
};

static int
reap_all(void)
{
	int n = 0;

	while (waitpid(-1, NULL, 0) > 0)
		n++;
	return n;
}

/* Let other processes run for @ms milliseconds (a busy wait: glibc's
 * nanosleep is clock_nanosleep, which Pagoda does not have). */
static void
run_others(long ms)
{
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		sched_yield();
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < ms);
}

static void
fork_bomb(struct counts *c)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (;;) { /* every process forks, for ever */
			pid_t p = fork();

			if (p < 0 && errno == EAGAIN)
				c->eagain++;
			else if (p < 0)
				c->other++;
		}
	}
	run_others(1000);  /* init still gets the CPU */
	kill(-1, SIGKILL); /* every process but init (and the caller) */
	int reaped = reap_all();

	printf("fork bomb: forks failed with EAGAIN: %s; with another error: %d\n",
	       c->eagain > 0 ? "yes" : "no", c->other);
	printf("fork bomb: killed and reaped: %s\n", reaped > 1 ? "yes" : "no");
	pid = fork();
	if (pid == 0)
		_exit(3);
	int status;

	waitpid(pid, &status, 0);
	printf("fork after the bomb: child exited %d\n", WEXITSTATUS(status));
}

/* RLIMIT_NPROC: with room for a few more processes, the next forks fail. */
static void
nproc_limit(void)
{
	struct rlimit old, lim;
	int fds[2], made = 0, err = 0;

	getrlimit(RLIMIT_NPROC, &old);
	if (pipe(fds) < 0)
		return;
	/* Start low; on Linux as root the limit is not enforced, so stop at 40. */
	lim.rlim_cur = lim.rlim_max = 16;
	setrlimit(RLIMIT_NPROC, &lim);
	while (made < 40) {
		pid_t pid = fork();

		if (pid < 0) {
			err = errno;
			break;
		}
		if (pid == 0) { /* wait for the end of the pipe, then go */
			char c;

			close(fds[1]);
			(void)!read(fds[0], &c, 1);
			_exit(0);
		}
		made++;
	}
	close(fds[1]);
	close(fds[0]);
	printf("RLIMIT_NPROC 16: fork failed with %s after at most 16 processes: %s\n",
	       err ? strerror(err) : "nothing", made < 16 && err == EAGAIN ? "yes" : "no");
	printf("RLIMIT_NPROC: reaped %s\n", reap_all() == made ? "all" : "not all");
	setrlimit(RLIMIT_NPROC, &old);
}

int
main(void)
{
	struct counts *c =
		mmap(NULL, sizeof(*c), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	setvbuf(stdout, NULL, _IONBF, 0);
	nproc_limit();
	fork_bomb(c);
	nproc_limit();
	printf("the kernel is still here\n");
	return 0;
}
