/*
 * kernel/locking/rwsem.c - reader-writer semaphores (include/pagoda/rwsem.h).
 *
 * sem->count is the number of readers holding it, or RWSEM_WRITER_LOCKED
 * while a writer does. A task that cannot take it sleeps on the wait list
 * (TASK_UNINTERRUPTIBLE: a signal does not end the wait) and tries again
 * when woken; the last holder out wakes every sleeper. A reader also
 * waits while a writer is asleep waiting, so readers arriving one after
 * another cannot keep a writer out for ever.
 *
 * Counterpart: Linux kernel/locking/rwsem.c (a queue of waiters with
 * hand-off, and optimistic spinning on several CPUs).
 */
#include <pagoda/kernel.h>
#include <pagoda/rwsem.h>
#include <pagoda/sched.h>

void
__init_rwsem(struct rw_semaphore *sem, const char *name)
{
	sem->count = 0;
	sem->owner = NULL;
	sem->writers_waiting = 0;
	init_waitqueue_head(&sem->wait_list);
	sem->dep_map = (struct lockdep_map){ .name = name, .wait_type = LD_WAIT_SLEEP };
}

/* rwsem_read_trylock - take @sem for reading if no writer has or wants it. */
static bool
rwsem_read_trylock(struct rw_semaphore *sem)
{
	if (sem->count < 0 || sem->writers_waiting)
		return false;
	sem->count++;
	return true;
}

/* rwsem_wait - sleep on @sem's wait list until @trylock(@sem) takes it. */
static void
rwsem_wait(struct rw_semaphore *sem, bool (*trylock)(struct rw_semaphore *))
{
	DEFINE_WAIT(wait);

	for (;;) {
		prepare_to_wait_state(&sem->wait_list, &wait, TASK_UNINTERRUPTIBLE);
		if (trylock(sem))
			break;
		schedule();
	}
	finish_wait(&sem->wait_list, &wait);
}

void
down_read(struct rw_semaphore *sem)
{
	might_sleep();
	if (!lock_acquire(&sem->dep_map, true, _RET_IP_))
		return; /* current holds it already: reported */
	if (!rwsem_read_trylock(sem))
		rwsem_wait(sem, rwsem_read_trylock);
}

void
up_read(struct rw_semaphore *sem)
{
	if (!lock_release(&sem->dep_map, _RET_IP_))
		return;
	if (sem->count <= 0)
		panic("up_read: %s is not held for reading", sem->dep_map.name);
	if (--sem->count == 0)
		wake_up(&sem->wait_list);
}

/* rwsem_write_trylock - take @sem for writing if nobody holds it. */
static bool
rwsem_write_trylock(struct rw_semaphore *sem)
{
	if (sem->count != 0)
		return false;
	sem->count = RWSEM_WRITER_LOCKED;
	sem->owner = current;
	return true;
}

void
down_write(struct rw_semaphore *sem)
{
	might_sleep();
	if (!lock_acquire(&sem->dep_map, false, _RET_IP_))
		return; /* current holds it already: reported */
	if (rwsem_write_trylock(sem))
		return;
	/* Readers arriving from now on wait behind this writer. */
	sem->writers_waiting++;
	rwsem_wait(sem, rwsem_write_trylock);
	sem->writers_waiting--;
}

void
up_write(struct rw_semaphore *sem)
{
	if (!lock_release(&sem->dep_map, _RET_IP_))
		return;
	if (sem->owner != current)
		panic("up_write: %s is not held for writing by %s/%d", sem->dep_map.name,
		      current->comm, current->pid);
	sem->count = 0;
	sem->owner = NULL;
	wake_up(&sem->wait_list);
}

void
rwsem_assert_held(const struct rw_semaphore *sem)
{
	if (!lock_is_held(&sem->dep_map))
		panic("rwsem_assert_held: %s is not held by %s/%d", sem->dep_map.name,
		      current->comm, current->pid);
}

void
rwsem_assert_held_write(const struct rw_semaphore *sem)
{
	if (sem->owner != current)
		panic("rwsem_assert_held_write: %s is not held for writing by %s/%d",
		      sem->dep_map.name, current->comm, current->pid);
}
