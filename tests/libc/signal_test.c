/*
 * tests/libc/signal_test.c - signal handling through sigaction() (the
 * kernel's struct k_sigaction with SA_RESTORER): a handler runs and
 * returns through the restorer to the interrupted code; SIG_IGN; a
 * blocked signal stays pending until sigprocmask() unblocks it;
 * sigaction() reports the previous action; SA_SIGINFO gets si_signo.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static volatile int info_signo;

static void
handler(int sig)
{
	got = sig;
}

static void
info_handler(int sig, siginfo_t *info, void *ctx)
{
	(void)ctx;
	info_signo = info->si_signo + 1000 * (sig != info->si_signo);
}

int
main(void)
{
	struct sigaction act, old;
	sigset_t set, oldset;
	volatile long sum = 0;
	int i;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	sigaction(SIGUSR1, &act, NULL);
	for (i = 0; i < 10; i++)
		sum += i;
	raise(SIGUSR1);
	printf("handler ran for signal %d, locals intact: %ld\n", got, sum);

	sigaction(SIGUSR1, NULL, &old);
	printf("old action is our handler: %d\n", old.sa_handler == handler);

	signal(SIGTERM, SIG_IGN);
	raise(SIGTERM);
	printf("SIGTERM ignored, still running\n");

	got = 0;
	signal(SIGUSR2, handler);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &oldset);
	raise(SIGUSR2);
	printf("blocked: handler not run yet: %d\n", got == 0);
	printf("SIGUSR2 was not blocked before: %d\n", sigismember(&oldset, SIGUSR2) == 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked: handler ran for %d\n", got);

	memset(&act, 0, sizeof(act));
	act.sa_sigaction = info_handler;
	act.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &act, NULL);
	kill(getpid(), SIGUSR1);
	printf("SA_SIGINFO handler saw si_signo %d\n", info_signo);

	printf("sigaction(SIGKILL) refused: %d\n", sigaction(SIGKILL, &act, NULL) == -1);
	fflush(stdout);
	signal(SIGTERM, SIG_DFL);
	raise(SIGTERM);
	printf("not reached\n");
	return 0;
}
