/*
 * include/pagoda/wait.h - sleeping until something happens.
 *
 * A task that must wait (for input on the console, data in a pipe, a child
 * to exit) puts itself on a wait queue and sleeps; whoever makes the
 * condition true calls wake_up() on that queue. The pattern that avoids
 * missing a wake-up between testing the condition and sleeping is Linux's:
 *
 *	DEFINE_WAIT(wait);
 *	for (;;) {
 *		prepare_to_wait(&wq, &wait);	// state = sleeping, on the queue
 *		if (condition || signal_pending(current))
 *			break;
 *		schedule();			// a wake_up() in between just
 *	}					// makes this return at once
 *	finish_wait(&wq, &wait);
 *
 * wait_event_interruptible() wraps it. Sleeps are interruptible by
 * signals: the caller returns -EINTR (Linux: -ERESTARTSYS).
 *
 * Counterpart: Linux include/linux/wait.h, kernel/sched/wait.c.
 */
#ifndef PAGODA_WAIT_H
#define PAGODA_WAIT_H

#include <pagoda/list.h>

struct task_struct;

struct wait_queue_head {
	struct list_head head; /* of struct wait_queue_entry */
};

struct wait_queue_entry {
	struct task_struct *task; /* the sleeper */
	struct list_head entry;	  /* in wait_queue_head.head */
};

#define DEFINE_WAIT(name)                                                                          \
	struct wait_queue_entry name = { .task = current, .entry = LIST_HEAD_INIT((name).entry) }

static inline void
init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

/* Go to sleep on @wq (not yet: schedule() does that) unless woken first. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/* The same in @state: TASK_UNINTERRUPTIBLE for a wait no signal may end
 * (a lock). Linux's prepare_to_wait takes the state as its third argument. */
void prepare_to_wait_state(struct wait_queue_head *wq, struct wait_queue_entry *wait, long state);

/* Back to running, off the queue. */
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait);

/* wake_up - make every task sleeping on @wq runnable (in either sleeping
 * state). Safe in interrupts. */
void wake_up(struct wait_queue_head *wq);

/* True when a signal that would end the sleep is pending for the task. */
bool signal_pending(struct task_struct *task);

/* Run another task; returns when this one is chosen again (kernel/sched.c). */
void schedule(void);

/*
 * wait_event_interruptible - sleep until @cond is true: 0, or -ERESTARTSYS
 * if a signal arrived first (the system call then fails with EINTR, or
 * runs again after a handler with SA_RESTART: kernel/proc/signal.c).
 */
#define wait_event_interruptible(wq, cond)                                                         \
	({                                                                                         \
		int __ret = 0;                                                                     \
		DEFINE_WAIT(__wait);                                                               \
		for (;;) {                                                                         \
			prepare_to_wait(&(wq), &__wait);                                           \
			if (cond)                                                                  \
				break;                                                             \
			if (signal_pending(current)) {                                             \
				__ret = -ERESTARTSYS;                                              \
				break;                                                             \
			}                                                                          \
			schedule();                                                                \
		}                                                                                  \
		finish_wait(&(wq), &__wait);                                                       \
		__ret;                                                                             \
	})

#endif /* PAGODA_WAIT_H */
