/*
 * kernel/locking/spinlock.c - spinlocks for one CPU (include/pagoda/spinlock.h).
 *
 * Taking a spinlock records it with the checker (lockdep.c) and marks it
 * held. Nothing spins: with one CPU and no kernel preemption, a spinlock
 * found held means its holder is this very task (or an interrupt handler
 * interrupted it), which the checker reports as recursive locking.
 *
 * Counterpart: Linux kernel/locking/spinlock.c and spinlock_debug.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/spinlock.h>

#include <asm/processor.h>

void
__spin_lock_init(spinlock_t *lock, const char *name)
{
	*lock = (spinlock_t){ .dep_map = { .name = name, .wait_type = LD_WAIT_SPIN } };
}

/* do_raw_spin_lock - the lock itself, once the checker agreed (@ip: the caller). */
static void
do_raw_spin_lock(spinlock_t *lock, unsigned long ip)
{
	if (!lock_acquire(&lock->dep_map, false, ip))
		return; /* held by current already: reported */
	lock->locked = true;
	lock->owner = current;
}

static void
do_raw_spin_unlock(spinlock_t *lock, unsigned long ip)
{
	if (!lock_release(&lock->dep_map, ip))
		return; /* the release of a reported recursive spin_lock */
	lock->locked = false;
	lock->owner = NULL;
}

void
spin_lock(spinlock_t *lock)
{
	do_raw_spin_lock(lock, _RET_IP_);
}

void
spin_unlock(spinlock_t *lock)
{
	do_raw_spin_unlock(lock, _RET_IP_);
}

void
spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	do_raw_spin_lock(lock, _RET_IP_);
}

void
spin_unlock_irq(spinlock_t *lock)
{
	do_raw_spin_unlock(lock, _RET_IP_);
	local_irq_enable();
}

unsigned long
_raw_spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	do_raw_spin_lock(lock, _RET_IP_);
	return flags;
}

void
spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	do_raw_spin_unlock(lock, _RET_IP_);
	local_irq_restore(flags);
}

void
assert_spin_locked(const spinlock_t *lock)
{
	if (!lock->locked || lock->owner != current)
		panic("assert_spin_locked: %s is not held by %s/%d", lock->dep_map.name,
		      current->comm, current->pid);
}
