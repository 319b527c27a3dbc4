/*
 * kernel/locking/mutex.c - sleeping locks with one owner (include/pagoda/mutex.h).
 *
 * mutex_lock() sleeps on the mutex's wait list while another task owns
 * it; mutex_unlock() clears the owner and wakes the sleepers, and the
 * first to run takes it (the others find it taken and sleep again).
 *
 * Counterpart: Linux kernel/locking/mutex.c (which spins a while before
 * sleeping, and hands the lock to the first waiter).
 */
#include <pagoda/kernel.h>
#include <pagoda/mutex.h>
#include <pagoda/sched.h>

void
__mutex_init(struct mutex *lock, const char *name)
{
	lock->owner = NULL;
	init_waitqueue_head(&lock->wait_list);
	lock->dep_map = (struct lockdep_map){ .name = name, .wait_type = LD_WAIT_SLEEP };
}

void
mutex_lock(struct mutex *lock)
{
	DEFINE_WAIT(wait);

	might_sleep();
	if (!lock_acquire(&lock->dep_map, false, _RET_IP_))
		return; /* current owns it already: reported, and it would wait for itself */
	while (lock->owner) {
		prepare_to_wait_state(&lock->wait_list, &wait, TASK_UNINTERRUPTIBLE);
		if (lock->owner)
			schedule();
		finish_wait(&lock->wait_list, &wait);
	}
	lock->owner = current;
}

void
mutex_unlock(struct mutex *lock)
{
	if (!lock_release(&lock->dep_map, _RET_IP_))
		return; /* the unlock of a reported recursive mutex_lock */
	if (lock->owner != current)
		panic("mutex_unlock: %s is not owned by %s/%d", lock->dep_map.name, current->comm,
		      current->pid);
	lock->owner = NULL;
	wake_up(&lock->wait_list);
}
