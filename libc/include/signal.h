/*
 * libc/include/signal.h - signals: sigaction(), signal(), kill(), raise(),
 * the signal sets, sigaltstack().
 *
 * The C library's struct sigaction differs from what the kernel reads
 * (struct k_sigaction in <uapi/signal.h>); sigaction() translates. Like
 * glibc's, sigset_t holds 1024 bits, of which the kernel uses 64.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <uapi/signal.h>

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)SIG_DFL_VALUE)
#define SIG_IGN ((sighandler_t)SIG_IGN_VALUE)
#define SIG_ERR ((sighandler_t)SIG_ERR_VALUE)

#define NSIG	_NSIG

typedef struct {
	unsigned long __bits[1024 / (8 * sizeof(unsigned long))]; /* bit N-1: signal N */
} sigset_t;

typedef int sig_atomic_t;

/* what a SA_SIGINFO handler is told (the first fields of Linux's siginfo) */
typedef struct {
	int si_signo; /* the signal */
	int si_errno; /* an errno value, mostly 0 */
	int si_code;  /* why it was sent */
	int __pad0;
	__extension__ union {
		int __pad[28];
		__extension__ struct {
			pid_t si_pid; /* sender's pid (kill) */
			uid_t si_uid; /* sender's user id */
		};
		void *si_addr; /* faulting address (SIGSEGV, SIGBUS) */
	};
} siginfo_t;

struct sigaction {
	__extension__ union {
		sighandler_t sa_handler;			/* plain handler */
		void (*sa_sigaction)(int, siginfo_t *, void *); /* with SA_SIGINFO */
	};
	sigset_t sa_mask;	   /* blocked while the handler runs */
	int sa_flags;		   /* SA_* */
	void (*sa_restorer)(void); /* filled in by sigaction() */
};

/* an alternate signal stack (sigaltstack); SS_* and MINSIGSTKSZ: <uapi/signal.h> */
typedef struct {
	void *ss_sp;	/* its lowest address */
	int ss_flags;	/* SS_ONSTACK, SS_DISABLE, SS_AUTODISARM */
	size_t ss_size; /* its size in bytes */
} stack_t;

#define SIGSTKSZ 8192 /* a comfortable size for one */

int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int sigaltstack(const stack_t *ss, stack_t *old_ss);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigsuspend(const sigset_t *mask);
int sigpending(sigset_t *set);
int kill(pid_t pid, int sig);
int raise(int sig);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

#endif /* _SIGNAL_H */
