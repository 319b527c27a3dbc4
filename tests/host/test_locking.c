/*
 * tests/host/test_locking.c - the lock checker (kernel/locking/lockdep.c)
 * and the one-CPU locks, on the host: each mistake prints its report once
 * (Linux's first line, the lock's name) and leaves the lock balanced;
 * correct use prints nothing. The in-kernel self-tests
 * (kernel/locking/locking_selftest.c) add the sleeping waiters and the
 * call traces.
 */
#include <string.h>

#include <pagoda/lockdep.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/mutex.h>
#include <pagoda/rwsem.h>
#include <pagoda/sched.h>
#include <pagoda/spinlock.h>

#include "host_mm.h"
#include "host_test.h"

static DEFINE_SPINLOCK(lock_a);
static DEFINE_MUTEX(mutex_a);
static DECLARE_RWSEM(sem_a);

static int
setup(void **state)
{
	host_mm_up(0x100000);
	host_log_clear();
	return 0;
}

static int
teardown(void **state)
{
	assert_int_equal(current->lockdep_depth, 0);
	host_mm_down();
	return 0;
}

/* One more report, whose text has @first_line and names @lock. */
static void
expect_report(unsigned long before, const char *first_line, const char *lock)
{
	assert_int_equal(lockdep_reports, before + 1);
	assert_non_null(strstr(host_log(), first_line));
	assert_non_null(strstr(host_log(), lock));
	host_log_clear();
}

static void
test_correct_use_is_silent(void **state)
{
	unsigned long before = lockdep_reports;

	spin_lock(&lock_a);
	assert_true(spin_is_locked(&lock_a) && lock_is_held(&lock_a.dep_map));
	spin_unlock(&lock_a);
	mutex_lock(&mutex_a);
	down_read(&sem_a);
	down_read(&current->mm->mmap_lock); /* another rwsem: fine */
	assert_int_equal(current->lockdep_depth, 3);
	up_read(&current->mm->mmap_lock);
	up_read(&sem_a);
	mutex_unlock(&mutex_a);
	down_write(&sem_a);
	assert_int_equal(sem_a.count, RWSEM_WRITER_LOCKED);
	up_write(&sem_a);
	assert_false(rwsem_is_locked(&sem_a) || mutex_is_locked(&mutex_a));
	assert_int_equal(lockdep_reports, before);
	assert_string_equal(host_log(), "");
}

static void
test_recursive_locking(void **state)
{
	unsigned long before = lockdep_reports;

	spin_lock(&lock_a);
	spin_lock(&lock_a);
	expect_report(before, "WARNING: possible recursive locking detected", "(lock_a)");
	spin_unlock(&lock_a);
	assert_true(spin_is_locked(&lock_a));
	spin_unlock(&lock_a);
	assert_false(spin_is_locked(&lock_a));

	mmap_write_lock(current->mm);
	mmap_read_lock(current->mm); /* a fault on user memory under mmap_lock */
	expect_report(before + 1, "possible recursive locking", "(&mm->mmap_lock){read}");
	mmap_read_unlock(current->mm);
	mmap_assert_write_locked(current->mm);
	mmap_write_unlock(current->mm);
	assert_false(rwsem_is_locked(&current->mm->mmap_lock));

	mutex_lock(&mutex_a);
	mutex_lock(&mutex_a);
	expect_report(before + 2, "possible recursive locking", "(mutex_a)");
	mutex_unlock(&mutex_a);
	mutex_unlock(&mutex_a);
	assert_false(mutex_is_locked(&mutex_a));
}

static void
test_sleep_with_spinlock_held(void **state)
{
	unsigned long before = lockdep_reports;

	spin_lock(&current->mm->page_table_lock);
	mmap_read_lock(current->mm);
	expect_report(before, "BUG: sleeping function called from invalid context",
		      "page_table_lock)");
	mmap_read_unlock(current->mm);
	lockdep_sched_check();
	expect_report(before + 1, "BUG: scheduling while atomic", "page_table_lock)");
	spin_unlock(&current->mm->page_table_lock);
	lockdep_sched_check(); /* nothing held now */
	assert_int_equal(lockdep_reports, before + 2);
}

static void
test_bad_unlock_and_asserts(void **state)
{
	unsigned long before = lockdep_reports;

	/* Never taken: reported, then the rwsem itself objects. */
	expect_assert_failure(up_read(&sem_a));
	assert_non_null(strstr(host_log(), "WARNING: bad unlock balance detected!"));
	assert_non_null(strstr(host_last_panic(), "up_read: sem_a is not held for reading"));
	assert_int_equal(lockdep_reports, before + 1);
	expect_assert_failure(mmap_assert_write_locked(current->mm));
	assert_non_null(strstr(host_last_panic(), "&mm->mmap_lock is not held for writing"));
	expect_assert_failure(mmap_assert_locked(current->mm));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_correct_use_is_silent),
		T(test_recursive_locking),
		T(test_sleep_with_spinlock_held),
		T(test_bad_unlock_and_asserts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
