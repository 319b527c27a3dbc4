/*
 * include/uapi/signal.h - signal numbers and the rt_sigaction(2) ABI,
 * shared by the kernel and libc.
 *
 * Linux's x86-64 values (arch/x86/include/uapi/asm/signal.h). The kernel
 * reads struct k_sigaction from rt_sigaction(); libc's sigaction() fills it
 * in. The kernel's signal mask is 64 bits, one per signal (bit N-1 for
 * signal N), and rt_sigaction/rt_sigprocmask take its size, 8, as their
 * last argument.
 */
#ifndef UAPI_SIGNAL_H
#define UAPI_SIGNAL_H

#include <stdint.h>

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGIOT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPOLL		SIGIO
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN_KERNEL 32 /* first real-time signal the kernel knows */
#define _NSIG		64 /* signals are numbered 1.._NSIG */

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000 /* sa_restorer is set: return through it */
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigaltstack(): stack_t.ss_flags */
#define SS_ONSTACK	1	   /* (read only) running on the alternate stack */
#define SS_DISABLE	2	   /* no alternate stack */
#define SS_AUTODISARM	(1U << 31) /* disarm it while a handler runs on it */
#define MINSIGSTKSZ	2048	   /* the smallest alternate stack */

/* rt_sigprocmask() "how" */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* special handler values */
#define SIG_DFL_VALUE	0UL  /* default action */
#define SIG_IGN_VALUE	1UL  /* ignore */
#define SIG_ERR_VALUE	~0UL /* sigaction()/signal() failed */

/*
 * What rt_sigaction() reads and writes. The order differs from the C
 * library's struct sigaction: the mask comes last. sa_restorer is the code
 * the handler returns to; it must call rt_sigreturn (x86-64 has no default
 * one in the kernel, so a C library always sets SA_RESTORER).
 */
struct k_sigaction {
	uint64_t sa_handler;  /* handler address, or SIG_DFL_VALUE/SIG_IGN_VALUE */
	uint64_t sa_flags;    /* SA_* */
	uint64_t sa_restorer; /* address of the rt_sigreturn trampoline */
	uint64_t sa_mask;     /* signals blocked while the handler runs */
};

/* Kernel-only names: the C library defines its own versions of these
 * in its headers (<signal.h>, <unistd.h>, <dirent.h>...). */
#ifdef __KERNEL__
#define SIGRTMIN 32
#define SIG_DFL	 0UL /* default action */
#define SIG_IGN	 1UL /* ignore */
#endif		     /* __KERNEL__ */

#endif /* UAPI_SIGNAL_H */
