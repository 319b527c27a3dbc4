/*
 * kernel/proc/sched.c - choosing which task runs: round robin.
 *
 * Runnable tasks wait in one FIFO run queue. The timer (HZ per second)
 * ends the running task's time slice by setting need_resched; on its way
 * back to user mode (exit_to_user_mode) the task calls schedule(), which
 * puts it at the back of the queue and switches to the task at the front.
 * A task that sleeps (wait.h) leaves the queue until wake_up() puts it
 * back. When nothing is runnable the boot task (pid 0) idles with `hlt`.
 * Kernel code is not preempted: a task in the kernel runs until it
 * sleeps or returns to user mode. So on one CPU a lock (spinlock.h,
 * mutex.h, rwsem.h) is only contended once its holder sleeps; the locks
 * are there for that, for the checks of lockdep.h, and for several CPUs.
 *
 * Counterpart: Linux kernel/sched/core.c (with CFS, kernel/sched/fair.c).
 */
#include <pagoda/arch.h>
#include <pagoda/kernel.h>
#include <pagoda/mm_types.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>
#include <pagoda/uaccess.h>
#include <pagoda/wait.h>

#include <asm/processor.h>

/* Ticks a task may run before the next one gets the CPU. */
#define TIME_SLICE_TICKS 2

static struct sighand_struct init_sighand = { .count = 1 };

struct task_struct init_task = {
	.sighand = &init_sighand,
	.__state = TASK_RUNNING,
	.pid = 0,
	.group_leader = &init_task,
	.thread_group = LIST_HEAD_INIT(init_task.thread_group),
	.comm = "swapper",
	.run_list = LIST_HEAD_INIT(init_task.run_list),
	.children = LIST_HEAD_INIT(init_task.children),
	.sibling = LIST_HEAD_INIT(init_task.sibling),
};

struct task_struct *current_task = &init_task;
bool need_resched;

static struct list_head run_queue = LIST_HEAD_INIT(run_queue);
static unsigned int slice_ticks;

/* A task off the queue has an empty (self-linked) run_list. */
static bool
on_run_queue(struct task_struct *task)
{
	return !list_empty(&task->run_list);
}

/* wake_up_process - @task can run: put it at the back of the run queue. */
void
wake_up_process(struct task_struct *task)
{
	unsigned long flags = local_irq_save();

	task->__state = TASK_RUNNING;
	if (task != &init_task && !on_run_queue(task))
		list_add_tail(&task->run_list, &run_queue);
	local_irq_restore(flags);
}

/* Threads that exited, to free once they are off the CPU (exit.c). */
static struct list_head dead_tasks = LIST_HEAD_INIT(dead_tasks);

void
release_dead_task(struct task_struct *p)
{
	list_add_tail(&p->run_list, &dead_tasks);
}

/* free_dead_tasks - free the threads that exited; never the current one. */
static void
free_dead_tasks(void)
{
	while (!list_empty(&dead_tasks)) {
		struct task_struct *p = list_first_entry(&dead_tasks, struct task_struct, run_list);

		if (p == current)
			break;
		list_del(&p->run_list);
		free_task(p);
	}
}

/* pick_next_task - the front of the queue, or the idle task. */
static struct task_struct *
pick_next_task(void)
{
	if (list_empty(&run_queue))
		return &init_task;
	struct task_struct *next = list_first_entry(&run_queue, struct task_struct, run_list);

	list_del(&next->run_list);
	INIT_LIST_HEAD(&next->run_list);
	return next;
}

/*
 * schedule - give the CPU to the next runnable task. A running task goes
 * to the back of the queue; a sleeping or dead one just leaves. Returns
 * when this task is picked again. Interrupts are off while switching.
 */
void
schedule(void)
{
	unsigned long flags;
	struct task_struct *prev = current, *next;

	lockdep_sched_check(); /* a spinlock's holder must not sleep */
	flags = local_irq_save();
	need_resched = false;
	slice_ticks = 0;
	if (prev->__state == TASK_RUNNING && prev != &init_task && !on_run_queue(prev))
		list_add_tail(&prev->run_list, &run_queue);
	next = pick_next_task();
	if (next != prev) {
		if (next->mm != prev->mm)
			arch_switch_mm(next->mm ? next->mm->pgd : NULL);
		current_task = next;
		arch_switch_to(prev, next);
	}
	local_irq_restore(flags);
	free_dead_tasks(); /* here we run on another task's stack */
}

/*
 * schedule_tail - a new task's first C code, called by ret_from_fork:
 * schedule() switched to it with interrupts off. Then, in the child's own
 * address space, write its tid where clone(CLONE_CHILD_SETTID) asked (a
 * bad address is ignored, as by Linux). May fault and sleep.
 */
void
schedule_tail(void)
{
	local_irq_enable();
	free_dead_tasks();
	if (current->set_child_tid)
		put_user_u32(current->pid, (void __user *)current->set_child_tid);
}

void
scheduler_tick(void)
{
	if (++slice_ticks >= TIME_SLICE_TICKS || current == &init_task)
		need_resched = !list_empty(&run_queue);
}

void
exit_to_user_mode(struct pt_regs *regs)
{
	lockdep_sys_exit(); /* no kernel lock may stay held in user mode */
	for (;;) {
		if (need_resched) {
			schedule();
			continue;
		}
		if (current->pending & ~current->blocked) {
			do_signal(regs);
			continue;
		}
		break;
	}
}

void
prepare_to_wait_state(struct wait_queue_head *wq, struct wait_queue_entry *wait, long state)
{
	unsigned long flags = local_irq_save();

	if (list_empty(&wait->entry))
		list_add_tail(&wait->entry, &wq->head);
	current->__state = state;
	local_irq_restore(flags);
}

void
prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	prepare_to_wait_state(wq, wait, TASK_INTERRUPTIBLE);
}

void
finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
	unsigned long flags = local_irq_save();

	current->__state = TASK_RUNNING;
	if (!list_empty(&wait->entry)) {
		list_del(&wait->entry);
		INIT_LIST_HEAD(&wait->entry);
	}
	local_irq_restore(flags);
}

void
wake_up(struct wait_queue_head *wq)
{
	unsigned long flags = local_irq_save();
	struct wait_queue_entry *w;

	list_for_each_entry(w, &wq->head, entry) if (w->task->__state == TASK_INTERRUPTIBLE ||
						     w->task->__state == TASK_UNINTERRUPTIBLE)
		wake_up_process(w->task);
	local_irq_restore(flags);
}

bool
signal_pending(struct task_struct *task)
{
	return (task->pending & ~task->blocked) != 0;
}

void
sched_init(void)
{
	INIT_LIST_HEAD(&init_task.tasks);
	init_waitqueue_head(&init_task.wait_chldexit);
	strlcpy(init_task.comm, "swapper", sizeof(init_task.comm));
}
