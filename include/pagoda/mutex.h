/*
 * include/pagoda/mutex.h - sleeping locks with one owner.
 *
 * A mutex protects a section that may sleep (a page read from disk, a copy
 * from user memory). A task that finds it taken sleeps until the owner
 * unlocks it; only the owner may unlock. mutex_lock() may sleep, so a
 * task holding a spinlock must not call it (lockdep.h reports that).
 *
 * Counterpart: Linux include/linux/mutex.h, kernel/locking/mutex.c.
 */
#ifndef PAGODA_MUTEX_H
#define PAGODA_MUTEX_H

#include <pagoda/lockdep.h>
#include <pagoda/wait.h>

struct task_struct;

struct mutex {
	struct task_struct *owner;	  /* the holder, or NULL when free */
	struct wait_queue_head wait_list; /* tasks sleeping until it is free */
	struct lockdep_map dep_map;	  /* its name, for the checker */
};

#define __MUTEX_INITIALIZER(lockname)                                                              \
	{                                                                                          \
		.wait_list = { LIST_HEAD_INIT((lockname).wait_list.head) }, .dep_map = {           \
			.name = #lockname,                                                         \
			.wait_type = LD_WAIT_SLEEP                                                 \
		}                                                                                  \
	}
#define DEFINE_MUTEX(x) struct mutex x = __MUTEX_INITIALIZER(x)

/* __mutex_init - an unlocked mutex called @name in reports. */
void __mutex_init(struct mutex *lock, const char *name);
#define mutex_init(lock) __mutex_init(lock, #lock)

/* mutex_lock - take @lock, sleeping while another task holds it. */
void mutex_lock(struct mutex *lock);

/* mutex_unlock - release @lock (current must hold it) and wake a waiter. */
void mutex_unlock(struct mutex *lock);

static inline bool
mutex_is_locked(const struct mutex *lock)
{
	return lock->owner != NULL;
}

#endif /* PAGODA_MUTEX_H */
