/*
 * kernel/fs/pipe.c - pipes: a one-page ring buffer between two open files.
 *
 * pipe2() makes a struct pipe_inode_info and two files on it: fds[0] reads,
 * fds[1] writes. Bytes go in at head and come out at tail (both count
 * bytes ever moved, so head - tail is what the pipe holds and the buffer
 * index is the count modulo PIPE_SIZE). A reader with nothing to read
 * sleeps on rd_wait until a writer adds bytes or the last writer closes
 * (then read returns 0: end of file). A writer with no room sleeps on
 * wr_wait until a reader makes room. Writing with no reader left is EPIPE
 * (Linux also sends SIGPIPE, which kills the writer by default; Pagoda
 * will when it has signals). Writes of at most PIPE_BUF bytes are atomic:
 * they wait for room for all of their bytes, so two writers' lines never
 * interleave.
 *
 * Pagoda runs one CPU and its pipe code never runs in an interrupt, so
 * the ring needs no lock: a task only loses the CPU inside schedule().
 *
 * Counterpart: Linux fs/pipe.c (whose default ring is 16 pages).
 */
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/wait.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/poll.h>

#include "internal.h"

#define PIPE_SIZE 4096 /* bytes the ring holds */
#define PIPE_BUF  4096 /* POSIX: writes up to this size are atomic */

struct pipe_inode_info {
	char *buf;			/* PIPE_SIZE bytes */
	unsigned long head;		/* bytes ever written */
	unsigned long tail;		/* bytes ever read */
	unsigned int readers;		/* open read ends */
	unsigned int writers;		/* open write ends */
	struct wait_queue_head rd_wait; /* readers waiting for bytes */
	struct wait_queue_head wr_wait; /* writers waiting for room */
	struct inode inode;		/* what fstat shows: S_IFIFO */
};

static unsigned long pipe_ino = 0x10000; /* apart from the initramfs's numbers */

/* pipe_len - bytes waiting to be read. */
static size_t
pipe_len(const struct pipe_inode_info *pipe)
{
	return pipe->head - pipe->tail;
}

/* pipe_copy_out - move @n bytes (n <= pipe_len) to user @to: 0 or -EFAULT. */
static int
pipe_copy_out(struct pipe_inode_info *pipe, char __user *to, size_t n)
{
	size_t off = pipe->tail % PIPE_SIZE;
	size_t first = min(n, PIPE_SIZE - off); /* up to the end of the ring */

	if (copy_to_user(to, pipe->buf + off, first) ||
	    copy_to_user(to + first, pipe->buf, n - first))
		return -EFAULT;
	pipe->tail += n;
	return 0;
}

/* pipe_copy_in - move @n bytes (n <= room) from user @from: 0 or -EFAULT. */
static int
pipe_copy_in(struct pipe_inode_info *pipe, const char __user *from, size_t n)
{
	size_t off = pipe->head % PIPE_SIZE;
	size_t first = min(n, PIPE_SIZE - off);

	if (copy_from_user(pipe->buf + off, from, first) ||
	    copy_from_user(pipe->buf, from + first, n - first))
		return -EFAULT;
	pipe->head += n;
	return 0;
}

/* pipe_read - what is there now (at least one byte), waiting if empty. */
static ssize_t
pipe_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t n;
	int err;

	if (!count)
		return 0;
	while (!pipe_len(pipe)) {
		if (!pipe->writers)
			return 0; /* end of file */
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		err = wait_event_interruptible(pipe->rd_wait, pipe_len(pipe) || !pipe->writers);
		if (err)
			return err;
	}
	n = min(count, pipe_len(pipe));
	err = pipe_copy_out(pipe, buf, n);
	wake_up(&pipe->wr_wait);
	return err ? err : (ssize_t)n;
}

/* pipe_room_for - room a write of @left more bytes needs before it copies. */
static size_t
pipe_room_for(size_t count, size_t left)
{
	return count <= PIPE_BUF ? left : 1; /* atomic writes wait for all */
}

/* pipe_write - all @count bytes, waiting for room; -EPIPE with no readers. */
static ssize_t
pipe_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	struct pipe_inode_info *pipe = file->private_data;
	size_t written = 0;
	int err = 0;

	while (written < count) {
		size_t need = pipe_room_for(count, count - written), n;

		if (!pipe->readers) {
			err = -EPIPE;
			break;
		}
		if (PIPE_SIZE - pipe_len(pipe) < need) {
			err = -EAGAIN;
			if (file->f_flags & O_NONBLOCK)
				break;
			err = wait_event_interruptible(pipe->wr_wait,
						       PIPE_SIZE - pipe_len(pipe) >= need ||
							       !pipe->readers);
			if (err)
				break;
			continue;
		}
		n = min(count - written, PIPE_SIZE - pipe_len(pipe));
		err = pipe_copy_in(pipe, buf + written, n);
		if (err)
			break;
		written += n;
		wake_up(&pipe->rd_wait);
	}
	return written ? (ssize_t)written : err;
}

/* pipe_release - one end closed; the pipe goes when both are. */
static void
pipe_release(struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;

	if ((file->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	/* Sleepers must see EOF or EPIPE. */
	wake_up(&pipe->rd_wait);
	wake_up(&pipe->wr_wait);
	if (!pipe->readers && !pipe->writers) {
		kfree(pipe->buf);
		kfree(pipe);
	}
}

/* pipe_poll - a read end is ready with bytes or with no writer left
 * (POLLHUP: read returns 0); a write end with room, or with no reader
 * left (POLLERR: write fails with EPIPE). */
static unsigned int
pipe_poll(struct file *file)
{
	struct pipe_inode_info *pipe = file->private_data;
	unsigned int mask = 0;

	if ((file->f_flags & O_ACCMODE) == O_RDONLY) {
		if (pipe_len(pipe))
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	} else {
		if (pipe_len(pipe) < PIPE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.release = pipe_release,
	.poll = pipe_poll,
};

/* alloc_pipe_info - an empty pipe with no ends yet, or NULL. */
static struct pipe_inode_info *
alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->buf = kmalloc(PIPE_SIZE, GFP_KERNEL);
	if (!pipe->buf) {
		kfree(pipe);
		return NULL;
	}
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	inode_init_owner(&pipe->inode, NULL, S_IFIFO | 0600); /* the creator's, as Linux's */
	pipe->inode.i_ino = ++pipe_ino;
	pipe->inode.i_nlink = 1;
	pipe->inode.i_fop = &pipe_fops;
	return pipe;
}

/*
 * create_pipe_files - a new pipe's read end in res[0] and write end in
 * res[1], each with one reference; @flags may hold O_NONBLOCK. 0 or -ENOMEM.
 */
int
create_pipe_files(struct file *res[2], unsigned int flags)
{
	struct pipe_inode_info *pipe = alloc_pipe_info();

	if (!pipe)
		return -ENOMEM;
	res[0] = alloc_file(&pipe->inode, &pipe_fops, O_RDONLY | (flags & O_NONBLOCK));
	if (!res[0])
		goto out_free_pipe;
	res[1] = alloc_file(&pipe->inode, &pipe_fops, O_WRONLY | (flags & O_NONBLOCK));
	if (!res[1])
		goto out_free_reader;
	res[0]->private_data = res[1]->private_data = pipe;
	pipe->readers = pipe->writers = 1;
	return 0;

out_free_reader:
	kfree(res[0]);
out_free_pipe:
	kfree(pipe->buf);
	kfree(pipe);
	return -ENOMEM;
}

/*
 * do_pipe2 - a pipe on two new descriptors of @files, stored in @fd:
 * 0, -EINVAL for unknown @flags, -EMFILE, -ENOMEM.
 */
int
do_pipe2(struct files_struct *files, int fd[2], int flags)
{
	struct file *f[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	err = create_pipe_files(f, flags);
	if (err)
		return err;
	fd[0] = alloc_fd(files, 0, f[0], flags);
	fd[1] = fd[0] < 0 ? -EMFILE : alloc_fd(files, 0, f[1], flags);
	if (fd[1] < 0) {
		if (fd[0] >= 0)
			close_fd(files, fd[0]);
		else
			fput(f[0]);
		fput(f[1]);
		return -EMFILE;
	}
	return 0;
}

/*
 * pipe2 - a pipe: @fildes[0] reads what @fildes[1] writes. If the
 * descriptors cannot be stored, they are closed again and it is -EFAULT.
 */
SYSCALL_DEFINE2(pipe2, int __user *, fildes, int, flags)
{
	struct files_struct *files = current_files();
	int fd[2];
	int err = do_pipe2(files, fd, flags);

	if (err)
		return err;
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		close_fd(files, fd[0]);
		close_fd(files, fd[1]);
		return -EFAULT;
	}
	return 0;
}

/* pipe - pipe2 with no flags (the shell's `|`). */
SYSCALL_DEFINE1(pipe, int __user *, fildes)
{
	return __do_sys_pipe2(fildes, 0);
}
