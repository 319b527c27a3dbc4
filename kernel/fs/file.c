/*
 * kernel/fs/file.c - open files and the tables of descriptors that name them.
 *
 * Three levels, as in Linux:
 *
 *	current->files (struct files_struct)   fd 0, 1, 2, ... -> struct file *
 *	struct file     an open: position, O_* flags, f_op, reference count
 *	struct inode    what was opened (kernel/fs/initramfs.c, tty.c, pipe.c)
 *
 * dup() and fork() make two descriptors share one struct file, so they
 * share its position: f_count counts the descriptors (and anything else,
 * such as exec, that holds the file). The last fput() calls f_op->release.
 * close-on-exec is a property of the descriptor, not of the file, so it
 * lives in the table (a bit per descriptor), not in f_flags.
 *
 * This file also holds the fs_struct (the working directory) and
 * set_task_exe_file(), which exec calls so /proc/self/exe can be read.
 *
 * Counterpart: Linux fs/file.c, fs/file_table.c, fs/fs_struct.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/*
 * A reserved descriptor holds this until fd_install(): taken, so alloc_fd
 * skips it, but not a file, so files_lookup() does not return it.
 */
static struct file fd_reserved;

/*
 * alloc_file - a new open of @inode with file operations @fop and open
 * flags @flags, holding one reference; NULL when out of memory.
 */
struct file *
alloc_file(struct inode *inode, const struct file_operations *fop, unsigned int flags)
{
	struct file *file = kzalloc(sizeof(*file), GFP_KERNEL);

	if (!file)
		return NULL;
	file->f_inode = inode;
	if (inode)
		inode->i_count++;
	file->f_op = fop;
	file->f_flags = flags;
	file->f_count = 1;
	return file;
}

/* get_file - one more reference to @file; returns @file. */
struct file *
get_file(struct file *file)
{
	file->f_count++;
	return file;
}

/*
 * fput - drop a reference; the last one releases the file (a pipe end
 * closes, /proc text is freed). May be called from exit and exec.
 */
void
fput(struct file *file)
{
	BUG_ON(file->f_count <= 0);
	if (--file->f_count > 0)
		return;
	if (file->f_inode)
		iput(file->f_inode); /* before release: a pipe frees its inode */
	if (file->f_op && file->f_op->release)
		file->f_op->release(file);
	kfree(file);
}

/* file_path - the absolute path @file was opened by, or "" (pipes, sockets). */
const char *
file_path(const struct file *file)
{
	if (!file->f_inode || !file->f_inode->i_path || S_ISFIFO(file->f_inode->i_mode))
		return "";
	return file->f_inode->i_path;
}

/* file_ino - the inode number of what @file is open on (0 for none). */
unsigned long
file_ino(const struct file *file)
{
	return file->f_inode ? file->f_inode->i_ino : 0;
}

/* file_size - the size in bytes of what @file is open on (0 for streams). */
loff_t
file_size(const struct file *file)
{
	if (!file->f_inode || !S_ISREG(file->f_inode->i_mode))
		return 0;
	return file->f_inode->i_size;
}

/* alloc_files - an empty descriptor table used by one task, or NULL. */
struct files_struct *
alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (files)
		files->count = 1;
	return files;
}

/* current_files - the running task's descriptor table; NULL before processes. */
struct files_struct *
current_files(void)
{
	struct task_struct *task = current;

	return task ? task->files : NULL;
}

/* files_lookup - @fd's file in @files (no new reference), or NULL. */
struct file *
files_lookup(struct files_struct *files, int fd)
{
	if (!files || fd < 0 || fd >= NR_OPEN_DEFAULT || files->fd[fd] == &fd_reserved)
		return NULL;
	return files->fd[fd];
}

/* fget - the current task's descriptor @fd with a new reference, or NULL. */
struct file *
fget(int fd)
{
	struct file *file = files_lookup(current_files(), fd);

	return file ? get_file(file) : NULL;
}

/* set_close_on_exec - set or clear @fd's close-on-exec bit. */
static void
set_close_on_exec(struct files_struct *files, unsigned int fd, bool on)
{
	if (on)
		files->close_on_exec |= 1ULL << fd;
	else
		files->close_on_exec &= ~(1ULL << fd);
}

/*
 * alloc_fd - install @file at the lowest free descriptor >= @start (POSIX
 * requires the lowest). The table takes over the caller's reference.
 * O_CLOEXEC in @o_flags sets close-on-exec. Returns the fd, -EMFILE when
 * the table is full, -EINVAL when @start is beyond it.
 */
int
alloc_fd(struct files_struct *files, unsigned int start, struct file *file, unsigned int o_flags)
{
	if (start >= NR_OPEN_DEFAULT)
		return -EINVAL;
	for (unsigned int fd = start; fd < NR_OPEN_DEFAULT; fd++) {
		if (files->fd[fd])
			continue;
		files->fd[fd] = file;
		set_close_on_exec(files, fd, o_flags & O_CLOEXEC);
		return fd;
	}
	return -EMFILE;
}

/* get_unused_fd_flags - reserve the current task's lowest free descriptor. */
int
get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(current_files(), 0, &fd_reserved, flags);
}

/* fd_install - put @file (the caller's reference) in reserved descriptor @fd. */
void
fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current_files();

	BUG_ON(fd >= NR_OPEN_DEFAULT || files->fd[fd] != &fd_reserved);
	files->fd[fd] = file;
}

/* put_unused_fd - give back a reserved descriptor that was never installed. */
void
put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current_files();

	BUG_ON(fd >= NR_OPEN_DEFAULT || files->fd[fd] != &fd_reserved);
	files->fd[fd] = NULL;
	set_close_on_exec(files, fd, false);
}

/* close_fd - remove @fd from @files and drop its reference: 0 or -EBADF. */
int
close_fd(struct files_struct *files, unsigned int fd)
{
	struct file *file = files_lookup(files, fd);

	if (!file)
		return -EBADF;
	/* Empty the slot first: release may sleep, and the fd must be gone. */
	files->fd[fd] = NULL;
	set_close_on_exec(files, fd, false);
	fput(file);
	return 0;
}

/*
 * do_dup2 - make @newfd another descriptor for @oldfd's file, closing what
 * @newfd had; @flags may hold O_CLOEXEC. dup2's rules: -EBADF for a bad
 * @oldfd or an @newfd beyond the table. The caller handles oldfd == newfd.
 */
int
do_dup2(struct files_struct *files, unsigned int oldfd, unsigned int newfd, unsigned int flags)
{
	struct file *file = files_lookup(files, oldfd);
	struct file *old;

	if (!file || newfd >= NR_OPEN_DEFAULT)
		return -EBADF;
	old = files->fd[newfd];
	/* Between get_unused_fd_flags and fd_install: Linux says busy. */
	if (old == &fd_reserved)
		return -EBUSY;
	files->fd[newfd] = get_file(file);
	set_close_on_exec(files, newfd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return newfd;
}

/*
 * files_init_console - the first process's table: fd 0, 1 and 2 all refer
 * to one open of /dev/console (read-write), as the kernel's init has on
 * Linux. NULL when out of memory.
 */
struct files_struct *
files_init_console(void)
{
	struct files_struct *files = alloc_files();
	struct file *file;

	if (!files)
		return NULL;
	file = vfs_open(console_inode(), O_RDWR);
	if (IS_ERR(file)) {
		kfree(files);
		return NULL;
	}
	files->fd[0] = file;
	files->fd[1] = get_file(file);
	files->fd[2] = get_file(file);
	return files;
}

/*
 * files_init_stdin - `init_stdin=PATH` (kernel/init/main.c): @file, the
 * caller's reference, becomes fd 0 of the first process's @files in place
 * of the console, which fd 1 and 2 keep.
 */
void
files_init_stdin(struct files_struct *files, struct file *file)
{
	struct file *console = files->fd[0];

	files->fd[0] = file;
	if (console)
		fput(console);
}

/*
 * dup_files - fork: a copy of @files whose descriptors share the parent's
 * struct files (and so their positions). NULL when out of memory.
 */
struct files_struct *
dup_files(struct files_struct *files)
{
	struct files_struct *copy = alloc_files();

	if (!copy)
		return NULL;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files_lookup(files, fd))
			copy->fd[fd] = get_file(files->fd[fd]);
	copy->close_on_exec = files->close_on_exec;
	return copy;
}

/* put_files - exit: drop a task's use of @files; the last user closes all. */
void
put_files(struct files_struct *files)
{
	if (!files || --files->count > 0)
		return;
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files_lookup(files, fd))
			close_fd(files, fd);
	kfree(files);
}

/* do_close_on_exec - execve: close every descriptor marked close-on-exec. */
void
do_close_on_exec(struct files_struct *files)
{
	for (unsigned int fd = 0; fd < NR_OPEN_DEFAULT; fd++)
		if (files->close_on_exec & (1ULL << fd))
			close_fd(files, fd);
}

/* fs_struct_init - the first process's: working directory "/". */
struct fs_struct *
fs_struct_init(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (fs) {
		fs->users = 1;
		fs->pwd = root_inode;
		if (root_inode)
			ihold(root_inode);
		fs->umask = 0022; /* Linux's default for init */
	}
	return fs;
}

/* copy_fs_struct - fork: the child starts in the parent's directory, same program. */
struct fs_struct *
copy_fs_struct(struct fs_struct *fs)
{
	struct fs_struct *copy = kzalloc(sizeof(*copy), GFP_KERNEL);

	if (copy) {
		copy->users = 1;
		copy->pwd = fs->pwd;
		if (copy->pwd)
			ihold(copy->pwd);
		copy->umask = fs->umask;
		copy->exe_file = fs->exe_file ? get_file(fs->exe_file) : NULL;
	}
	return copy;
}

/* get_fs_struct - clone(CLONE_FS): one more task uses @fs. */
struct fs_struct *
get_fs_struct(struct fs_struct *fs)
{
	fs->users++;
	return fs;
}

/* put_fs_struct - exit: drop a task's use of @fs. */
void
put_fs_struct(struct fs_struct *fs)
{
	if (!fs || --fs->users > 0)
		return;
	if (fs->exe_file)
		fput(fs->exe_file);
	if (fs->pwd)
		iput(fs->pwd);
	kfree(fs);
}

/* set_task_exe_file - see include/pagoda/fs.h. */
void
set_task_exe_file(struct task_struct *task, struct file *file)
{
	struct fs_struct *fs = task->fs;
	struct file *old = fs->exe_file;

	fs->exe_file = file ? get_file(file) : NULL;
	if (old)
		fput(old);
}

/* dup - the lowest free descriptor for @fildes's file (close-on-exec off). */
SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct files_struct *files = current_files();
	struct file *file = files_lookup(files, fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = alloc_fd(files, 0, get_file(file), 0);
	if (fd < 0)
		fput(file);
	return fd;
}

/* dup3 - dup2 with O_CLOEXEC; the same descriptor twice is an error here. */
SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	return do_dup2(current_files(), oldfd, newfd, flags);
}

/* dup2 - make @newfd refer to @oldfd's file, closing what it had (the shell's `>`). */
SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	/* dup2(fd, fd) does nothing, but fd must be open. */
	if (oldfd == newfd)
		return files_lookup(current_files(), oldfd) ? (long)newfd : -EBADF;
	return do_dup2(current_files(), oldfd, newfd, 0);
}
