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

#endif /* PAGODA_SIGNAL_H */
