/*
 * include/pagoda/signal.h - sending and delivering signals.
 *
 * Pagoda delivers signals with their default actions: most terminate the
 * process (SIGSEGV, SIGILL, SIGFPE, SIGBUS, SIGABRT, SIGKILL, SIGTERM,
 * SIGPIPE, ...), some are ignored (SIGCHLD, SIGURG, SIGWINCH, SIGCONT).
 * rt_sigaction and rt_sigprocmask record handlers and masks as Linux does,
 * and SIG_IGN and blocking work; a user handler is not run yet: a signal
 * whose action is a handler gets its default action (docs/processes.md).
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

#endif /* PAGODA_SIGNAL_H */
