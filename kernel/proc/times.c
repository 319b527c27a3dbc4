/*
 * kernel/proc/times.c - CPU time and the interval timers: times(),
 * getrusage(), setitimer(), getitimer(), alarm().
 *
 * Each timer tick (HZ a second) is charged to the task it interrupted
 * (account_tick, from the timer interrupt): to its user time if it was in
 * user mode, else to its system time; the idle task is not charged.
 * A process's three interval timers count down in ticks:
 *
 *   ITIMER_REAL     every tick                    -> SIGALRM (alarm())
 *   ITIMER_VIRTUAL  the ticks it spends in user mode -> SIGVTALRM
 *   ITIMER_PROF     the ticks it runs, user or kernel -> SIGPROF
 *
 * A value in microseconds becomes whole ticks, rounded up, so a timer
 * never fires early; when it fires, it reloads its interval (0: it
 * stops). fork gives the child no timers; execve keeps them.
 *
 * When a parent reaps a child (wait4), the child's times, its own and
 * its children's, are added to the parent's children-times.
 *
 * Counterpart: Linux kernel/time/itimer.c, kernel/sys.c (times,
 * getrusage), kernel/time/time.c.
 */
#include <pagoda/jiffies.h>
#include <pagoda/kernel.h>
#include <pagoda/mm_types.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <asm/page.h>
#include <asm/processor.h>

#include <uapi/errno.h>
#include <uapi/resource.h>
#include <uapi/rusage.h>
#include <uapi/time.h>

#define USEC_PER_TICK (1000000 / HZ)

static const int itimer_signal[3] = { SIGALRM, SIGVTALRM, SIGPROF };

/* How many tasks have an ITIMER_REAL running: the tick looks at every
 * task only when some do. */
static unsigned int real_timers;

/* set_itimer - arm timer @which of @p with @value ticks (0: stop it).
 * The timer interrupt changes them too: interrupts are off meanwhile. */
static void
set_itimer(struct task_struct *p, int which, unsigned long value, unsigned long interval)
{
	unsigned long flags = local_irq_save();

	if (which == ITIMER_REAL)
		real_timers += (value != 0) - (p->it_value[which] != 0);
	p->it_value[which] = value;
	p->it_interval[which] = interval;
	local_irq_restore(flags);
}

/* itimer_tick - one tick off timer @which of @p; the signal when it expires. */
static void
itimer_tick(struct task_struct *p, int which)
{
	if (!p->it_value[which] || --p->it_value[which])
		return;
	set_itimer(p, which, p->it_interval[which], p->it_interval[which]);
	send_signal(p, itimer_signal[which]);
}

void
account_tick(bool user)
{
	struct task_struct *p = current;

	if (p != &init_task) {
		if (user) {
			p->utime++;
			itimer_tick(p, ITIMER_VIRTUAL);
		} else {
			p->stime++;
		}
		itimer_tick(p, ITIMER_PROF);
	}
	if (!real_timers)
		return;
	list_for_each_entry(p, &task_list, tasks) if (p->__state != EXIT_ZOMBIE)
		itimer_tick(p, ITIMER_REAL);
}

/* Microseconds to ticks, rounded up; tv must be valid. */
static unsigned long
timeval_to_ticks(const struct timeval *tv)
{
	return (unsigned long)tv->tv_sec * HZ + DIV_ROUND_UP(tv->tv_usec, USEC_PER_TICK);
}

static struct timeval
ticks_to_timeval(unsigned long ticks)
{
	return (struct timeval){ ticks / HZ, (ticks % HZ) * USEC_PER_TICK };
}

static bool
timeval_valid(const struct timeval *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000 &&
	       (uint64_t)tv->tv_sec < (uint64_t)INT64_MAX / HZ / 2;
}

/*
 * A real timer is armed one tick longer than asked: the next tick may
 * come at once, and the timer must not fire early (Linux's jiffy timers
 * did the same). What is left is reported without that tick, but never
 * as 0 while the timer runs.
 */
static unsigned long
real_ticks(int which, unsigned long ticks)
{
	return which == ITIMER_REAL && ticks ? ticks + 1 : ticks;
}

static struct itimerval
get_itimer(int which)
{
	unsigned long left = current->it_value[which];
	struct itimerval it = { ticks_to_timeval(current->it_interval[which]),
				ticks_to_timeval(which == ITIMER_REAL && left ? left - 1 : left) };

	if (left && !it.it_value.tv_sec && !it.it_value.tv_usec)
		it.it_value.tv_usec = 1;
	return it;
}

SYSCALL_DEFINE2(getitimer, int, which, struct itimerval __user *, value)
{
	struct itimerval now;

	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	now = get_itimer(which);
	return copy_to_user(value, &now, sizeof(now)) ? -EFAULT : 0;
}

/* setitimer: a NULL @value stops the timer, as Linux allows. */
SYSCALL_DEFINE3(setitimer, int, which, const struct itimerval __user *, value,
		struct itimerval __user *, ovalue)
{
	struct itimerval new = { { 0, 0 }, { 0, 0 } }, old;

	if (value && copy_from_user(&new, value, sizeof(new)))
		return -EFAULT;
	if (which < ITIMER_REAL || which > ITIMER_PROF)
		return -EINVAL;
	if (!timeval_valid(&new.it_value) || !timeval_valid(&new.it_interval))
		return -EINVAL;
	old = get_itimer(which);
	set_itimer(current, which, real_ticks(which, timeval_to_ticks(&new.it_value)),
		   timeval_to_ticks(&new.it_interval));
	if (ovalue && copy_to_user(ovalue, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* alarm - ITIMER_REAL once, in @seconds; the seconds the last one had left. */
SYSCALL_DEFINE1(alarm, unsigned int, seconds)
{
	struct timeval left = get_itimer(ITIMER_REAL).it_value;

	set_itimer(current, ITIMER_REAL, real_ticks(ITIMER_REAL, (unsigned long)seconds * HZ), 0);
	/* Linux's rounding: to the nearest second, but never 0 if some is left. */
	if ((!left.tv_sec && left.tv_usec) || left.tv_usec >= 500000)
		left.tv_sec++;
	return left.tv_sec;
}

SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms t = { current->utime, current->stime, current->cutime, current->cstime };

	if (tbuf && copy_to_user(tbuf, &t, sizeof(t)))
		return -EFAULT;
	return jiffies; /* in USER_HZ ticks, which here are jiffies */
}

/* Peak resident pages of @p: the most seen, or now, or at its exit. */
static unsigned long
peak_rss(const struct task_struct *p)
{
	const struct mm_struct *mm = p->mm;
	unsigned long rss;

	if (!mm)
		return p->maxrss;
	rss = mm->rss[MM_ANONPAGES] + mm->rss[MM_FILEPAGES];
	return max(rss, mm->hiwater_rss);
}

/* fill_rusage - @p's own usage (RUSAGE_SELF) or its children's. */
static void
fill_rusage(const struct task_struct *p, int who, struct rusage *ru)
{
	memset(ru, 0, sizeof(*ru));
	if (who == RUSAGE_CHILDREN) {
		ru->ru_utime = ticks_to_timeval(p->cutime);
		ru->ru_stime = ticks_to_timeval(p->cstime);
		ru->ru_maxrss = p->cmaxrss * (PAGE_SIZE / 1024);
		ru->ru_minflt = p->cmin_flt;
		return;
	}
	ru->ru_utime = ticks_to_timeval(p->utime);
	ru->ru_stime = ticks_to_timeval(p->stime);
	ru->ru_maxrss = peak_rss(p) * (PAGE_SIZE / 1024);
	ru->ru_minflt = p->min_flt;
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	fill_rusage(current, who == RUSAGE_THREAD ? RUSAGE_SELF : who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

/*
 * reap_times - the parent's side of reaping zombie @p: its children-times
 * grow by @p's, and *@ru (if not NULL) gets what wait4 reports of @p: its
 * own usage and its children's together.
 */
void
reap_times(struct task_struct *p, struct rusage *ru)
{
	struct task_struct *parent = current;

	parent->cutime += p->utime + p->cutime;
	parent->cstime += p->stime + p->cstime;
	parent->cmin_flt += p->min_flt + p->cmin_flt;
	parent->cmaxrss = max(parent->cmaxrss, max(p->maxrss, p->cmaxrss));
	if (ru) {
		memset(ru, 0, sizeof(*ru));
		ru->ru_utime = ticks_to_timeval(p->utime + p->cutime);
		ru->ru_stime = ticks_to_timeval(p->stime + p->cstime);
		ru->ru_maxrss = max(p->maxrss, p->cmaxrss) * (PAGE_SIZE / 1024);
		ru->ru_minflt = p->min_flt + p->cmin_flt;
	}
}

void
exit_times(struct task_struct *p)
{
	for (int which = 0; which < 3; which++)
		set_itimer(p, which, 0, 0);
	p->maxrss = peak_rss(p);
}
