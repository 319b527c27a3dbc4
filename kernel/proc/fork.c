/*
 * kernel/proc/fork.c - making processes: fork, clone, and the first one.
 *
 * fork() makes a child that is a copy of the caller: the same registers
 * (except that fork returns 0 in the child), a copy of the address space
 * whose pages are shared copy-on-write (mm/mm.c: dup_mm), the same open
 * files, the same signal dispositions. The child is put on the run queue
 * and starts in ret_from_fork, returning to user mode.
 *
 * Counterpart: Linux kernel/fork.c (copy_process, kernel_clone).
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

/* The process table's size: fork fails with EAGAIN when it is full, so a
 * fork bomb stops there (and kernel stacks, 16 KiB each, stay bounded). */
#define MAX_TASKS	     512

#define CLONE_VM	     0x00000100
#define CLONE_PARENT_SETTID  0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID   0x01000000
#define CSIGNAL		     0x000000ff

struct list_head task_list = LIST_HEAD_INIT(task_list);
static struct kmem_cache *task_cachep;
static int nr_tasks;

int
nr_task_count(void)
{
	return nr_tasks;
}
static pid_t last_pid;

/* fork_init - the task_struct cache, at boot. */
void
fork_init(void)
{
	task_cachep = kmem_cache_create("task_struct", sizeof(struct task_struct), 16);
	if (!task_cachep)
		panic("fork_init: out of memory");
}

struct task_struct *
find_task_by_pid(pid_t pid)
{
	struct task_struct *task;

	list_for_each_entry(task, &task_list, tasks) if (task->pid == pid) return task;
	return NULL;
}

/* alloc_pid - the next unused pid after the last one, wrapping at PID_MAX. */
static pid_t
alloc_pid(void)
{
	for (int tries = 0; tries < PID_MAX; tries++) {
		last_pid = last_pid >= PID_MAX - 1 ? 1 : last_pid + 1;
		if (!find_task_by_pid(last_pid))
			return last_pid;
	}
	return -EAGAIN;
}

/* alloc_task - a task_struct with a kernel stack, a pid, and default limits. */
static struct task_struct *
alloc_task(void)
{
	struct task_struct *p;

	if (nr_tasks >= MAX_TASKS)
		return NULL;
	p = kmem_cache_alloc(task_cachep, GFP_KERNEL | __GFP_ZERO);
	if (!p)
		return NULL;
	p->stack = arch_alloc_kernel_stack();
	if (!p->stack) {
		kmem_cache_free(task_cachep, p);
		return NULL;
	}
	p->pid = alloc_pid();
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	init_waitqueue_head(&p->wait_chldexit);
	nr_tasks++;
	return p;
}

/* free_task_unlinked - free a task that is on no list. */
static void
free_task_unlinked(struct task_struct *p)
{
	arch_free_kernel_stack(p->stack);
	kmem_cache_free(task_cachep, p);
	nr_tasks--;
}

/* free_task - the last of a task, once its parent has reaped it. */
void
free_task(struct task_struct *p)
{
	proc_flush_task(p->pid);
	list_del(&p->tasks);
	list_del(&p->sibling);
	free_task_unlinked(p);
}

/* Link a new task under @parent and into the task list. */
static void
attach_task(struct task_struct *p, struct task_struct *parent)
{
	p->parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->tasks, &task_list);
}

/* copy_process - the child of a fork: a copy of the current task. */
static struct task_struct *
copy_process(const struct pt_regs *regs, int *err)
{
	struct task_struct *p;

	/*
	 * RLIMIT_NPROC: every Pagoda process runs as the one user, so the
	 * limit is on all processes together. Linux exempts root
	 * (CAP_SYS_RESOURCE) from it; Pagoda applies it to everyone, since
	 * everyone is root here and a fork bomb should still stop.
	 */
	*err = -EAGAIN;
	if ((unsigned long)nr_tasks >= current->rlim[RLIMIT_NPROC].rlim_cur)
		return NULL;
	p = alloc_task();
	if (!p)
		return NULL;
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->sigaction, current->sigaction, sizeof(p->sigaction));
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	p->blocked = current->blocked;
	p->sas_ss_sp = current->sas_ss_sp; /* the child runs on a copy of it */
	p->sas_ss_size = current->sas_ss_size;
	p->sas_ss_flags = current->sas_ss_flags;
	*err = -ENOMEM;
	p->mm = current->mm ? dup_mm(current->mm) : NULL;
	p->files = current->files ? dup_files(current->files) : NULL;
	p->fs = copy_fs_struct(current->fs);
	if ((current->mm && !p->mm) || (current->files && !p->files)) {
		if (p->mm)
			mmput(p->mm);
		if (p->files)
			put_files(p->files);
		free_task_unlinked(p);
		return NULL;
	}
	arch_copy_thread(p, regs, NULL, NULL);
	attach_task(p, current);
	return p;
}

/*
 * kernel_clone - fork, with the few clone() flags a C library's fork()
 * uses: the exit signal and the child-tid words. Returns the child's pid.
 */
static long
kernel_clone(unsigned long flags, unsigned long parent_tid, unsigned long child_tid)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct task_struct *p;
	int err;

	if (flags & ~(CSIGNAL | CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		return -EINVAL; /* threads and namespaces: not supported */
	p = copy_process(regs, &err);
	if (!p)
		return err;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	if (flags & CLONE_PARENT_SETTID)
		put_user_u32(p->pid, (void *)parent_tid);
	if (flags & CLONE_CHILD_SETTID) {
		/* Write the tid into the child's copy of the page. */
		struct task_struct *self = current;

		current_task = p;
		arch_switch_mm(p->mm->pgd);
		put_user_u32(p->pid, (void *)child_tid);
		current_task = self;
		arch_switch_mm(self->mm->pgd);
	}
	wake_up_process(p);
	return p->pid;
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone(0, 0, 0);
}

SYSCALL_DEFINE0(vfork)
{
	return kernel_clone(0, 0, 0); /* a full copy: correct, if slower */
}

SYSCALL_DEFINE5(clone, unsigned long, flags, unsigned long, newsp, unsigned long, parent_tid,
		unsigned long, child_tid, unsigned long, tls)
{
	if (newsp || (flags & CLONE_VM))
		return -EINVAL;
	return kernel_clone(flags, parent_tid, child_tid);
}

/*
 * kernel_thread - a task that starts by running @fn(@arg) in the kernel;
 * the first process is made this way and then execs /init.
 */
pid_t
kernel_thread(void (*fn)(void *), void *arg, const char *name)
{
	struct task_struct *p = alloc_task();

	if (!p)
		return -ENOMEM;
	strlcpy(p->comm, name, sizeof(p->comm));
	for (int i = 0; i < RLIM_NLIMITS; i++)
		p->rlim[i] = (struct rlimit64){ RLIM_INFINITY, RLIM_INFINITY };
	p->rlim[RLIMIT_STACK].rlim_cur = 8 * MiB;
	p->rlim[RLIMIT_CORE].rlim_cur = 0;
	p->rlim[RLIMIT_NOFILE] = (struct rlimit64){ 1024, 4096 };
	p->rlim[RLIMIT_NPROC] = (struct rlimit64){ MAX_TASKS, MAX_TASKS };
	arch_copy_thread(p, NULL, fn, arg);
	attach_task(p, &init_task);
	wake_up_process(p);
	return p->pid;
}
