/*
 * include/pagoda/lockdep.h - the lock checker: which locks a task holds.
 *
 * Every lock (spinlock_t, struct mutex, struct rw_semaphore) carries a
 * lockdep_map naming it; taking it records a held_lock in the task's
 * held_locks[], releasing it removes the record. With that list the
 * checker reports, as Linux's lockdep does, the two mistakes one CPU can
 * make:
 *
 *   - a sleep with a spinlock held: might_sleep() (in every sleeping lock)
 *     prints "BUG: sleeping function called from invalid context", and
 *     schedule() prints "BUG: scheduling while atomic";
 *   - a lock taken again by the task that holds it, which would wait for
 *     itself for ever: "WARNING: possible recursive locking detected".
 *
 * Each report names the lock, where it was taken and the caller, then
 * prints a call trace. Pagoda then lets the task go on without taking the
 * lock a second time (Linux would hang there), so the report can be read
 * and the self-tests (kernel/locking/locking_selftest.c) can show that
 * each check fires. The checks are always on: on one CPU they cost a
 * short scan of a list that rarely holds more than two locks.
 *
 * Pagoda tracks lock instances; Linux's lockdep tracks classes (every
 * mm->mmap_lock is one class) and also finds lock-order inversions.
 *
 * Counterpart: Linux include/linux/lockdep.h, kernel/locking/lockdep.c.
 */
#ifndef PAGODA_LOCKDEP_H
#define PAGODA_LOCKDEP_H

#include <pagoda/types.h>

/* May the holder of a lock of this kind sleep? (Linux: lock_wait_type) */
enum lock_wait_type {
	LD_WAIT_SPIN,  /* a spinlock: its holder must not sleep */
	LD_WAIT_SLEEP, /* a mutex or rw_semaphore: a waiter sleeps */
};

/* lockdep_map - what the checker knows of one lock. */
struct lockdep_map {
	const char *name;	       /* as reports print it: "&mm->mmap_lock" */
	enum lock_wait_type wait_type; /* spinning or sleeping */
};

/* held_lock - one lock a task holds (task_struct.held_locks). */
struct held_lock {
	const struct lockdep_map *instance; /* the lock */
	unsigned long acquire_ip;	    /* the caller that took it */
	bool read;			    /* taken for reading (down_read) */
	bool recursive;			    /* taken again: reported, not really taken */
};

/* How many locks a task may hold at once (Linux: 48). */
#define MAX_LOCK_DEPTH 16

/* The address the current function returns to: its caller (Linux's _RET_IP_). */
#define _RET_IP_       ((unsigned long)__builtin_return_address(0))

/*
 * lock_acquire - record that current takes @map (for reading if @read),
 * called by the lock at @ip. Returns false, after a report, if current
 * holds it already: the caller must not really take it again.
 */
bool lock_acquire(struct lockdep_map *map, bool read, unsigned long ip);

/*
 * lock_release - remove current's latest record of @map. Returns false if
 * that record was a reported recursive one (nothing to unlock); a release
 * of a lock current does not hold is reported and returns true.
 */
bool lock_release(struct lockdep_map *map, unsigned long ip);

/* lock_is_held - does current hold @map? */
bool lock_is_held(const struct lockdep_map *map);

/*
 * __might_sleep - report a call of a function that may sleep (@file:@line)
 * while current holds a spinlock. might_sleep() at the top of every
 * sleeping lock and wait.
 */
void __might_sleep(const char *file, int line);
#define might_sleep() __might_sleep(__FILE__, __LINE__)

/* lockdep_sched_check - schedule()'s check: no spinlock held. */
void lockdep_sched_check(void);

/* lockdep_sys_exit - the check on the way to user mode: no lock held. */
void lockdep_sys_exit(void);

/* How many reports the checker has printed (the self-tests count them). */
extern unsigned long lockdep_reports;

#endif /* PAGODA_LOCKDEP_H */
