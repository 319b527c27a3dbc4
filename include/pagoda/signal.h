/*
 * include/pagoda/signal.h - sending and delivering signals.
 *
 * A pending signal is acted on before the task returns to user mode:
 * its default action (most terminate the process, some are ignored), or
 * SIG_IGN, or the user's handler, run on a frame the kernel pushes on the
 * user stack (arch/x86_64/signal.c; docs/processes.md).
 *
 * Counterpart: Linux kernel/signal.c.
 */
#ifndef PAGODA_SIGNAL_H
#define PAGODA_SIGNAL_H

#include <pagoda/sched.h>

#include <uapi/signal.h>

/* send_signal - mark @sig (1-64) pending for @task and wake it if asleep. */
void send_signal(struct task_struct *task, int sig);

/* force_sig - @sig for the current task from an exception: it cannot be
 * ignored or blocked (a fault would otherwise repeat forever). */
void force_sig(int sig);

/* do_signal - act on the current task's pending signals, before it
 * returns to user mode; may not return (the task exits). */
void do_signal(struct pt_regs *regs);

/*
 * on_sig_stack - is user stack pointer @sp on the current task's
 * alternate signal stack (sigaltstack)? Never while it is disarmed for
 * the handler running on it (SS_AUTODISARM).
 */
static inline bool
on_sig_stack(unsigned long sp)
{
	if (current->sas_ss_flags & SS_AUTODISARM)
		return false;
	return sp > current->sas_ss_sp && sp - current->sas_ss_sp <= current->sas_ss_size;
}

/* sas_ss_flags - stack_t.ss_flags for a task at @sp: SS_DISABLE, SS_ONSTACK or 0. */
static inline int
sas_ss_flags(unsigned long sp)
{
	if (!current->sas_ss_size)
		return SS_DISABLE;
	return on_sig_stack(sp) ? SS_ONSTACK : 0;
}

/* The mask a handler's frame saves, for rt_sigreturn to restore: the one
 * rt_sigsuspend replaced for its sleep, or the current one. */
static inline uint64_t
sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask : current->blocked;
}

/* set_restore_sigmask - block @mask until the next signal's handler has
 * run (rt_sigsuspend, ppoll, pselect6): the frame saves the old mask for
 * rt_sigreturn, or do_signal puts it back if no handler runs. */
void set_restore_sigmask(uint64_t mask);

/* The user's stack_t (x86-64 layout). */
struct user_stack {
	uint64_t ss_sp;
	int32_t ss_flags;
	int32_t ss_pad;
	uint64_t ss_size;
};

/*
 * do_sigaltstack - sigaltstack(2) for a task whose user stack pointer is
 * @sp: report the alternate stack in *@old (if not NULL), then set it
 * from *@new (if not NULL). Linux's checks and order: EPERM while on it,
 * EINVAL for unknown flags, ENOMEM below MINSIGSTKSZ.
 */
int do_sigaltstack(const struct user_stack *new, struct user_stack *old, unsigned long sp);

#endif /* PAGODA_SIGNAL_H */
