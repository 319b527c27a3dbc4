/*
 * libc/src/signal/sigaction.c - installing signal handlers and the signal
 * mask: sigaction(), signal(), sigprocmask(), sigaltstack(), and the
 * sigset_t functions.
 *
 * sigaction() translates the C library's struct sigaction into the
 * kernel's struct k_sigaction (<uapi/signal.h>) for rt_sigaction(2): the
 * mask moves to the end and shrinks to the kernel's 64 bits, and the
 * handler gets a way back. On x86-64 the kernel has no default return
 * path from a handler, so libc always sets SA_RESTORER with __restore_rt
 * (libc/arch/x86_64/syscall_arch.h), which calls rt_sigreturn.
 */
#include <signal.h>
#include <string.h>
#include <errno.h>
#include "../internal/syscall.h"

/*
 * sigaction - set the action for signal @sig to *@act (if not NULL) and
 * store the previous one in *@oldact (if not NULL).
 * Returns 0, or -1 with errno EINVAL (bad signal, SIGKILL, SIGSTOP).
 */
int
sigaction(int sig, const struct sigaction *act, struct sigaction *oldact)
{
	struct k_sigaction kact, kold;
	long ret;

	if (act) {
		kact.sa_handler = (uint64_t)act->sa_handler;
		kact.sa_flags = (unsigned int)act->sa_flags | SA_RESTORER;
		kact.sa_restorer = (uint64_t)__restore_rt;
		kact.sa_mask = act->sa_mask.__bits[0];
	}
	ret = __syscall4(__NR_rt_sigaction, sig, act ? (long)&kact : 0, oldact ? (long)&kold : 0,
			 KERNEL_SIGSET_SIZE);
	if (ret == 0 && oldact) {
		memset(oldact, 0, sizeof(*oldact));
		oldact->sa_handler = (sighandler_t)kold.sa_handler;
		oldact->sa_flags = kold.sa_flags;
		oldact->sa_restorer = (void (*)(void))kold.sa_restorer;
		oldact->sa_mask.__bits[0] = kold.sa_mask;
	}
	return __syscall_ret(ret);
}

/* sigaltstack - set and/or get the alternate stack handlers run on with SA_ONSTACK. */
int
sigaltstack(const stack_t *ss, stack_t *old_ss)
{
	return __syscall_ret(__syscall2(__NR_sigaltstack, (long)ss, (long)old_ss));
}

/*
 * signal - set the handler of @sig to @handler with BSD semantics (the
 * handler stays installed, interrupted calls restart), as glibc's does.
 * Returns the previous handler, or SIG_ERR with errno.
 */
sighandler_t
signal(int sig, sighandler_t handler)
{
	struct sigaction act, old;

	memset(&act, 0, sizeof(act));
	act.sa_handler = handler;
	act.sa_flags = SA_RESTART;
	sigaddset(&act.sa_mask, sig);
	if (sigaction(sig, &act, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

/*
 * sigprocmask - change the blocked signals: block the ones in *@set
 * (SIG_BLOCK), unblock them (SIG_UNBLOCK) or make *@set the mask
 * (SIG_SETMASK); store the old mask in *@oldset if not NULL.
 */
int
sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
	return __syscall_ret(
		__syscall4(__NR_rt_sigprocmask, how, (long)set, (long)oldset, KERNEL_SIGSET_SIZE));
}

/* is @sig outside 1.._NSIG? Then set errno to EINVAL */
static inline int
sigset_bad(int sig)
{
	if (sig < 1 || sig > _NSIG) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

/* the bit and the word of a sigset_t that stand for @sig (bit sig-1) */
static inline unsigned long
sigset_bit(int sig)
{
	return 1UL << ((sig - 1) % (8 * sizeof(unsigned long)));
}

static inline int
sigset_word(int sig)
{
	return (sig - 1) / (8 * sizeof(unsigned long));
}

/*
 * The sigset_t functions: empty, full, add, delete, test. They return 0 (or
 * the membership, 0 or 1), or -1 with EINVAL for a bad signal number.
 */
int
sigemptyset(sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	return 0;
}

int
sigfillset(sigset_t *set)
{
	memset(set, 0xff, sizeof(*set));
	return 0;
}

int
sigaddset(sigset_t *set, int sig)
{
	if (sigset_bad(sig))
		return -1;
	set->__bits[sigset_word(sig)] |= sigset_bit(sig);
	return 0;
}

int
sigdelset(sigset_t *set, int sig)
{
	if (sigset_bad(sig))
		return -1;
	set->__bits[sigset_word(sig)] &= ~sigset_bit(sig);
	return 0;
}

int
sigismember(const sigset_t *set, int sig)
{
	if (sigset_bad(sig))
		return -1;
	return (set->__bits[sigset_word(sig)] & sigset_bit(sig)) != 0;
}
