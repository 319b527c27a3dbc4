/*
 * tests/linux/restart.c - system calls a signal handler interrupts: a
 * blocking read or waitpid fails with EINTR, unless the handler was
 * installed with SA_RESTART (as signal() does), when it goes on and
 * returns what it waited for. nanosleep fails with EINTR either way.
 * A helper child sends SIGUSR1 while the parent is blocked.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void
on_usr1(int sig)
{
	(void)sig;
	handled++;
}

static void
nap(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) < 0 && errno == EINTR)
		;
}

/* A child that signals the parent after @ms, then writes to @wfd (if >= 0). */
static pid_t
poke(long ms, int wfd)
{
	pid_t pid = fork();

	if (pid == 0) {
		nap(ms);
		kill(getppid(), SIGUSR1);
		if (wfd >= 0) {
			nap(ms);
			(void)!write(wfd, "data", 4);
		}
		_exit(0);
	}
	return pid;
}

static void
set_handler(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr1;
	sa.sa_flags = flags;
	sigaction(SIGUSR1, &sa, NULL);
	handled = 0;
}

static void
report(const char *what, long ret, int err)
{
	printf("%s: %ld%s%s (the handler ran %d time%s)\n", what, ret, ret < 0 ? " " : "",
	       ret < 0 ? strerror(err) : "", (int)handled, handled == 1 ? "" : "s");
}

static void
blocking_read(const char *what, int flags)
{
	int fds[2];
	char buf[16];

	if (pipe(fds) < 0)
		return;
	set_handler(flags);
	pid_t pid = poke(200, fds[1]);
	long n = read(fds[0], buf, sizeof(buf));

	report(what, n, errno);
	waitpid(pid, NULL, 0);
	close(fds[0]);
	close(fds[1]);
}

static void
blocking_waitpid(const char *what, int flags)
{
	int status = 0;
	pid_t child = fork();

	if (child == 0) {
		nap(500);
		_exit(7);
	}
	set_handler(flags);
	pid_t pid = poke(200, -1);
	long ret = waitpid(child, &status, 0);

	report(what, ret == child ? 1 : ret, errno);
	if (ret == child)
		printf("  the child's status: exited with %d\n", WEXITSTATUS(status));
	else if (waitpid(child, &status, 0) == child)
		printf("  waited again: exited with %d\n", WEXITSTATUS(status));
	waitpid(pid, NULL, 0);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	blocking_read("read, handler without SA_RESTART", 0);
	blocking_read("read, handler with SA_RESTART", SA_RESTART);
	blocking_waitpid("waitpid, handler without SA_RESTART", 0);
	blocking_waitpid("waitpid, handler with SA_RESTART", SA_RESTART);

	set_handler(SA_RESTART);
	pid_t pid = poke(200, -1);
	struct timespec t = { 5, 0 };
	long ret = nanosleep(&t, NULL);

	report("nanosleep, handler with SA_RESTART", ret, errno);
	waitpid(pid, NULL, 0);

	/* signal() installs its handler with SA_RESTART. */
	int fds[2];
	char buf[16];

	if (pipe(fds) < 0)
		return 1;
	signal(SIGUSR1, on_usr1);
	handled = 0;
	pid = poke(200, fds[1]);
	ret = read(fds[0], buf, sizeof(buf));
	report("read, handler from signal()", ret, errno);
	waitpid(pid, NULL, 0);
	return 0;
}
