/*
 * kernel/proc/futex.c - futex(2): the sleeping half of user-space locks.
 *
 * A C library's mutexes, condition variables and pthread_join live in
 * user memory and cost no system call until a thread must wait:
 * FUTEX_WAIT sleeps if the 32-bit word at uaddr still holds the value the
 * caller saw (else EAGAIN: it changed, look again), and FUTEX_WAKE wakes
 * up to val threads sleeping on that word. The _BITSET forms add a mask
 * (and WAIT_BITSET an absolute timeout); REQUEUE moves sleepers to
 * another word. A futex is named by its address space and address, so
 * only threads of one process (CLONE_VM) meet on it, which is what the
 * C libraries' private futexes mean. One CPU and no kernel preemption
 * make the check-then-sleep of FUTEX_WAIT atomic without a lock.
 *
 * A sleeper without a timeout sleeps on futex_wait until woken; one with
 * a timeout looks again at every timer tick.
 *
 * Counterpart: Linux kernel/futex/.
 */
#include <pagoda/arch.h>
#include <pagoda/kernel.h>
#include <pagoda/list.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/syscalls.h>
#include <pagoda/time.h>
#include <pagoda/uaccess.h>
#include <pagoda/wait.h>

#include <uapi/errno.h>
#include <uapi/time.h>

#define FUTEX_WAIT	       0
#define FUTEX_WAKE	       1
#define FUTEX_REQUEUE	       3
#define FUTEX_CMP_REQUEUE      4
#define FUTEX_WAIT_BITSET      9
#define FUTEX_WAKE_BITSET      10
#define FUTEX_PRIVATE_FLAG     128
#define FUTEX_CLOCK_REALTIME   256
#define FUTEX_CMD_MASK	       (~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY 0xffffffffu

struct futex_waiter {
	struct list_head list; /* in futex_waiters */
	struct task_struct *task;
	struct mm_struct *mm; /* the futex: this address space ... */
	unsigned long uaddr;  /* ... and this address */
	uint32_t bitset;
	bool woken;
};

static struct list_head futex_waiters = LIST_HEAD_INIT(futex_waiters);
static struct wait_queue_head futex_wait = { LIST_HEAD_INIT(futex_wait.head) };

/*
 * futex_wait_on - sleep on the futex at @uaddr if it holds @val, until a
 * wake, the time @end (us; UINT64_MAX: none) or a signal.
 */
static long
futex_wait_on(unsigned long uaddr, uint32_t val, uint32_t bitset, uint64_t end)
{
	struct futex_waiter w = {
		.task = current, .mm = current->mm, .uaddr = uaddr, .bitset = bitset
	};
	uint32_t now;
	long ret = 0;

	if (!bitset)
		return -EINVAL;
	if (copy_from_user(&now, (void __user *)uaddr, sizeof(now)))
		return -EFAULT;
	if (now != val)
		return -EAGAIN;
	list_add_tail(&w.list, &futex_waiters);
	if (end == UINT64_MAX) {
		ret = wait_event_interruptible(futex_wait, w.woken);
	} else {
		while (!w.woken) {
			if (now_us() >= end) {
				ret = -ETIMEDOUT;
				break;
			}
			if (signal_pending(current)) {
				ret = -EINTR;
				break;
			}
			need_resched = true;
			schedule();
			if (!w.woken)
				arch_idle();
		}
	}
	if (!w.woken)
		list_del(&w.list);
	return w.woken ? 0 : ret;
}

/* futex_wake_on - wake up to @nr sleepers on @uaddr whose bitset meets
 * @bitset; with @requeue, move up to @nr2 of the rest to @uaddr2. */
static long
futex_wake_on(unsigned long uaddr, int nr, uint32_t bitset, unsigned long uaddr2, int nr2,
	      bool requeue)
{
	struct futex_waiter *w, *next;
	long woken = 0, moved = 0;

	if (!bitset)
		return -EINVAL;
	list_for_each_entry_safe(w, next, &futex_waiters, list)
	{
		if (w->mm != current->mm || w->uaddr != uaddr || !(w->bitset & bitset))
			continue;
		if (woken < nr) {
			list_del(&w->list);
			w->woken = true;
			woken++;
		} else if (requeue && moved < nr2) {
			w->uaddr = uaddr2;
			moved++;
		}
	}
	if (woken)
		wake_up(&futex_wait);
	return woken + moved;
}

/* futex_wake_tid - CLONE_CHILD_CLEARTID: the thread is gone, wake one
 * waiter on its tid word (pthread_join). */
void
futex_wake_tid(unsigned long uaddr)
{
	futex_wake_on(uaddr, 1, FUTEX_BITSET_MATCH_ANY, 0, 0, false);
}

/* A timeout: relative for FUTEX_WAIT, absolute for FUTEX_WAIT_BITSET
 * (every clock counts from boot here). UINT64_MAX: none. */
static long
futex_timeout(const struct timespec __user *utime, bool absolute, uint64_t *end)
{
	struct timespec ts;
	uint64_t us, now = now_us();

	*end = UINT64_MAX;
	if (!utime)
		return 0;
	if (copy_from_user(&ts, utime, sizeof(ts)))
		return -EFAULT;
	if (timespec_to_us(&ts, &us))
		return -EINVAL;
	if (us != UINT64_MAX)
		*end = absolute ? us : (us > UINT64_MAX - now ? UINT64_MAX : now + us);
	return 0;
}

SYSCALL_DEFINE6(futex, uint32_t __user *, uaddr, int, op, uint32_t, val,
		const struct timespec __user *, utime, uint32_t __user *, uaddr2, uint32_t, val3)
{
	unsigned long addr = (unsigned long)uaddr;
	int cmd = op & FUTEX_CMD_MASK;
	uint64_t end;
	uint32_t now;
	long ret;

	if (addr % sizeof(uint32_t))
		return -EINVAL;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		ret = futex_timeout(utime, cmd == FUTEX_WAIT_BITSET, &end);
		if (ret)
			return ret;
		return futex_wait_on(addr, val, cmd == FUTEX_WAIT ? FUTEX_BITSET_MATCH_ANY : val3,
				     end);
	case FUTEX_WAKE: return futex_wake_on(addr, (int)val, FUTEX_BITSET_MATCH_ANY, 0, 0, false);
	case FUTEX_WAKE_BITSET: return futex_wake_on(addr, (int)val, val3, 0, 0, false);
	case FUTEX_CMP_REQUEUE:
		if (copy_from_user(&now, uaddr, sizeof(now)))
			return -EFAULT;
		if (now != val3)
			return -EAGAIN;
		/* fall through */
	case FUTEX_REQUEUE:
		/* The fourth argument is a count here, not a timeout. */
		return futex_wake_on(addr, (int)val, FUTEX_BITSET_MATCH_ANY, (unsigned long)uaddr2,
				     (int)(unsigned long)utime, true);
	default: return -ENOSYS;
	}
}
