/*
 * tests/linux/signals.c - user signal handlers: sigaction, delivery with
 * siginfo, the mask while a handler runs, SA_RESETHAND, blocking and
 * pending signals, a SIGSEGV handler that sees the fault address, and the
 * interrupted code's registers (floating point included) intact after
 * the handler returns.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got, depth_blocked;
static volatile void *fault_addr;
static volatile double handler_math;

static void
on_usr1(int sig, siginfo_t *info, void *uc)
{
	sigset_t now;

	got = sig;
	sigprocmask(SIG_BLOCK, NULL, &now);
	depth_blocked = sigismember(&now, SIGUSR1); /* blocked while it runs */
	handler_math = 1.5 * sig;		    /* dirties the FPU */
	(void)info;
	(void)uc;
}

static void
on_segv(int sig, siginfo_t *info, void *uc)
{
	fault_addr = info->si_addr;
	_exit(info->si_signo == SIGSEGV ? 17 : 18);
}

static void
on_usr2(int sig)
{
	got = sig;
}

int
main(void)
{
	struct sigaction sa;
	sigset_t set;
	volatile double x = 3.25;
	int status;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	printf("handler ran: %d, its signal was blocked inside: %d\n", got == SIGUSR1,
	       depth_blocked);
	printf("floating point survives the handler: %d\n", x * 2 == 6.5);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	got = 0;
	raise(SIGUSR1);
	printf("blocked: delivered %d\n", got != 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked: delivered %d\n", got == SIGUSR1);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGUSR2, &sa, NULL);
	got = 0;
	raise(SIGUSR2);
	printf("SA_RESETHAND first time: %d\n", got == SIGUSR2);
	if (fork() == 0) {
		raise(SIGUSR2); /* now the default action: terminate */
		_exit(0);
	}
	wait(&status);
	printf("second time: killed by %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);

	if (fork() == 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_segv;
		sa.sa_flags = SA_SIGINFO;
		sigaction(SIGSEGV, &sa, NULL);
		*(volatile int *)0x1234 = 1;
		_exit(1);
	}
	wait(&status);
	printf("SIGSEGV handler exited %d\n", WEXITSTATUS(status));

	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	printf("ignored signal: still here\n");
	return 0;
}
