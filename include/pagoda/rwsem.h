/*
 * include/pagoda/rwsem.h - reader-writer semaphores: many readers or one
 * writer, and waiters sleep.
 *
 * mm->mmap_lock is one: page faults read the VMA list (down_read), and
 * brk, mmap, munmap, mprotect, mremap change it (down_write). A reader
 * waits while a writer holds the lock or waits for it (so a stream of
 * readers cannot starve a writer); a writer waits until nobody holds it.
 * Waiters sleep (TASK_UNINTERRUPTIBLE) and the last holder out wakes them.
 * On one CPU without kernel preemption a holder only loses the CPU when it
 * sleeps, so a waiter appears only then: with the sleeping I/O of the
 * next issues.
 *
 * Counterpart: Linux include/linux/rwsem.h, kernel/locking/rwsem.c.
 */
#ifndef PAGODA_RWSEM_H
#define PAGODA_RWSEM_H

#include <pagoda/lockdep.h>
#include <pagoda/wait.h>

struct task_struct;

struct rw_semaphore {
	long count;			  /* readers holding it; -1: a writer does */
	struct task_struct *owner;	  /* the writer, or NULL */
	int writers_waiting;		  /* writers asleep in down_write */
	struct wait_queue_head wait_list; /* tasks sleeping until it is free */
	struct lockdep_map dep_map;	  /* its name, for the checker */
};

#define RWSEM_WRITER_LOCKED (-1L) /* count while a writer holds it */

#define __RWSEM_INITIALIZER(lockname)                                                              \
	{                                                                                          \
		.wait_list = { LIST_HEAD_INIT((lockname).wait_list.head) }, .dep_map = {           \
			.name = #lockname,                                                         \
			.wait_type = LD_WAIT_SLEEP                                                 \
		}                                                                                  \
	}
#define DECLARE_RWSEM(lockname) struct rw_semaphore lockname = __RWSEM_INITIALIZER(lockname)

/* __init_rwsem - an unlocked rw_semaphore called @name in reports. */
void __init_rwsem(struct rw_semaphore *sem, const char *name);
#define init_rwsem(sem) __init_rwsem(sem, #sem)

/* down_read - take @sem for reading; sleeps while a writer has or wants it. */
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);

/* down_write - take @sem alone; sleeps while anyone holds it. */
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);

static inline bool
rwsem_is_locked(const struct rw_semaphore *sem)
{
	return sem->count != 0;
}

/* rwsem_assert_held / rwsem_assert_held_write - BUG unless current holds
 * @sem (for writing). */
void rwsem_assert_held(const struct rw_semaphore *sem);
void rwsem_assert_held_write(const struct rw_semaphore *sem);

#endif /* PAGODA_RWSEM_H */
