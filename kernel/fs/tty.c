/*
 * kernel/fs/tty.c - the console as a file: fd 0, 1 and 2 of every process.
 *
 * Writing goes straight to the consoles (console_write: the serial port,
 * mirrored on the VGA screen). Reading takes typed input through the line
 * discipline (n_tty.c): the serial port's receive interrupt (IRQ 4,
 * kernel/arch/x86_64/serial.c) calls tty_receive_buf(), which edits the
 * line and wakes readers sleeping in tty_read() on tty_read_wait. The ring
 * is shared with that interrupt, so readers look at it with interrupts
 * disabled.
 *
 * The ioctls are the ones C libraries use: TCGETS (glibc's isatty() and
 * the reason stdout is line-buffered on a terminal), TCSETS*, TIOCGWINSZ
 * (80 columns by 24 rows; a serial line cannot tell its real size),
 * TIOCGPGRP/TIOCSPGRP (one process group: the caller's), FIONREAD.
 *
 * Counterpart: Linux drivers/tty/tty_io.c and tty_ioctl.c.
 */
#include <pagoda/console.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/string.h>
#include <pagoda/tty.h>
#include <pagoda/wait.h>

#include <asm/processor.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/ioctls.h>
#include <uapi/poll.h>

#include "internal.h"
#include "n_tty.h"

static struct n_tty_data tty_ldata;
static bool tty_ready; /* tty_ldata is initialized */
static struct wait_queue_head tty_read_wait = { LIST_HEAD_INIT(tty_read_wait.head) };

static const struct winsize tty_winsize = { .ws_row = 24, .ws_col = 80 };

/* tty_init_once - the line discipline starts with Linux's default settings. */
static void
tty_init_once(void)
{
	if (!tty_ready) {
		n_tty_init(&tty_ldata);
		tty_ready = true;
	}
}

/* tty_receive_buf - see include/pagoda/tty.h. */
void
tty_receive_buf(const char *chars, size_t n)
{
	tty_init_once();
	for (size_t i = 0; i < n; i++)
		n_tty_receive_char(&tty_ldata, chars[i]);
	if (n_tty_input_available(&tty_ldata))
		wake_up(&tty_read_wait);
}

/* tty_input_available - is there something for read(), with IRQs off? */
static bool
tty_input_available(void)
{
	unsigned long flags = local_irq_save();
	bool ready = n_tty_input_available(&tty_ldata);

	local_irq_restore(flags);
	return ready;
}

/* tty_read - a line (canonical mode), sleeping until one is typed. */
static ssize_t
tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	char kbuf[256];
	unsigned long flags;
	size_t n;
	int err;

	tty_init_once();
	if (!count)
		return 0;
	if (!tty_input_available() && (file->f_flags & O_NONBLOCK))
		return -EAGAIN;
	err = wait_event_interruptible(tty_read_wait, tty_input_available());
	if (err)
		return err;
	/* A longer line stays in the ring for the next read, as in Linux. */
	flags = local_irq_save();
	n = n_tty_read(&tty_ldata, kbuf, min(count, sizeof(kbuf)));
	local_irq_restore(flags);
	if (copy_to_user(buf, kbuf, n))
		return -EFAULT;
	return n;
}

/* tty_write - show the bytes on every console, a chunk at a time. */
static ssize_t
tty_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	char kbuf[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(kbuf));

		if (copy_from_user(kbuf, buf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		tty_output(kbuf, n);
		done += n;
	}
	return done;
}

/* tty_set_termios - TCSETS, TCSETSW (output is never queued), TCSETSF. */
static long
tty_set_termios(unsigned int cmd, const void __user *arg)
{
	struct termios t;
	unsigned long flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	flags = local_irq_save();
	if (cmd == TCSETSF)
		n_tty_flush_input(&tty_ldata);
	n_tty_set_termios(&tty_ldata, &t);
	local_irq_restore(flags);
	return 0;
}

/* tty_ioctl - the terminal requests C libraries make; others -ENOTTY. */
static long
tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	void __user *argp = (void __user *)arg;
	struct task_struct *task = current;

	tty_init_once();
	switch (cmd) {
	case TCGETS:
		return copy_to_user(argp, &tty_ldata.termios, sizeof(struct termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF: return tty_set_termios(cmd, argp);
	case TIOCGWINSZ: return copy_to_user(argp, &tty_winsize, sizeof(tty_winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ: return 0; /* the size stays 80x24; nobody is told of changes */
	case TIOCGPGRP:
		/* Job control comes with process groups; the caller is in front. */
		return put_user_u32(task ? task->pid : 0, argp);
	case TIOCSPGRP: return 0;
	case FIONREAD: return put_user_u32(tty_ldata.canon_head - tty_ldata.read_tail, argp);
	default: return -ENOTTY;
	}
}

/* tty_poll - readable when a line (or EOF) is waiting; always writable. */
static unsigned int
tty_poll(struct file *file)
{
	tty_init_once();
	return (tty_input_available() ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.ioctl = tty_ioctl,
	.poll = tty_poll,
};
