/*
 * kernel/proc/sys.c - small system calls about the process and the system.
 *
 * The identity calls (getpid, getppid; the uid and gid calls are in
 * kernel/proc/uid.c), uname, resource limits
 * (prlimit64 and friends), time, and the calls a C library makes at
 * start-up that Pagoda only needs to record (set_tid_address,
 * set_robust_list) or may decline (rseq).
 *
 * Counterpart: Linux kernel/sys.c, kernel/time/posix-timers.c.
 */
#include <pagoda/arch.h>
#include <pagoda/gfp.h>
#include <pagoda/jiffies.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/time.h>
#include <pagoda/uaccess.h>
#include <pagoda/version.h>

#include <asm/page.h>

#include <uapi/errno.h>
#include <uapi/resource.h>
#include <uapi/time.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid; /* the process; gettid is the thread */
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	struct task_struct *parent = current->group_leader->parent;

	return parent ? parent->tgid : 0;
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

/* Time since boot from the TSC; the wall clock starts at the epoch. */
SYSCALL_DEFINE2(clock_gettime, int, which, struct timespec __user *, tp)
{
	struct timespec ts;
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

/* timespec_to_us - see include/pagoda/time.h. */
long
timespec_to_us(const struct timespec *ts, uint64_t *us)
{
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -EINVAL;
	if ((uint64_t)ts->tv_sec > UINT64_MAX / 1000000 - 1)
		*us = UINT64_MAX; /* forever, near enough */
	else
		*us = (uint64_t)ts->tv_sec * 1000000 + DIV_ROUND_UP(ts->tv_nsec, 1000);
	return 0;
}

/*
 * do_nanosleep - sleep until the clock reads @end (us), giving the CPU to
 * others and idling to the next timer tick meanwhile. 0, or -EINTR if a
 * signal arrives first, with what was left of the sleep in *@left.
 */
static long
do_nanosleep(uint64_t end, uint64_t *left)
{
	for (;;) {
		uint64_t now = now_us();

		if (now >= end)
			return 0;
		if (signal_pending(current)) {
			*left = end - now;
			return -EINTR;
		}
		need_resched = true;
		schedule();
		arch_idle(); /* nothing else to run: wait for the next tick */
	}
}

/* Write the rest of an interrupted relative sleep to *@rmtp, if asked. */
static long
sleep_left(long ret, uint64_t left, struct timespec __user *rmtp)
{
	struct timespec rem = { left / 1000000, (left % 1000000) * 1000 };

	if (ret == -EINTR && rmtp && copy_to_user(rmtp, &rem, sizeof(rem)))
		return -EFAULT;
	return ret;
}

/* nanosleep - sleep for *@rqtp; interrupted by a signal, say what was left. */
SYSCALL_DEFINE2(nanosleep, const struct timespec __user *, rqtp, struct timespec __user *, rmtp)
{
	struct timespec ts;
	uint64_t us, start = now_us(), left = 0;
	long ret;

	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	ret = timespec_to_us(&ts, &us);
	if (ret)
		return ret;
	ret = do_nanosleep(us > UINT64_MAX - start ? UINT64_MAX : start + us, &left);
	return sleep_left(ret, left, rmtp);
}

/*
 * clock_nanosleep - nanosleep on a given clock, to an absolute time with
 * TIMER_ABSTIME (glibc's nanosleep and sleep use it). As Linux: the clocks
 * that cannot sleep, the thread's CPU time among them, are EOPNOTSUPP,
 * unknown ids EINVAL; only a relative sleep reports what was left.
 */
SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags, const struct timespec __user *, rqtp,
		struct timespec __user *, rmtp)
{
	struct timespec ts;
	uint64_t us, start = now_us(), left = 0;
	long ret;

	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_MONOTONIC:
	case CLOCK_BOOTTIME:
	case CLOCK_PROCESS_CPUTIME_ID: break; /* CPU time is time since boot here */
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE: return -EOPNOTSUPP;
	default: return -EINVAL;
	}
	if (copy_from_user(&ts, rqtp, sizeof(ts)))
		return -EFAULT;
	ret = timespec_to_us(&ts, &us);
	if (ret)
		return ret;
	if (flags & TIMER_ABSTIME)
		return do_nanosleep(us, &left);
	ret = do_nanosleep(us > UINT64_MAX - start ? UINT64_MAX : start + us, &left);
	return sleep_left(ret, left, rmtp);
}

/* struct sysinfo, Linux's x86-64 layout (112 bytes). */
struct sysinfo {
	int64_t uptime;	   /* seconds since boot */
	uint64_t loads[3]; /* load averages (not kept: 0) */
	uint64_t totalram; /* in mem_unit bytes */
	uint64_t freeram;
	uint64_t sharedram;
	uint64_t bufferram;
	uint64_t totalswap;
	uint64_t freeswap;
	uint16_t procs; /* tasks */
	uint16_t pad;
	uint64_t totalhigh;
	uint64_t freehigh;
	uint32_t mem_unit; /* bytes of a memory unit */
	char _f[4];	   /* padding to Linux's size */
};

static_assert(sizeof(struct sysinfo) == 112, "Linux's struct sysinfo");

/* sysinfo - uptime, memory and the number of tasks, as free(1) reads them. */
SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct sysinfo si;

	memset(&si, 0, sizeof(si));
	si.uptime = now_us() / 1000000;
	si.totalram = totalram_pages() * PAGE_SIZE; /* in bytes, as Linux gives */
	si.freeram = nr_free_pages() * PAGE_SIZE;   /* them when they fit */
	si.procs = nr_task_count();
	si.mem_unit = 1;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
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
