/*
 * kernel/proc/signal.c - signals: kill, rt_sigaction, rt_sigprocmask, and
 * the default actions.
 *
 * A signal sent to a task sets its bit in task->pending. Before the task
 * next returns to user mode, exit_to_user_mode() calls do_signal(), which
 * takes each pending, unblocked signal and acts: ignore it, or terminate
 * the task with a wait status whose low 7 bits are the signal number
 * (what WIFSIGNALED/WTERMSIG decode in the parent), or run the user's
 * handler (arch/x86_64/signal.c builds its frame; rt_sigreturn undoes it).
 *
 * Counterpart: Linux kernel/signal.c.
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

#define sigmask(sig) (1ULL << ((sig)-1))

/* Signals whose default action is to do nothing (signal(7)). */
#define SIG_DEFAULT_IGNORE                                                                         \
	(sigmask(SIGCHLD) | sigmask(SIGURG) | sigmask(SIGWINCH) | sigmask(SIGCONT) |               \
	 sigmask(SIGSTOP) | sigmask(SIGTSTP) | sigmask(SIGTTIN) | sigmask(SIGTTOU))
#define SIG_UNCATCHABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

/* sig_ignored - would @task just discard @sig? Then it is not even queued. */
static bool
sig_ignored(const struct task_struct *task, int sig)
{
	unsigned long handler = task->sighand->action[sig - 1].sa_handler;

	if ((sigmask(sig) & SIG_UNCATCHABLE) || (task->blocked & sigmask(sig)))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && (sigmask(sig) & SIG_DEFAULT_IGNORE));
}

void
send_signal(struct task_struct *task, int sig)
{
	if (sig < 1 || sig > NSIG || sig_ignored(task, sig))
		return;
	task->pending |= sigmask(sig);
	if (task->__state == TASK_INTERRUPTIBLE)
		wake_up_process(task);
}

void
force_sig(int sig)
{
	struct k_sigaction *ka = &current->sighand->action[sig - 1];

	/* A fault's signal cannot be ignored or blocked: the fault would repeat. */
	if (ka->sa_handler == SIG_IGN)
		ka->sa_handler = SIG_DFL;
	current->blocked &= ~sigmask(sig);
	send_signal(current, sig);
}

/* Take the lowest pending, unblocked signal off the pending set. */
static int
dequeue_signal(struct task_struct *task)
{
	uint64_t ready = task->pending & ~task->blocked;

	if (!ready)
		return 0;
	int sig = __builtin_ctzll(ready) + 1;

	task->pending &= ~sigmask(sig);
	return sig;
}

/*
 * syscall_restart - the return value of a system call that a signal cut
 * short (regs->orig_rax is its number; -1 outside system calls). With
 * @ka, the handler about to run, ERESTARTSYS becomes EINTR unless the
 * handler has SA_RESTART, and ERESTARTNOHAND EINTR always; otherwise the
 * call runs again: RAX gets its number back and RIP goes back over the
 * two-byte `syscall` instruction, with the arguments still in their
 * registers. Linux: arch/x86/kernel/signal.c, handle_signal().
 */
static void
syscall_restart(struct pt_regs *regs, const struct k_sigaction *ka)
{
	if ((long)regs->orig_rax < 0)
		return;
	switch ((long)regs->rax) {
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		if (ka) {
			regs->rax = -EINTR;
			return;
		}
		break;
	case -ERESTARTSYS:
		if (ka && !(ka->sa_flags & SA_RESTART)) {
			regs->rax = -EINTR;
			return;
		}
		break;
	case -ERESTARTNOINTR: break;
	default: return;
	}
	regs->rax = regs->orig_rax;
	regs->rip -= 2;
	regs->orig_rax = -1; /* once */
}

/*
 * handle_signal - run the user's handler for @sig: build its frame on the
 * user stack, block what the action says while it runs. A frame that
 * cannot be written kills the task with SIGSEGV, as on Linux.
 */
static void
handle_signal(int sig, struct k_sigaction *ka, struct pt_regs *regs)
{
	bool fault = sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE;

	if (setup_rt_frame(sig, ka, regs, fault ? current->fault_address : 0) < 0)
		do_exit(SIGSEGV);
	current->blocked |= ka->sa_mask;
	if (!(ka->sa_flags & SA_NODEFER))
		current->blocked |= sigmask(sig);
	current->blocked &= ~SIG_UNCATCHABLE;
	if (ka->sa_flags & SA_RESETHAND)
		ka->sa_handler = SIG_DFL;
	current->restore_sigmask = false; /* the frame has the mask to go back to */
}

void
do_signal(struct pt_regs *regs)
{
	int sig;

	while ((sig = dequeue_signal(current)) != 0) {
		struct k_sigaction *ka = &current->sighand->action[sig - 1];
		unsigned long handler = ka->sa_handler;

		if (handler > SIG_IGN && !(sigmask(sig) & SIG_UNCATCHABLE)) {
			syscall_restart(regs, ka); /* before the frame saves RAX and RIP */
			handle_signal(sig, ka, regs);
			return; /* one handler at a time */
		}
		if (handler == SIG_IGN && !(sigmask(sig) & SIG_UNCATCHABLE))
			continue;
		if ((sigmask(sig) & SIG_DEFAULT_IGNORE) && !(sigmask(sig) & SIG_UNCATCHABLE))
			continue;
		if (sig == SIGSTOP)
			continue;   /* stopping is not supported: ignored */
		do_group_exit(sig); /* the process ends: status = sig */
	}
	syscall_restart(regs, NULL); /* no handler ran: the call goes on */
	if (current->restore_sigmask) {
		current->blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
}

/*
 * check_kill_permission - may the caller send @sig to @t? Its own process
 * always; another if the caller's real or effective uid is @t's real or
 * saved uid, or with CAP_KILL (euid 0). SIGCONT goes anywhere in the
 * caller's session, which is every process here (no sessions). 0 or
 * -EPERM; asked for signal 0 too, so kill(pid, 0) tells whether one may.
 */
static int
check_kill_permission(int sig, struct task_struct *t)
{
	const struct cred *cred = current_cred();
	const struct cred *tcred = t->cred ? t->cred : &init_cred;

	if (t->tgid == current->tgid || sig == SIGCONT)
		return 0;
	if (cred->euid == tcred->suid || cred->euid == tcred->uid || cred->uid == tcred->suid ||
	    cred->uid == tcred->uid || capable(CAP_KILL))
		return 0;
	return -EPERM;
}

/* kill(2): pid > 0 one process; pid 0 or -1: every process but init and
 * the caller's ancestors... here: all user processes (no process groups)
 * that the caller may signal (Linux: those it may not are skipped, and
 * only "none at all" is an error, ESRCH). */
SYSCALL_DEFINE2(kill, pid_t, pid, int, sig)
{
	struct task_struct *task;
	int err;

	if (sig < 0 || sig > NSIG)
		return -EINVAL;
	if (pid > 0) {
		task = find_task_by_pid(pid);
		if (!task)
			return -ESRCH;
		err = check_kill_permission(sig, task);
		if (!err && sig && task->__state != EXIT_ZOMBIE)
			send_signal(task, sig);
		return err;
	}
	int count = 0;

	list_for_each_entry(task, &task_list, tasks)
	{
		if (task->pid <= 1 || task->__state == EXIT_ZOMBIE)
			continue;
		if (pid == -1 && task == current)
			continue;
		if (sig && !check_kill_permission(sig, task))
			send_signal(task, sig);
		count++;
	}
	return count ? 0 : -ESRCH;
}

SYSCALL_DEFINE3(tgkill, pid_t, tgid, pid_t, tid, int, sig)
{
	struct task_struct *task;

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	task = find_task_by_pid(tid);
	if (!task || task->tgid != tgid || task->__state == EXIT_DEAD)
		return -ESRCH;
	if (check_kill_permission(sig, task))
		return -EPERM;
	if (sig)
		send_signal(task, sig);
	return 0;
}

SYSCALL_DEFINE2(tkill, pid_t, tid, int, sig)
{
	struct task_struct *task = tid > 0 ? find_task_by_pid(tid) : NULL;

	if (tid <= 0 || sig < 0 || sig > NSIG)
		return -EINVAL;
	if (!task)
		return -ESRCH;
	if (check_kill_permission(sig, task))
		return -EPERM;
	if (sig)
		send_signal(task, sig);
	return 0;
}

int
do_sigaltstack(const struct user_stack *new, struct user_stack *old, unsigned long sp)
{
	if (old) {
		old->ss_sp = current->sas_ss_sp;
		old->ss_size = current->sas_ss_size;
		old->ss_flags = sas_ss_flags(sp) | (int32_t)(current->sas_ss_flags & SS_AUTODISARM);
		old->ss_pad = 0;
	}
	if (!new)
		return 0;
	if (on_sig_stack(sp))
		return -EPERM;
	unsigned int mode = (uint32_t) new->ss_flags & ~SS_AUTODISARM;

	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		current->sas_ss_sp = current->sas_ss_size = current->sas_ss_flags = 0;
		return 0;
	}
	if (new->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	current->sas_ss_sp = new->ss_sp;
	current->sas_ss_size = new->ss_size;
	current->sas_ss_flags = (uint32_t) new->ss_flags; /* as given, SS_ONSTACK too */
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const struct user_stack __user *, uss, struct user_stack __user *,
		uoss)
{
	struct user_stack new, old;
	int err;

	if (uss && copy_from_user(&new, uss, sizeof(new)))
		return -EFAULT;
	err = do_sigaltstack(uss ? &new : NULL, &old, task_pt_regs(current)->rsp);
	if (!err && uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

void
set_restore_sigmask(uint64_t mask)
{
	current->saved_sigmask = current->blocked;
	current->restore_sigmask = true;
	current->blocked = mask & ~SIG_UNCATCHABLE;
}

/* sleep_until_signal - sleep until a signal is pending (for a handler or
 * to end the task): then -ERESTARTNOHAND, which is EINTR after a handler. */
static long
sleep_until_signal(void)
{
	struct wait_queue_head nobody = { LIST_HEAD_INIT(nobody.head) };

	wait_event_interruptible(nobody, false);
	return -ERESTARTNOHAND;
}

/* pause - wait for a signal. */
SYSCALL_DEFINE0(pause)
{
	return sleep_until_signal();
}

/*
 * rt_sigsuspend - wait for a signal with the mask *@unewset in place of the
 * current one; the current one comes back when the handler returns (its
 * frame saves it: sigmask_to_save), or at once if no handler runs.
 */
SYSCALL_DEFINE2(rt_sigsuspend, const uint64_t __user *, unewset, size_t, sigsetsize)
{
	uint64_t mask;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (copy_from_user(&mask, unewset, sizeof(mask)))
		return -EFAULT;
	set_restore_sigmask(mask);
	return sleep_until_signal();
}

/* rt_sigpending - the signals sent but blocked (the first @sigsetsize bytes). */
SYSCALL_DEFINE2(rt_sigpending, uint64_t __user *, uset, size_t, sigsetsize)
{
	uint64_t pending = current->pending & current->blocked;

	if (sigsetsize > sizeof(uint64_t))
		return -EINVAL;
	return copy_to_user(uset, &pending, sigsetsize) ? -EFAULT : 0;
}

/* rt_sigaction: the kernel's struct sigaction is handler, flags, restorer, mask. */
SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct k_sigaction __user *, act,
		struct k_sigaction __user *, oact, size_t, sigsetsize)
{
	struct k_sigaction new;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (sig < 1 || sig > NSIG)
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	if (act && (sigmask(sig) & SIG_UNCATCHABLE))
		return -EINVAL;
	if (oact && copy_to_user(oact, &current->sighand->action[sig - 1], sizeof(new)))
		return -EFAULT;
	if (act) {
		new.sa_mask &= ~SIG_UNCATCHABLE;
		current->sighand->action[sig - 1] = new;
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const uint64_t __user *, nset, uint64_t __user *, oset,
		size_t, sigsetsize)
{
	uint64_t set, old = current->blocked;

	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (nset) {
		if (copy_from_user(&set, nset, sizeof(set)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK: current->blocked |= set; break;
		case SIG_UNBLOCK: current->blocked &= ~set; break;
		case SIG_SETMASK: current->blocked = set; break;
		default: return -EINVAL;
		}
		current->blocked &= ~SIG_UNCATCHABLE;
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
