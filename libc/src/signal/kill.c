/*
 * libc/src/signal/kill.c - sending signals: kill(), raise(), abort().
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "../internal/syscall.h"

/*
 * kill - send signal @sig to process @pid (0: this process group, -1:
 * every process we may signal). @sig 0 only checks that @pid exists.
 * Returns 0, or -1 with errno (ESRCH, EPERM, EINVAL).
 */
int
kill(pid_t pid, int sig)
{
	return __syscall_ret(__syscall2(__NR_kill, pid, sig));
}

/*
 * raise - send @sig to this process. glibc uses tgkill to pick the calling
 * thread; a Pagoda process has one thread, so kill(getpid()) is the same.
 */
int
raise(int sig)
{
	return kill(getpid(), sig);
}

/*
 * abort - end the process with SIGABRT, even if SIGABRT is caught or
 * blocked: first raise it as things stand (a handler may run); if the
 * process survives, unblock it, restore the default action and raise it
 * again. Streams are not flushed (glibc stopped flushing in 2.27).
 */
_Noreturn void
abort(void)
{
	struct sigaction act;
	sigset_t set;

	raise(SIGABRT);

	memset(&act, 0, sizeof(act));
	act.sa_handler = SIG_DFL;
	sigaction(SIGABRT, &act, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGABRT);

	/* still here: nothing else can be done */
	for (;;)
		_exit(127);
}
