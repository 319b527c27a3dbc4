/*
 * libc/include/ucontext.h - what the third argument of a SA_SIGINFO
 * handler points to: the interrupted registers, stack and signal mask,
 * in the layout of the kernel's signal frame (kernel/arch/x86_64/signal.c)
 * and of glibc's ucontext_t. Only the types: no getcontext/setcontext.
 */
#ifndef _UCONTEXT_H
#define _UCONTEXT_H

#include <signal.h>

/* The saved general registers, in the order of gregs[]. */
enum {
	REG_R8,
	REG_R9,
	REG_R10,
	REG_R11,
	REG_R12,
	REG_R13,
	REG_R14,
	REG_R15,
	REG_RDI,
	REG_RSI,
	REG_RBP,
	REG_RBX,
	REG_RDX,
	REG_RAX,
	REG_RCX,
	REG_RSP,
	REG_RIP,
	REG_EFL,
	REG_CSGSFS,
	REG_ERR,
	REG_TRAPNO,
	REG_OLDMASK,
	REG_CR2,
	NGREG
};

typedef long long greg_t;
typedef greg_t gregset_t[NGREG];

typedef struct {
	gregset_t gregs;
	void *fpregs; /* the saved FPU/SSE state (fxsave layout) */
	unsigned long long __reserved1[8];
} mcontext_t;

typedef struct ucontext_t {
	unsigned long uc_flags;
	struct ucontext_t *uc_link;
	stack_t uc_stack;	/* the alternate stack when the signal came */
	mcontext_t uc_mcontext; /* the interrupted registers */
	sigset_t uc_sigmask;	/* the mask rt_sigreturn restores (64 bits used) */
} ucontext_t;

#endif /* _UCONTEXT_H */
