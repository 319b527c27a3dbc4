/*
 * kernel/fs/select.c - waiting for descriptors: poll, ppoll, select,
 * pselect6.
 *
 * Each kind of file says what it is ready for now (file_operations.poll:
 * a pipe's read end has bytes or no writer left, a write end has room, the
 * console has a line); files without a poll operation (initramfs files,
 * /proc, /dev) are always ready, as in Linux. The calls look at every
 * descriptor; if none is ready and there is time left, the task gives the
 * CPU away and looks again at the next timer tick, until something is
 * ready, the time is up, or a signal arrives (EINTR after a handler).
 * Checking on ticks rather than sleeping on every file's wait queue
 * keeps the code short; the price is up to a tick (10 ms) of latency.
 *
 * Counterpart: Linux fs/select.c.
 */
#include <pagoda/arch.h>
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/time.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>
#include <uapi/poll.h>
#include <uapi/time.h>

#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)
#define POLL_MAX_FDS	 INR_OPEN_CUR /* nfds beyond RLIMIT_NOFILE's default: EINVAL */

/* file_poll - what @file is ready for now. */
static unsigned int
file_poll(struct file *file)
{
	return file->f_op && file->f_op->poll ? file->f_op->poll(file) : DEFAULT_POLLMASK;
}

/*
 * wait_a_tick - nothing is ready: let others run and wait for the next
 * tick. -ERESTARTNOHAND if a signal is pending, 0 otherwise.
 */
static long
wait_a_tick(void)
{
	if (signal_pending(current))
		return -ERESTARTNOHAND;
	need_resched = true;
	schedule();
	arch_idle();
	return signal_pending(current) ? -ERESTARTNOHAND : 0;
}

/* The end of a wait of @us microseconds from now (UINT64_MAX: forever). */
static uint64_t
deadline(uint64_t us)
{
	uint64_t now = now_us();

	return us > UINT64_MAX - now ? UINT64_MAX : now + us;
}

/* ---------------------------------------------------------------- poll */

/* do_poll_once - fill in each revents; how many entries have some. */
static int
do_poll_once(struct pollfd *fds, unsigned int nfds)
{
	int count = 0;

	for (unsigned int i = 0; i < nfds; i++) {
		struct file *file;

		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		file = fget(fds[i].fd);
		if (!file) {
			fds[i].revents = POLLNVAL;
		} else {
			fds[i].revents = file_poll(file) & (fds[i].events | POLLERR | POLLHUP);
			fput(file);
		}
		count += fds[i].revents != 0;
	}
	return count;
}

/* do_sys_poll - poll @ufds until something is ready or @end (us) passes. */
static long
do_sys_poll(struct pollfd __user *ufds, unsigned int nfds, uint64_t end)
{
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	struct pollfd *fds;
	long ret;

	if (nfds > POLL_MAX_FDS || nfds > current->rlim[RLIMIT_NOFILE].rlim_cur)
		return -EINVAL;
	fds = kmalloc(size ? size : 1, GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	ret = copy_from_user(fds, ufds, size) ? -EFAULT : 0;
	while (!ret) {
		ret = do_poll_once(fds, nfds);
		if (ret || now_us() >= end)
			break;
		ret = wait_a_tick();
	}
	if (ret >= 0 && copy_to_user(ufds, fds, size))
		ret = -EFAULT;
	kfree(fds);
	return ret;
}

/* poll - @timeout in milliseconds; negative: no limit. */
SYSCALL_DEFINE3(poll, struct pollfd __user *, ufds, unsigned int, nfds, int, timeout)
{
	uint64_t end = timeout < 0 ? UINT64_MAX : deadline((uint64_t)timeout * 1000);

	return do_sys_poll(ufds, nfds, end);
}

/* Read a relative timeout *@uts (NULL: none) as the end of the wait. */
static long
timeout_end(const struct timespec __user *uts, uint64_t *end)
{
	struct timespec ts;
	uint64_t us;

	*end = UINT64_MAX;
	if (!uts)
		return 0;
	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (timespec_to_us(&ts, &us))
		return -EINVAL;
	*end = deadline(us);
	return 0;
}

/* Write what is left of the wait ending at @end to *@uts (Linux does). */
static void
timeout_left(struct timespec __user *uts, uint64_t end)
{
	uint64_t now = now_us(), left = end > now ? end - now : 0;
	struct timespec ts = { left / 1000000, (left % 1000000) * 1000 };

	if (uts && end != UINT64_MAX)
		(void)copy_to_user(uts, &ts, sizeof(ts));
}

/*
 * With a signal mask (ppoll, pselect6): wait with *@umask in place of the
 * current mask; after a signal, the handler's frame restores the old one
 * (as rt_sigsuspend), otherwise it comes back here.
 */
static long
set_wait_sigmask(const uint64_t __user *umask, size_t sigsetsize)
{
	uint64_t mask;

	if (!umask)
		return 0;
	if (sigsetsize != sizeof(uint64_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	set_restore_sigmask(mask);
	return 0;
}

static void
end_wait_sigmask(long ret)
{
	/* Interrupted: do_signal restores the mask after the handler. */
	if (current->restore_sigmask && ret != -ERESTARTNOHAND) {
		current->blocked = current->saved_sigmask;
		current->restore_sigmask = false;
	}
}

SYSCALL_DEFINE5(ppoll, struct pollfd __user *, ufds, unsigned int, nfds, struct timespec __user *,
		tsp, const uint64_t __user *, sigmask, size_t, sigsetsize)
{
	uint64_t end;
	long ret = timeout_end(tsp, &end);

	if (!ret)
		ret = set_wait_sigmask(sigmask, sigsetsize);
	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, end);
	end_wait_sigmask(ret);
	timeout_left(tsp, end);
	return ret;
}

/* ---------------------------------------------------------------- select */

#define FDSET_LONGS (NR_OPEN_DEFAULT / 64)

struct fd_sets {
	uint64_t in[FDSET_LONGS], out[FDSET_LONGS], ex[FDSET_LONGS];
};

static bool
fd_isset(const uint64_t *set, int fd)
{
	return set[fd / 64] & (1ULL << (fd % 64));
}

/* Read the first @n bits of the user's fd_set @u (NULL: empty) into @set. */
static long
get_fd_set(uint64_t *set, const void __user *u, int n)
{
	memset(set, 0, FDSET_LONGS * sizeof(uint64_t));
	if (!u || !n)
		return 0;
	size_t bytes = DIV_ROUND_UP(n, 64) * sizeof(uint64_t);

	if (bytes > FDSET_LONGS * sizeof(uint64_t))
		bytes = FDSET_LONGS * sizeof(uint64_t);
	if (copy_from_user(set, u, bytes))
		return -EFAULT;
	if (n % 64 && (size_t)n < FDSET_LONGS * 64)
		set[n / 64] &= (1ULL << (n % 64)) - 1;
	return 0;
}

static long
put_fd_set(void __user *u, const uint64_t *set, int n)
{
	size_t bytes = DIV_ROUND_UP(n, 64) * sizeof(uint64_t);

	if (!u || !n)
		return 0;
	if (bytes > FDSET_LONGS * sizeof(uint64_t))
		bytes = FDSET_LONGS * sizeof(uint64_t);
	return copy_to_user(u, set, bytes) ? -EFAULT : 0;
}

/* do_select_once - the ready descriptors of @want into @got: how many
 * bits are set, or -EBADF if one asked about is not open. */
static long
do_select_once(const struct fd_sets *want, struct fd_sets *got, int n)
{
	long count = 0;

	memset(got, 0, sizeof(*got));
	for (int fd = 0; fd < n && fd < NR_OPEN_DEFAULT; fd++) {
		bool in = fd_isset(want->in, fd), out = fd_isset(want->out, fd);

		if (!in && !out && !fd_isset(want->ex, fd))
			continue;
		struct file *file = fget(fd);

		if (!file)
			return -EBADF;
		unsigned int mask = file_poll(file);

		fput(file);
		if (in && (mask & (POLLIN | POLLRDNORM | POLLHUP | POLLERR))) {
			got->in[fd / 64] |= 1ULL << (fd % 64);
			count++;
		}
		if (out && (mask & (POLLOUT | POLLWRNORM | POLLERR))) {
			got->out[fd / 64] |= 1ULL << (fd % 64);
			count++;
		}
	}
	return count;
}

static long
do_select(int n, void __user *inp, void __user *outp, void __user *exp, uint64_t end)
{
	struct fd_sets want, got;
	long ret;

	if (n < 0)
		return -EINVAL;
	if ((unsigned long)n > current->rlim[RLIMIT_NOFILE].rlim_cur)
		n = (int)current->rlim[RLIMIT_NOFILE].rlim_cur; /* Linux: max_fds */
	if (get_fd_set(want.in, inp, n) || get_fd_set(want.out, outp, n) ||
	    get_fd_set(want.ex, exp, n))
		return -EFAULT;
	for (;;) {
		ret = do_select_once(&want, &got, n);
		if (ret || now_us() >= end)
			break;
		ret = wait_a_tick();
		if (ret)
			return ret;
	}
	if (ret < 0)
		return ret;
	if (put_fd_set(inp, got.in, n) || put_fd_set(outp, got.out, n) ||
	    put_fd_set(exp, got.ex, n))
		return -EFAULT;
	return ret;
}

/* select - @tvp: a struct timeval (NULL: no limit), updated to what is left. */
SYSCALL_DEFINE5(select, int, n, void __user *, inp, void __user *, outp, void __user *, exp,
		struct timeval __user *, tvp)
{
	struct timeval tv;
	uint64_t end = UINT64_MAX;
	long ret;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		if ((uint64_t)tv.tv_sec < UINT64_MAX / 2000000 &&
		    (uint64_t)tv.tv_usec < UINT64_MAX / 4)
			end = deadline((uint64_t)tv.tv_sec * 1000000 + (uint64_t)tv.tv_usec);
	}
	ret = do_select(n, inp, outp, exp, end);
	if (tvp && end != UINT64_MAX) {
		uint64_t now = now_us(), left = end > now ? end - now : 0;

		tv.tv_sec = left / 1000000;
		tv.tv_usec = left % 1000000;
		(void)copy_to_user(tvp, &tv, sizeof(tv));
	}
	return ret;
}

/* pselect6's sixth argument: the signal mask and its size. */
struct sigset_argpack {
	const uint64_t __user *p;
	size_t size;
};

SYSCALL_DEFINE6(pselect6, int, n, void __user *, inp, void __user *, outp, void __user *, exp,
		struct timespec __user *, tsp, const struct sigset_argpack __user *, sig)
{
	struct sigset_argpack pack = { NULL, 0 };
	uint64_t end;
	long ret = timeout_end(tsp, &end);

	if (!ret && sig && copy_from_user(&pack, sig, sizeof(pack)))
		ret = -EFAULT;
	if (!ret)
		ret = set_wait_sigmask(pack.p, pack.size);
	if (ret)
		return ret;
	ret = do_select(n, inp, outp, exp, end);
	end_wait_sigmask(ret);
	timeout_left(tsp, end);
	return ret;
}
