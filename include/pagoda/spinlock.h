/*
 * include/pagoda/spinlock.h - spinlocks: short critical sections that
 * must not sleep.
 *
 * On several CPUs a spinlock is a word that a second CPU spins on until
 * the holder clears it. Pagoda has one CPU and no kernel preemption, so
 * nothing can take a spinlock between spin_lock() and spin_unlock()
 * except an interrupt handler on the same CPU: the _irqsave and _irq
 * forms keep those out by disabling interrupts. What the lock still does
 * here is name the critical section and let the checker (lockdep.h)
 * report a sleep inside it and a second spin_lock() by its holder; the
 * next issues (several CPUs) make it spin.
 *
 * Counterpart: Linux include/linux/spinlock.h (and spinlock_up.h, the
 * one-CPU build with CONFIG_DEBUG_SPINLOCK).
 */
#ifndef PAGODA_SPINLOCK_H
#define PAGODA_SPINLOCK_H

#include <pagoda/lockdep.h>
#include <pagoda/types.h>

struct task_struct;

typedef struct spinlock {
	bool locked;		    /* held */
	struct task_struct *owner;  /* the holder, for assert_spin_locked */
	struct lockdep_map dep_map; /* its name, for the checker */
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(lockname)                                                             \
	{                                                                                          \
		.dep_map = {.name = #lockname, .wait_type = LD_WAIT_SPIN }                         \
	}
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

/* __spin_lock_init - an unlocked spinlock called @name in reports. */
void __spin_lock_init(spinlock_t *lock, const char *name);
#define spin_lock_init(lock) __spin_lock_init(lock, #lock)

/* spin_lock - take @lock; the holder must not sleep until spin_unlock. */
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);

/* spin_lock_irq - the same with interrupts disabled (they were enabled). */
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);

/* _raw_spin_lock_irqsave - disable interrupts, take @lock; the old state. */
unsigned long _raw_spin_lock_irqsave(spinlock_t *lock);
void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags);

/* spin_lock_irqsave - Linux's form: @flags receives the interrupt state. */
#define spin_lock_irqsave(lock, flags) ((flags) = _raw_spin_lock_irqsave(lock))

/* spin_is_locked - is @lock held (by anyone)? */
static inline bool
spin_is_locked(const spinlock_t *lock)
{
	return lock->locked;
}

/* assert_spin_locked - BUG unless current holds @lock. */
void assert_spin_locked(const spinlock_t *lock);

#endif /* PAGODA_SPINLOCK_H */
