/*
 * kernel/proc/exit.c - how processes end, and how parents learn of it.
 *
 * do_exit() frees what a dying task no longer needs at once -- its
 * address space (every frame goes back to the buddy allocator), its open
 * files -- hands its children to init, and becomes a zombie: just a
 * task_struct holding the exit status. The parent's wait4() collects the
 * status and frees the rest (the kernel stack, the task_struct).
 *
 * The wait status is Linux's: a normal exit(n) gives (n & 0xff) << 8;
 * death by signal s gives s (plus 0x80 for a core dump, which Pagoda never
 * writes). WIFEXITED, WEXITSTATUS, WIFSIGNALED and WTERMSIG decode it.
 *
 * Counterpart: Linux kernel/exit.c.
 */
#include <pagoda/arch.h>
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/signal.h>
#include <pagoda/slab.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>
#include <uapi/rusage.h>
#include <uapi/wait.h>

/* The process that adopts orphans: pid 1. */
static struct task_struct *
child_reaper(void)
{
	struct task_struct *init = find_task_by_pid(1);

	return init ? init : &init_task;
}

/* reparent_children - the dying task's children become init's. */
static void
reparent_children(struct task_struct *dying)
{
	struct task_struct *reaper = child_reaper(), *child;

	while (!list_empty(&dying->children)) {
		child = list_first_entry(&dying->children, struct task_struct, sibling);
		list_del(&child->sibling);
		child->parent = reaper;
		list_add_tail(&child->sibling, &reaper->children);
		if (child->__state == EXIT_ZOMBIE)
			wake_up(&reaper->wait_chldexit);
	}
}

/*
 * init_exited - the first program ended. Linux panics here; Pagoda, whose
 * first program is often a test or a student's program (tools/run-elf),
 * reports its wait status and powers off.
 */
/* kernel/init/main.c */
extern unsigned long init_free_pages, init_cached_pages, init_slab_pages, init_inodes;

/*
 * init_exited - also the kernel's leak check: test runs compare the two
 * numbers of each "init:" line. Pages the page cache gained while init
 * ran (a program read from the initramfs, a file left in /tmp) are not
 * lost: they count as free in the first line, and the second line says
 * how many they are; a file's pages come back when the file dies, and
 * so does its inode (the "inodes" line: a file left in /tmp is one more).
 * Slab caches whose object counts moved are named first. (A /proc/<pid> directory, once looked up, is kept by
 * design -- fs/proc.c -- so a program that looked one up leaves its
 * inodes and dentries behind, and the lines say so.)
 */
static __noreturn void
init_exited(int code)
{
	/* Measured as init_free_pages was: init owns no memory, files or
	 * working directory any more. */
	unsigned long cached = node_page_state(NR_FILE_PAGES);
	unsigned long free_pages = nr_free_pages() + cached - init_cached_pages;
	unsigned long slab_pages = nr_slab_pages();
	long slab_objs = kmem_cache_report_changes();

	pr_notice("init: exited with status %#x\n", code);
	pr_notice("init: %lu pages free, %lu when init started\n", free_pages, init_free_pages);
	pr_notice("init: %lu page-cache pages, %lu when init started\n", cached, init_cached_pages);
	pr_notice("init: %lu inodes, %lu when init started\n", shmem_nr_inodes(), init_inodes);
	pr_notice("init: %lu slab pages, %lu when init started; %ld slab objects more\n",
		  slab_pages, init_slab_pages, slab_objs);
	arch_power_off();
}

bool
thread_group_alone(const struct task_struct *task)
{
	return list_empty(&task->thread_group);
}

/* Until the other threads of the process have ended (they were told to,
 * or the leader waits for them as Linux delays a leader's zombie). */
static void
wait_thread_group_alone(struct task_struct *leader)
{
	while (!thread_group_alone(leader)) {
		DEFINE_WAIT(wait);

		prepare_to_wait(&leader->wait_chldexit, &wait);
		if (!thread_group_alone(leader))
			schedule();
		finish_wait(&leader->wait_chldexit, &wait);
	}
}

/* Tell every other thread of the current process to end (SIGKILL). */
static void
kill_other_threads(void)
{
	struct task_struct *leader = current->group_leader, *t;

	if (leader != current)
		send_signal(leader, SIGKILL);
	list_for_each_entry(t, &leader->thread_group, thread_group) if (t != current)
		send_signal(t, SIGKILL);
}

int
de_thread(void)
{
	struct task_struct *leader = current->group_leader;

	if (thread_group_alone(current))
		return 0;
	if (leader != current)
		return -EAGAIN;	      /* execve from a thread other than the first: not supported */
	leader->group_exiting = true; /* their SIGKILL ends only them */
	kill_other_threads();
	wait_thread_group_alone(leader);
	leader->group_exiting = false;
	return 0;
}

/* A thread's end: out of its process, and freed once off the CPU. */
static __noreturn void
exit_thread(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;

	list_del_init(&tsk->thread_group);
	wake_up(&leader->wait_chldexit); /* a leader may wait for the last thread */
	tsk->__state = EXIT_DEAD;
	release_dead_task(tsk);
	schedule();
	BUG(); /* a dead task is never scheduled again */
}

void
do_group_exit(int code)
{
	struct task_struct *leader = current->group_leader;

	if (!leader->group_exiting && !thread_group_alone(leader)) {
		leader->group_exiting = true;
		leader->group_exit_code = code;
		kill_other_threads();
	}
	do_exit(code);
}

void
do_exit(int code)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	if (tsk->clear_child_tid && mm) {
		/* pthread_join waits for this word to become 0. */
		put_user_u32(0, (void *)tsk->clear_child_tid);
		futex_wake_tid(tsk->clear_child_tid);
	}
	vfork_release(tsk);
	exit_times(tsk); /* while the mm still tells the peak RSS */
	if (mm) {
		/* /proc/<pid>/exe goes with the address space, as Linux keeps
		 * it in mm->exe_file (and init's leak check then sees the
		 * program's file closed). */
		if (tsk->fs)
			set_task_exe_file(tsk, NULL);
		tsk->mm = NULL;
		arch_switch_mm(NULL); /* off the page tables we are about to free */
		mmput(mm);
	}

	if (tsk->files) {
		put_files(tsk->files);
		tsk->files = NULL;
	}
	if (tsk->fs) {
		put_fs_struct(tsk->fs);
		tsk->fs = NULL;
	}
	if (tsk != tsk->group_leader)
		exit_thread(tsk);
	wait_thread_group_alone(tsk);
	if (tsk->group_exiting)
		code = tsk->group_exit_code; /* exit_group's, not the SIGKILL that ended us */
	if (tsk->pid == 1)
		init_exited(code); /* powers off */
	reparent_children(tsk);
	tsk->exit_code = code;
	tsk->__state = EXIT_ZOMBIE;
	send_signal(tsk->parent, SIGCHLD);
	wake_up(&tsk->parent->wait_chldexit);
	schedule();
	BUG(); /* a zombie is never scheduled again */
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_group_exit((error_code & 0xff) << 8);
}

/* Does child @p match wait4's @pid? (No process groups: 0 and < -1 match all.) */
static bool
eligible_child(const struct task_struct *p, pid_t pid)
{
	return pid <= 0 || p->pid == pid;
}

/*
 * reap - collect zombie @p: free it and report. The child is gone even if
 * the status cannot be written (Linux does the same: -EFAULT, reaped).
 */
static long
reap(struct task_struct *p, int __user *stat_addr, void __user *ru)
{
	pid_t pid = p->pid;
	int status = p->exit_code;
	struct rusage r;

	reap_times(p, &r);
	free_task(p);
	if (stat_addr && put_user_u32((uint32_t)status, stat_addr) < 0)
		return -EFAULT;
	if (ru && copy_to_user(ru, &r, sizeof(r)))
		return -EFAULT;
	return pid;
}

SYSCALL_DEFINE4(wait4, pid_t, upid, int __user *, stat_addr, int, options, void __user *, ru)
{
	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE))
		return -EINVAL;
	if (upid == INT32_MIN)
		return -ESRCH;
	for (;;) {
		struct task_struct *p;
		bool any = false;

		list_for_each_entry(p, &current->group_leader->children, sibling)
		{
			if (!eligible_child(p, upid))
				continue;
			any = true;
			if (p->__state == EXIT_ZOMBIE)
				return reap(p, stat_addr, ru);
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		DEFINE_WAIT(wait);

		prepare_to_wait(&current->group_leader->wait_chldexit, &wait);
		bool zombie = false;

		list_for_each_entry(p, &current->group_leader->children,
				    sibling) if (eligible_child(p, upid) &&
						 p->__state == EXIT_ZOMBIE) zombie = true;
		if (!zombie && !signal_pending(current))
			schedule();
		finish_wait(&current->group_leader->wait_chldexit, &wait);
		if (!zombie && signal_pending(current))
			return -ERESTARTSYS;
	}
}
