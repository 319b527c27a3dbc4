/*
 * kernel/locking/locking_selftest.c - self-tests of the locks, the lock
 * checker, the page lock and the TLB flushes (`selftest` on the kernel
 * command line; include/pagoda/selftest.h).
 *
 * The checker's tests make each mistake on purpose, so the boot log shows
 * each report once, announced by a "selftest: expect ..." line; the test
 * counts the reports (lockdep_reports) and checks the lock is sane after.
 * The sleeping tests start a kernel thread that blocks on a lock this
 * task holds, and check that it sleeps (TASK_UNINTERRUPTIBLE) until the
 * lock is released.
 *
 * Counterpart: Linux lib/locking-selftest.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/mutex.h>
#include <pagoda/pagemap.h>
#include <pagoda/printk.h>
#include <pagoda/rwsem.h>
#include <pagoda/sched.h>
#include <pagoda/selftest.h>
#include <pagoda/spinlock.h>
#include <pagoda/uaccess.h>

#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

static DEFINE_SPINLOCK(test_spinlock);
static DEFINE_MUTEX(test_mutex);
static DECLARE_RWSEM(test_rwsem);

/* Each mistake below must print exactly one report. */
#define EXPECT_REPORT(what, stmt)                                                                  \
	do {                                                                                       \
		unsigned long __before = lockdep_reports;                                          \
		pr_notice("selftest: expect a report: %s\n", what);                                \
		stmt;                                                                              \
		SELFTEST_CHECK(lockdep_reports == __before + 1);                                   \
	} while (0)

/* Recursive locking of each kind is reported, and both unlocks balance. */
static bool
lockdep_recursion(void)
{
	EXPECT_REPORT("spinlock taken twice", spin_lock(&test_spinlock); spin_lock(&test_spinlock));
	spin_unlock(&test_spinlock);
	SELFTEST_CHECK(spin_is_locked(&test_spinlock)); /* the first one still holds */
	spin_unlock(&test_spinlock);
	SELFTEST_CHECK(!spin_is_locked(&test_spinlock));

	EXPECT_REPORT("mutex taken twice", mutex_lock(&test_mutex); mutex_lock(&test_mutex));
	mutex_unlock(&test_mutex);
	mutex_unlock(&test_mutex);
	SELFTEST_CHECK(!mutex_is_locked(&test_mutex));

	EXPECT_REPORT("rwsem read inside write", down_write(&test_rwsem); down_read(&test_rwsem));
	up_read(&test_rwsem);
	SELFTEST_CHECK(test_rwsem.count == RWSEM_WRITER_LOCKED);
	up_write(&test_rwsem);
	SELFTEST_CHECK(!rwsem_is_locked(&test_rwsem));
	return true;
}

/* A sleeping lock or schedule() with a spinlock held is reported. */
static bool
lockdep_sleep_in_atomic(void)
{
	unsigned long flags;

	spin_lock(&test_spinlock);
	EXPECT_REPORT("mutex_lock under a spinlock", mutex_lock(&test_mutex));
	mutex_unlock(&test_mutex);
	EXPECT_REPORT("down_read under a spinlock", down_read(&test_rwsem));
	up_read(&test_rwsem);
	EXPECT_REPORT("schedule under a spinlock", schedule());
	spin_unlock(&test_spinlock);

	/* Correct use reports nothing; irqsave puts the interrupt flag back. */
	unsigned long before = lockdep_reports;

	spin_lock_irqsave(&test_spinlock, flags);
	SELFTEST_CHECK(irqs_disabled() && lock_is_held(&test_spinlock.dep_map));
	spin_unlock_irqrestore(&test_spinlock, flags);
	SELFTEST_CHECK(!irqs_disabled());
	mutex_lock(&test_mutex);
	down_read(&test_rwsem);
	spin_lock_irq(&test_spinlock);
	spin_unlock_irq(&test_spinlock);
	up_read(&test_rwsem);
	mutex_unlock(&test_mutex);
	SELFTEST_CHECK(lockdep_reports == before && current->lockdep_depth == 0);
	return true;
}

bool
selftest_lockdep(void)
{
	return lockdep_recursion() && lockdep_sleep_in_atomic();
}

/* ---- sleeping waiters ---- */

static struct page *test_page;
static volatile int waiter_stage; /* 1: blocked on the lock; 2: got it; 3: released it */

static void
waiter_thread(void *lock_kind)
{
	waiter_stage = 1;
	if (lock_kind == (void *)1) {
		down_read(&test_rwsem);
		waiter_stage = 2;
		up_read(&test_rwsem);
	} else {
		lock_page(test_page);
		waiter_stage = 2;
		unlock_page(test_page);
	}
	waiter_stage = 3;
	/* Park for good: the first thread is pid 1, and its exit would end the
	 * boot as init's does. The self-tests power the machine off. */
	for (;;) {
		current->__state = TASK_UNINTERRUPTIBLE;
		schedule();
	}
}

/*
 * sleeping_waiter - with the lock of @kind held by this task, a kernel
 * thread that wants it must sleep uninterruptibly and get it only after
 * @release; true if it did.
 */
static bool
sleeping_waiter(int kind, void (*release)(void))
{
	pid_t pid;
	struct task_struct *p;

	waiter_stage = 0;
	pid = kernel_thread(waiter_thread, (void *)(long)kind, "lock_waiter");
	SELFTEST_CHECK(pid > 0 && (p = find_task_by_pid(pid)) != NULL);
	schedule(); /* the waiter runs until it blocks */
	SELFTEST_CHECK(waiter_stage == 1 && p->__state == TASK_UNINTERRUPTIBLE);
	schedule(); /* still asleep: nothing woke it */
	SELFTEST_CHECK(waiter_stage == 1);
	release();
	SELFTEST_CHECK(p->__state == TASK_RUNNING); /* woken */
	for (int i = 0; i < 10 && waiter_stage != 3; i++)
		schedule();
	SELFTEST_CHECK(waiter_stage == 3);
	return true;
}

static void
release_rwsem(void)
{
	up_write(&test_rwsem);
}

static void
release_page(void)
{
	unlock_page(test_page);
}

/* A reader waits for the writer (mmap_lock's case); a page lock waits for I/O. */
bool
selftest_sleeping_locks(void)
{
	bool ok;

	down_write(&test_rwsem);
	if (!sleeping_waiter(1, release_rwsem))
		return false;
	SELFTEST_CHECK(!rwsem_is_locked(&test_rwsem));

	test_page = alloc_pages(GFP_KERNEL, 0);
	SELFTEST_CHECK(test_page && trylock_page(test_page) && !trylock_page(test_page));
	ok = sleeping_waiter(2, release_page);
	SELFTEST_CHECK(ok && !PageLocked(test_page));
	__free_pages(test_page, 0);
	return true;
}

/* ---- TLB flushes ---- */

#define TEST_USER_ADDR 0x0000000020000000UL

/* tlb_read - the word at TEST_USER_ADDR, through this CPU's TLB. */
static unsigned long
tlb_read(void)
{
	unsigned long val = 0;

	return copy_from_user(&val, (void *)TEST_USER_ADDR, sizeof(val)) ? 0 : val;
}

/*
 * A PTE pointed at another frame is seen once flush_tlb_page ran; ranges
 * of up to tlb_single_page_flush_ceiling pages flush page by page, longer
 * ones whole, and only the address space in CR3 is flushed at all.
 */
bool
selftest_tlb_flush(void)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct vma = { .vm_mm = mm };
	struct page *a = alloc_pages(GFP_KERNEL, 0), *b = alloc_pages(GFP_KERNEL, 0);
	unsigned long one = vm_events[NR_TLB_LOCAL_FLUSH_ONE];
	unsigned long all = vm_events[NR_TLB_LOCAL_FLUSH_ALL];
	pte_t *pte;

	SELFTEST_CHECK(mm && a && b);
	*(unsigned long *)page_address(a) = 0xa;
	*(unsigned long *)page_address(b) = 0xb;
	spin_lock(&mm->page_table_lock);
	pte = walk_pgtable((pte_t *)mm->pgd, TEST_USER_ADDR, PG_LEVEL_4K, true);
	spin_unlock(&mm->page_table_lock);
	SELFTEST_CHECK(pte);
	*pte = pfn_pte(page_to_pfn(a), vm_get_page_prot(VM_READ | VM_SHARED));
	arch_switch_mm(mm->pgd);
	SELFTEST_CHECK(tlb_read() == 0xa);
	*pte = pfn_pte(page_to_pfn(b), vm_get_page_prot(VM_READ | VM_SHARED));
	flush_tlb_page(&vma, TEST_USER_ADDR);
	SELFTEST_CHECK(tlb_read() == 0xb);
	SELFTEST_CHECK(vm_events[NR_TLB_LOCAL_FLUSH_ONE] == one + 1);
	flush_tlb_range(&vma, TEST_USER_ADDR, TEST_USER_ADDR + 33 * PAGE_SIZE);
	SELFTEST_CHECK(vm_events[NR_TLB_LOCAL_FLUSH_ONE] == one + 34);
	SELFTEST_CHECK(vm_events[NR_TLB_LOCAL_FLUSH_ALL] == all);
	flush_tlb_range(&vma, TEST_USER_ADDR, TEST_USER_ADDR + 34 * PAGE_SIZE);
	SELFTEST_CHECK(vm_events[NR_TLB_LOCAL_FLUSH_ALL] == all + 1);
	arch_switch_mm(NULL);
	flush_tlb_mm(mm); /* not loaded: nothing to flush, nothing counted */
	SELFTEST_CHECK(vm_events[NR_TLB_LOCAL_FLUSH_ALL] == all + 1);
	*pte = 0;
	mmput(mm);
	__free_pages(a, 0);
	__free_pages(b, 0);
	return true;
}
