/*
 * include/pagoda/sched.h - processes: struct task_struct and the scheduler.
 *
 * Every process (Pagoda has no threads yet) is a task_struct: its kernel
 * stack and saved registers, its address space (mm), its open files, its
 * parent and children, its signals. `current` is the task running now.
 *
 * Counterpart: Linux include/linux/sched.h.
 */
#ifndef PAGODA_SCHED_H
#define PAGODA_SCHED_H

#include <pagoda/compiler.h>
#include <pagoda/list.h>
#include <pagoda/lockdep.h>
#include <pagoda/types.h>
#include <pagoda/wait.h>

#include <asm/processor.h>
#include <asm/ptrace.h>

#include <uapi/resource.h>
#include <uapi/signal.h>

typedef int pid_t;

/* task->__state (Linux's values). */
#define TASK_RUNNING	     0x0000 /* running or on the run queue */
#define TASK_INTERRUPTIBLE   0x0001 /* sleeping; a signal wakes it */
#define TASK_UNINTERRUPTIBLE 0x0002 /* sleeping; only wake_up ends it (a lock) */
#define EXIT_ZOMBIE	     0x0020 /* exited, waiting for its parent's wait */
#define EXIT_DEAD	     0x0010 /* reaped; being freed */

#define TASK_COMM_LEN	     16
#define PID_MAX		     32768
/* The process table's size: fork fails with EAGAIN when it is full, so a
 * fork bomb stops there (and kernel stacks, 16 KiB each, stay bounded). */
#define MAX_TASKS	     512
#define NSIG		     64

/* Resource limits (prlimit64): RLIMIT_* index task->rlim. */
struct rlimit64 {
	uint64_t rlim_cur; /* soft limit: what is enforced */
	uint64_t rlim_max; /* hard limit: the most the soft may be raised to */
};

/*
 * The resource limits of the first process, inherited by every other:
 * none, except an 8 MiB stack, no core files, 1024 open files (4096 at
 * most) and the process table's size. Linux's INIT_RLIMITS
 * (include/asm-generic/resource.h), whose RLIMIT_NPROC is computed from
 * memory at boot instead.
 */
#define INIT_RLIMITS                                                                               \
	{                                                                                          \
		[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },                                   \
		[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },                                 \
		[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },                                  \
		[RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },                                      \
		[RLIMIT_CORE] = { 0, RLIM_INFINITY },                                              \
		[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },                                   \
		[RLIMIT_NPROC] = { MAX_TASKS, MAX_TASKS },                                         \
		[RLIMIT_NOFILE] = { INR_OPEN_CUR, INR_OPEN_MAX },                                  \
		[RLIMIT_MEMLOCK] = { RLIM_INFINITY, RLIM_INFINITY },                               \
		[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },                                    \
		[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },                                 \
		[RLIMIT_SIGPENDING] = { RLIM_INFINITY, RLIM_INFINITY },                            \
		[RLIMIT_MSGQUEUE] = { RLIM_INFINITY, RLIM_INFINITY },                              \
		[RLIMIT_NICE] = { RLIM_INFINITY, RLIM_INFINITY },                                  \
		[RLIMIT_RTPRIO] = { RLIM_INFINITY, RLIM_INFINITY },                                \
		[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },                                \
	}

struct mm_struct;
struct files_struct;
struct fs_struct;
struct cred;

struct task_struct {
	volatile long __state;	     /* TASK_RUNNING, TASK_INTERRUPTIBLE, EXIT_* */
	struct thread_struct thread; /* saved kernel registers, FS base, FPU */
	void *stack;		     /* bottom of the kernel stack (THREAD_SIZE) */
	struct list_head run_list;   /* in the run queue when runnable */
	struct list_head tasks;	     /* in the list of all tasks */

	pid_t pid;			      /* the thread's id (gettid) */
	pid_t tgid;			      /* its process's: the leader's pid (getpid) */
	struct task_struct *group_leader;     /* the process's first thread */
	struct list_head thread_group;	      /* the process's other threads (a ring) */
	bool group_exiting;		      /* exit_group or a fatal signal: all end */
	int group_exit_code;		      /* ... with this wait status */
	struct vfork_done *vfork_done;	      /* CLONE_VFORK: the parent waits on it */
	char comm[TASK_COMM_LEN];	      /* program name, as ps shows it */
	struct task_struct *parent;	      /* who wait()s for it (init if orphaned) */
	struct list_head children;	      /* its children (their sibling) */
	struct list_head sibling;	      /* in the parent's children */
	struct wait_queue_head wait_chldexit; /* the parent sleeps here in wait4 */
	int exit_code;			      /* the wait status, once a zombie */

	struct mm_struct *mm;	    /* address space; NULL for kernel threads */
	struct files_struct *files; /* open file descriptors */
	struct fs_struct *fs;	    /* working directory */
	const struct cred *cred;    /* its ids (NULL: init_cred's, at boot) */

	uint64_t pending;		/* signals sent, not yet delivered (bit n-1) */
	uint64_t blocked;		/* signals masked by sigprocmask */
	unsigned long fault_address;	/* where the last SIGSEGV fault was (si_addr) */
	struct sighand_struct *sighand; /* rt_sigaction's records (shared by threads) */
	unsigned long sas_ss_sp;	/* sigaltstack: the alternate stack, */
	size_t sas_ss_size;		/* its size (0: none) */
	unsigned int sas_ss_flags;	/* and the flags it was given */

	uint64_t saved_sigmask; /* rt_sigsuspend: the mask to put back */
	bool restore_sigmask;	/* ... after the handler (or now) */

	unsigned long utime, stime;	 /* timer ticks in user mode, in the kernel */
	unsigned long cutime, cstime;	 /* the same of reaped children (and theirs) */
	unsigned long min_flt, cmin_flt; /* page faults (all minor), own and children's */
	unsigned long maxrss, cmaxrss;	 /* peak resident pages, at exit; children's peak */
	unsigned long it_value[3];	 /* interval timers: ticks to go (0: off), */
	unsigned long it_interval[3];	 /* and the ticks to reload (ITIMER_*) */

	struct rlimit64 rlim[RLIM_NLIMITS]; /* resource limits */
	unsigned long set_child_tid;   /* CLONE_CHILD_SETTID: schedule_tail writes the tid here */
	unsigned long clear_child_tid; /* set_tid_address, CLONE_CHILD_CLEARTID */
	unsigned long robust_list;     /* set_robust_list (recorded only) */

	int lockdep_depth;			     /* locks held now (lockdep.h) */
	struct held_lock held_locks[MAX_LOCK_DEPTH]; /* ... oldest first */
};

extern struct task_struct *current_task;

/* The signal actions of a process: its threads share them (CLONE_SIGHAND). */
struct sighand_struct {
	int count;			 /* tasks using it */
	struct k_sigaction action[NSIG]; /* rt_sigaction's records */
};

/* The parent of a CLONE_VFORK child waits until the child execs or exits. */
struct vfork_done {
	bool done;
	struct wait_queue_head wait;
};

/*
 * current - the task running on this CPU. Linux's is get_current(), an
 * inline function that reads a per-CPU variable; with one CPU it is the
 * global current_task. An object-like macro and not an inline function:
 * GDB places `break F` on F's first line, but reports it in the header
 * of an inline helper when F's first line calls one, and many a first
 * line reads current. In GDB, `p current->mm` works (the kernel is built
 * with -g3, which keeps macros), as does `p $current()` (tools/gdb).
 */
#define current current_task

/* The boot task, pid 0: it becomes the idle loop. */
extern struct task_struct init_task;

/* kernel/proc/sched.c: the run queue. */
void sched_init(void);
void wake_up_process(struct task_struct *task); /* make runnable */
void scheduler_tick(void);			/* the timer, HZ times a second */
void schedule_tail(void);			/* a new task's first step (CLONE_CHILD_SETTID) */
extern bool need_resched;

/* exit_to_user_mode - last stop before user mode: reschedule if the time
 * slice is over, deliver pending signals (kernel/proc/sched.c). */
void exit_to_user_mode(struct pt_regs *regs);

/* kernel/proc/fork.c */
struct task_struct *find_task_by_pid(pid_t pid);
pid_t kernel_thread(void (*fn)(void *), void *arg, const char *name);
void free_task(struct task_struct *p);
void release_dead_task(struct task_struct *p); /* an exited thread: free it soon */
void fork_init(void);
extern struct list_head task_list; /* every task (tasks) */
int nr_task_count(void);	   /* how many tasks there are, zombies too */

/*
 * kernel/proc/times.c: account_tick() charges a timer tick to the current
 * task (@user: it was in user mode) and runs the interval timers;
 * exit_times() stops a task's timers and keeps its peak RSS at exit;
 * reap_times() adds a reaped child's times to its parent's (and fills
 * wait4's rusage, if @ru).
 */
struct rusage;
void account_tick(bool user);
void exit_times(struct task_struct *p);
void reap_times(struct task_struct *p, struct rusage *ru);

/* kernel/proc/exit.c: end the current task with wait status @code;
 * do_group_exit ends every thread of the process with it. */
__noreturn void do_exit(int code);
__noreturn void do_group_exit(int code);
void vfork_release(struct task_struct *task);  /* exec or exit: the parent goes on */
int de_thread(void);			       /* execve: the other threads end */
int unshare_sighand(struct task_struct *task); /* ... and the actions are its own */
void futex_wake_tid(unsigned long uaddr);      /* kernel/proc/futex.c */
bool thread_group_alone(const struct task_struct *task);

/* The machine side (kernel/arch/x86_64/process.c). */
void *arch_alloc_kernel_stack(void);
void arch_free_kernel_stack(void *stack);
struct pt_regs *task_pt_regs(struct task_struct *task);
void arch_copy_thread(struct task_struct *p, const struct pt_regs *regs, void (*fn)(void *),
		      void *arg);
void arch_switch_to(struct task_struct *prev, struct task_struct *next);
void arch_switch_mm(uint64_t *pgd);
void arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
void arch_fpu_save(uint8_t *buf);
void arch_fpu_reset(void);
void arch_fpu_restore_user(uint8_t *buf);
int setup_rt_frame(int sig, const struct k_sigaction *ka, struct pt_regs *regs, uint64_t addr);

#endif /* PAGODA_SCHED_H */
