/*
 * kernel/proc/sys.c - small system calls about the process and the system.
 *
 * The identity calls (getpid, getppid, getuid...), uname, resource limits
 * (prlimit64 and friends), time, and the calls a C library makes at
 * start-up that Pagoda only needs to record (set_tid_address,
 * set_robust_list) or may decline (rseq).
 *
 * Counterpart: Linux kernel/sys.c, kernel/time/posix-timers.c.
 */
#include <pagoda/arch.h>
#include <pagoda/jiffies.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>
#include <pagoda/version.h>

#include <uapi/errno.h>
#include <uapi/resource.h>

SYSCALL_DEFINE0(getpid)
{
	return current->pid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	return current->parent ? current->parent->pid : 0;
}

/* Everyone is root: uid 0, gid 0. */
SYSCALL_DEFINE0(getuid)
{
	return 0;
}

SYSCALL_DEFINE0(geteuid)
{
	return 0;
}

SYSCALL_DEFINE0(getgid)
{
	return 0;
}

SYSCALL_DEFINE0(getegid)
{
	return 0;
}

SYSCALL_DEFINE0(getpgrp)
{
	return current->pid;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return pid ? pid : current->pid;
}

SYSCALL_DEFINE0(setsid)
{
	return current->pid;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	return 0;
}

/* set_tid_address - where to write 0 when this task exits. */
SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != 24) /* sizeof(struct robust_list_head) */
		return -EINVAL;
	current->robust_list = (unsigned long)head;
	return 0;
}

/* new_utsname: six fields of 65 bytes, as uname(2) returns them. */
struct new_utsname {
	char sysname[65];
	char nodename[65];
	char release[65];
	char version[65];
	char machine[65];
	char domainname[65];
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Pagoda", sizeof(u.sysname));
	strlcpy(u.nodename, "pagoda", sizeof(u.nodename));
	strlcpy(u.release, "6.1.0-pagoda", sizeof(u.release));
	strlcpy(u.version, PAGODA_VERSION, sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource, const struct rlimit64 __user *,
		new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct task_struct *task = pid ? find_task_by_pid(pid) : current;
	struct rlimit64 lim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (!task)
		return -ESRCH;
	if (new_rlim) {
		if (copy_from_user(&lim, new_rlim, sizeof(lim)))
			return -EFAULT;
		if (lim.rlim_cur > lim.rlim_max)
			return -EINVAL;
	}
	if (old_rlim && copy_to_user(old_rlim, &task->rlim[resource], sizeof(lim)))
		return -EFAULT;
	if (new_rlim)
		task->rlim[resource] = lim;
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	return copy_to_user(rlim, &current->rlim[resource], sizeof(*rlim)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit64 __user *, rlim)
{
	struct rlimit64 lim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (copy_from_user(&lim, rlim, sizeof(lim)))
		return -EFAULT;
	if (lim.rlim_cur > lim.rlim_max)
		return -EINVAL;
	current->rlim[resource] = lim;
	return 0;
}

struct kernel_timespec {
	int64_t tv_sec;
	int64_t tv_nsec;
};

#define CLOCK_REALTIME		 0
#define CLOCK_MONOTONIC		 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID	 3
#define CLOCK_MONOTONIC_RAW	 4
#define CLOCK_REALTIME_COARSE	 5
#define CLOCK_MONOTONIC_COARSE	 6
#define CLOCK_BOOTTIME		 7

/* Time since boot from the TSC; the wall clock starts at the epoch. */
SYSCALL_DEFINE2(clock_gettime, int, which, struct kernel_timespec __user *, tp)
{
	struct kernel_timespec ts;
	uint64_t us;

	if (which < 0 || which > CLOCK_BOOTTIME)
		return -EINVAL;
	us = arch_cycles_to_us(arch_cycles());
	ts.tv_sec = us / 1000000;
	ts.tv_nsec = (us % 1000000) * 1000;
	return copy_to_user(tp, &ts, sizeof(ts)) ? -EFAULT : 0;
}

SYSCALL_DEFINE1(time, int64_t __user *, tloc)
{
	int64_t t = arch_cycles_to_us(arch_cycles()) / 1000000;

	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

SYSCALL_DEFINE0(sched_yield)
{
	need_resched = true;
	schedule();
	return 0;
}

/* nanosleep - sleep by yielding until the time has passed. */
SYSCALL_DEFINE2(nanosleep, const struct kernel_timespec __user *, rqtp,
		struct kernel_timespec __user *, rmtp)
{
	struct kernel_timespec ts;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
		return -EINVAL;
	unsigned long ticks = ts.tv_sec * HZ + DIV_ROUND_UP(ts.tv_nsec, 1000000000 / HZ);
	unsigned long end = jiffies + ticks;

	while ((long)(jiffies - end) < 0) {
		if (signal_pending(current))
			return -EINTR;
		need_resched = true;
		schedule();
		arch_idle(); /* nothing else to run: wait for the next tick */
	}
	return 0;
}

#define LINUX_REBOOT_MAGIC1	   0xfee1dead
#define LINUX_REBOOT_MAGIC2	   672274793
#define LINUX_REBOOT_CMD_RESTART   0x01234567
#define LINUX_REBOOT_CMD_HALT	   0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc

/* reboot - power off (or halt) the machine; restarting also powers off. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 || magic2 != LINUX_REBOOT_MAGIC2)
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_RESTART: arch_power_off();
	default: return -EINVAL;
	}
}
