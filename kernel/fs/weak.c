/*
 * kernel/fs/weak.c - stand-ins for what the process code provides.
 *
 * The file layer calls into the scheduler (wait queues, current) and the
 * user-memory accessors. Those live in kernel/sched/ and
 * kernel/arch/x86_64/uaccess.c; until a kernel is built with them, these
 * weak definitions let it link, and they describe a kernel with no user
 * processes: no current task, no user memory to copy, nothing ever
 * sleeps. The linker prefers a real (strong) definition to each of these,
 * so they vanish from a kernel that has one.
 *
 * Counterpart: none; Linux always has a scheduler.
 */
#include <pagoda/sched.h>
#include <pagoda/uaccess.h>
#include <pagoda/wait.h>

#include <uapi/errno.h>

/* No task yet: the boot CPU runs the kernel itself. */
__attribute__((weak)) struct task_struct *current_task;

/* No user memory: every copy fails, as for an unmapped address. */
__attribute__((weak)) unsigned long
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return n;
}

__attribute__((weak)) unsigned long
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return n;
}

__attribute__((weak)) long
strncpy_from_user(char *dst, const char __user *src, long count)
{
	return -EFAULT;
}

__attribute__((weak)) int
put_user_u32(uint32_t val, void __user *addr)
{
	return -EFAULT;
}

/* Nobody else to run: sleeping returns at once, waking wakes nobody. */
__attribute__((weak)) void
prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
}

__attribute__((weak)) void
finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
}

__attribute__((weak)) void
wake_up(struct wait_queue_head *wq)
{
}

__attribute__((weak)) bool
signal_pending(struct task_struct *task)
{
	return false;
}

__attribute__((weak)) void
schedule(void)
{
}
