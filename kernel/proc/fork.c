/*
 * kernel/proc/fork.c - making processes: fork, clone, and the first one.
 *
 * fork() makes a child that is a copy of the caller: the same registers
 * (except that fork returns 0 in the child), a copy of the address space
 * whose pages are shared copy-on-write (mm/mm.c: dup_mm), the same open
 * files, the same signal dispositions. The child is put on the run queue
 * and starts in ret_from_fork, returning to user mode; on the way its
 * first C code, schedule_tail() in sched.c, writes its tid into its own
 * memory when clone asked for it (CLONE_CHILD_SETTID).
 *
 * clone() with CLONE_VM makes a thread or a vfork child instead: the new
 * task shares the caller's address space (and with CLONE_FILES and
 * CLONE_FS its descriptors and directory) and starts on the stack the
 * caller gave it. CLONE_THREAD puts it in the caller's process: it has a
 * pid of its own (gettid) and the process's (getpid, the leader's), its
 * parent never waits for it, and it is freed as soon as it exits.
 * CLONE_VFORK makes the caller wait until the child execs or exits (C
 * libraries' posix_spawn and system() use it). Signal handlers are
 * shared with CLONE_SIGHAND (threads always): one thread's sigaction
 * changes them for all.
 *
 * copy_process builds the child step by step (copy_sighand, copy_files,
 * copy_fs, copy_mm); a step that fails unwinds the ones before it through
 * the out_* labels, and the error comes back as ERR_PTR(-Exxx).
 *
 * Counterpart: Linux kernel/fork.c (copy_process, kernel_clone).
 */
#include <pagoda/cred.h>
#include <pagoda/err.h>
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
#include <uapi/sched.h>

/* What this kernel's clone() implements; namespaces and the rest are EINVAL. */
#define CLONE_SUPPORTED                                                                            \
	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_VFORK |               \
	 CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID |                       \
	 CLONE_CHILD_CLEARTID | CLONE_DETACHED | CLONE_CHILD_SETTID)

struct list_head task_list = LIST_HEAD_INIT(task_list);
static struct kmem_cache *task_cachep, *sighand_cachep;
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
	sighand_cachep = kmem_cache_create("sighand_cache", sizeof(struct sighand_struct), 0);
	if (!task_cachep || !sighand_cachep)
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

/*
 * alloc_task - a task_struct with a kernel stack and a pid, on no list:
 * the task, or ERR_PTR(-EAGAIN) when the process table or the pids are
 * used up, or ERR_PTR(-ENOMEM). free_task_struct() undoes it.
 */
static struct task_struct *
alloc_task(void)
{
	struct task_struct *p;
	pid_t pid;

	if (nr_tasks >= MAX_TASKS)
		return ERR_PTR(-EAGAIN);
	pid = alloc_pid();
	if (pid < 0)
		return ERR_PTR(pid);
	p = kmem_cache_alloc(task_cachep, GFP_KERNEL | __GFP_ZERO);
	if (!p)
		goto out;
	p->stack = arch_alloc_kernel_stack();
	if (!p->stack)
		goto out_free_task;
	p->pid = p->tgid = pid;
	p->group_leader = p;
	INIT_LIST_HEAD(&p->thread_group);
	INIT_LIST_HEAD(&p->run_list);
	INIT_LIST_HEAD(&p->children);
	INIT_LIST_HEAD(&p->sibling);
	init_waitqueue_head(&p->wait_chldexit);
	nr_tasks++;
	return p;

out_free_task:
	kmem_cache_free(task_cachep, p);
out:
	return ERR_PTR(-ENOMEM);
}

/* free_task_struct - undo alloc_task: the kernel stack and the task. */
static void
free_task_struct(struct task_struct *p)
{
	arch_free_kernel_stack(p->stack);
	kmem_cache_free(task_cachep, p);
	nr_tasks--;
}

/* copy_sighand - signal actions for a new task: @old's shared (@share),
 * a copy of them, or all SIG_DFL (@old NULL). NULL when out of memory. */
static struct sighand_struct *
copy_sighand(struct sighand_struct *old, bool share)
{
	struct sighand_struct *sh;

	if (old && share) {
		old->count++;
		return old;
	}
	sh = kmem_cache_alloc(sighand_cachep, GFP_KERNEL | __GFP_ZERO);
	if (sh && old)
		memcpy(sh->action, old->action, sizeof(sh->action));
	if (sh)
		sh->count = 1;
	return sh;
}

static void
put_sighand(struct sighand_struct *sh)
{
	if (sh && --sh->count == 0)
		kmem_cache_free(sighand_cachep, sh);
}

/* unshare_sighand - execve: a process of its own gets actions of its own. */
int
unshare_sighand(struct task_struct *task)
{
	struct sighand_struct *sh;

	if (task->sighand->count == 1)
		return 0;
	sh = copy_sighand(task->sighand, false);
	if (!sh)
		return -ENOMEM;
	put_sighand(task->sighand);
	task->sighand = sh;
	return 0;
}

/* free_task - the last of a task, once its parent has reaped it (or,
 * for a thread, once it is off the CPU for good). */
void
free_task(struct task_struct *p)
{
	proc_flush_task(p->pid);
	list_del(&p->tasks);
	list_del(&p->sibling);
	put_sighand(p->sighand); /* kept until now: signals may still be sent to a zombie */
	exit_creds(p);
	free_task_struct(p);
}

/* Link a new task under @parent and into the task list. */
static void
attach_task(struct task_struct *p, struct task_struct *parent)
{
	p->parent = parent;
	list_add_tail(&p->sibling, &parent->children);
	list_add_tail(&p->tasks, &task_list);
}

/* copy_files - @p's descriptor table: the caller's (CLONE_FILES) or a
 * copy of it. 0 or -ENOMEM. */
static int
copy_files(unsigned long flags, struct task_struct *p)
{
	if (!current->files)
		return 0;
	if (flags & CLONE_FILES) {
		p->files = current->files;
		p->files->count++;
		return 0;
	}
	p->files = dup_files(current->files);
	return p->files ? 0 : -ENOMEM;
}

/* copy_fs - @p's working directory and umask: the caller's (CLONE_FS) or
 * a copy of them. 0 or -ENOMEM. */
static int
copy_fs(unsigned long flags, struct task_struct *p)
{
	if (!current->fs)
		return 0;
	if (flags & CLONE_FS) {
		p->fs = get_fs_struct(current->fs);
		return 0;
	}
	p->fs = copy_fs_struct(current->fs);
	return p->fs ? 0 : -ENOMEM;
}

/* copy_mm - @p's address space: the caller's (CLONE_VM) or a
 * copy-on-write copy of it (dup_mm). 0 or -ENOMEM. */
static int
copy_mm(unsigned long flags, struct task_struct *p)
{
	if (!current->mm)
		return 0;
	if (flags & CLONE_VM) {
		p->mm = current->mm;
		p->mm->mm_users++;
		return 0;
	}
	p->mm = dup_mm(current->mm);
	return p->mm ? 0 : -ENOMEM;
}

/* attach_thread - CLONE_THREAD: @p joins the caller's process, a thread
 * nobody waits for. */
static void
attach_thread(struct task_struct *p)
{
	struct task_struct *leader = current->group_leader;

	p->tgid = leader->tgid;
	p->group_leader = leader;
	list_add_tail(&p->thread_group, &leader->thread_group);
	p->parent = leader->parent;
	list_add_tail(&p->tasks, &task_list);
}

/* copy_task_state - what a child inherits as it is: name, limits, signal
 * mask and alternate signal stack (the child runs on a copy of it). */
static void
copy_task_state(struct task_struct *p)
{
	memcpy(p->comm, current->comm, sizeof(p->comm));
	memcpy(p->rlim, current->rlim, sizeof(p->rlim));
	p->blocked = current->blocked;
	p->sas_ss_sp = current->sas_ss_sp;
	p->sas_ss_size = current->sas_ss_size;
	p->sas_ss_flags = current->sas_ss_flags;
}

/*
 * copy_process - the child of a fork (or clone, per @flags): a copy of
 * the current task with user registers @regs, linked into the task list
 * but not yet runnable. The task, or ERR_PTR(-EAGAIN) (RLIMIT_NPROC, the
 * process table or the pids used up) or ERR_PTR(-ENOMEM).
 */
static struct task_struct *
copy_process(unsigned long flags, const struct pt_regs *regs)
{
	struct task_struct *p;
	int err;

	/*
	 * RLIMIT_NPROC: Linux counts the processes of the caller's real
	 * user and exempts root (CAP_SYS_RESOURCE); Pagoda counts all
	 * processes together and applies it to root too, since its
	 * processes are mostly root's and a fork bomb should still stop.
	 */
	if ((unsigned long)nr_tasks >= current->rlim[RLIMIT_NPROC].rlim_cur)
		return ERR_PTR(-EAGAIN);
	p = alloc_task();
	if (IS_ERR(p))
		return p;
	copy_task_state(p);
	copy_creds(p, flags);
	err = -ENOMEM;
	p->sighand = copy_sighand(current->sighand, flags & CLONE_SIGHAND);
	if (!p->sighand)
		goto out_free_task;
	err = copy_files(flags, p);
	if (err)
		goto out_put_sighand;
	err = copy_fs(flags, p);
	if (err)
		goto out_put_files;
	err = copy_mm(flags, p);
	if (err)
		goto out_put_fs;
	arch_copy_thread(p, regs, NULL, NULL);
	if (flags & CLONE_THREAD)
		attach_thread(p);
	else
		attach_task(p, current->group_leader); /* any thread may wait for it */
	return p;

out_put_fs:
	put_fs_struct(p->fs);
out_put_files:
	if (p->files)
		put_files(p->files);
out_put_sighand:
	put_sighand(p->sighand);
out_free_task:
	exit_creds(p);
	free_task_struct(p);
	return ERR_PTR(err);
}

/*
 * kernel_clone - fork, vfork and clone: a new task per @flags, on user
 * stack @newsp (0: the caller's) with FS base @tls (CLONE_SETTLS), its
 * tid written at @parent_tid in our memory (CLONE_PARENT_SETTID) and at
 * @child_tid in its own (CLONE_CHILD_SETTID, by the child itself in
 * schedule_tail). Returns the child's pid or -Exxx. Linux's checks: a
 * thread shares the signal handlers, which needs a shared address space.
 */
static long
kernel_clone(unsigned long flags, unsigned long newsp, unsigned long parent_tid,
	     unsigned long child_tid, unsigned long tls)
{
	struct vfork_done vfork = { false, { LIST_HEAD_INIT(vfork.wait.head) } };
	struct task_struct *p;
	pid_t pid;

	if (flags & ~CLONE_SUPPORTED)
		return -EINVAL; /* namespaces and the rest: not supported */
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	p = copy_process(flags, task_pt_regs(current));
	if (IS_ERR(p))
		return PTR_ERR(p);
	if (newsp)
		task_pt_regs(p)->rsp = newsp;
	if (flags & CLONE_SETTLS)
		p->thread.fsbase = tls;
	if (flags & CLONE_VFORK)
		p->vfork_done = &vfork;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = child_tid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = child_tid;
	pid = p->pid; /* a thread may be gone once it is woken */
	if (flags & CLONE_PARENT_SETTID)
		put_user_u32(pid,
			     (void __user *)parent_tid); /* a bad pointer is ignored, as by Linux */
	wake_up_process(p);
	if (flags & CLONE_VFORK) {
		/* The child uses our memory and maybe our stack: wait for its
		 * execve or exit. A signal ends the wait; the child then no
		 * longer looks at this frame. */
		if (wait_event_interruptible(vfork.wait, vfork.done) && !vfork.done)
			p->vfork_done = NULL;
	}
	return pid;
}

/* vfork_release - @task execs or exits: its vfork parent may go on. */
void
vfork_release(struct task_struct *task)
{
	struct vfork_done *vfork = task->vfork_done;

	if (vfork) {
		task->vfork_done = NULL;
		vfork->done = true;
		wake_up(&vfork->wait);
	}
}

SYSCALL_DEFINE0(fork)
{
	return kernel_clone(0, 0, 0, 0, 0);
}

/* vfork: a full copy, so the child may use the stack it shares with the
 * parent's frames as it likes (correct, if slower than sharing). */
SYSCALL_DEFINE0(vfork)
{
	return kernel_clone(0, 0, 0, 0, 0);
}

/* clone: x86-64's argument order (flags, stack, parent_tid, child_tid, tls). */
SYSCALL_DEFINE5(clone, unsigned long, flags, unsigned long, newsp, unsigned long, parent_tid,
		unsigned long, child_tid, unsigned long, tls)
{
	return kernel_clone(flags, newsp, parent_tid, child_tid, tls);
}

/*
 * kernel_thread - a task that starts by running @fn(@arg) in the kernel,
 * with signal actions all SIG_DFL and the first process's resource
 * limits (INIT_RLIMITS); the first process is made this way and then
 * execs /init. Returns its pid or -Exxx.
 */
pid_t
kernel_thread(void (*fn)(void *), void *arg, const char *name)
{
	static const struct rlimit64 init_rlimits[RLIM_NLIMITS] = INIT_RLIMITS;
	struct task_struct *p = alloc_task();

	if (IS_ERR(p))
		return PTR_ERR(p);
	strlcpy(p->comm, name, sizeof(p->comm));
	p->sighand = copy_sighand(NULL, false);
	if (!p->sighand)
		goto out_free_task;
	memcpy(p->rlim, init_rlimits, sizeof(p->rlim));
	p->cred = get_cred(&init_cred); /* root */
	arch_copy_thread(p, NULL, fn, arg);
	attach_task(p, &init_task);
	wake_up_process(p);
	return p->pid;

out_free_task:
	free_task_struct(p);
	return -ENOMEM;
}
