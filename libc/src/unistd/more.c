/*
 * libc/src/unistd/more.c - the remaining simple wrappers, one system call
 * each: files (rename, rmdir, link, symlink, chmod, fchmod, truncate,
 * ftruncate, fsync), process groups and sessions (setpgid, getpgid,
 * getpgrp, setsid, gettid), and alarm(), pause(), sigsuspend().
 */
#include <unistd.h>
#include <stdio.h>
#include <signal.h>
#include <sys/stat.h>
#include "../internal/syscall.h"

/* rename - give file @oldpath the name @newpath, replacing what was there */
int
rename(const char *oldpath, const char *newpath)
{
	return __syscall_ret(__syscall2(__NR_rename, (long)oldpath, (long)newpath));
}

/* rmdir - remove the empty directory @path */
int
rmdir(const char *path)
{
	return __syscall_ret(__syscall1(__NR_rmdir, (long)path));
}

/* link - make @newpath another name (hard link) for @oldpath */
int
link(const char *oldpath, const char *newpath)
{
	return __syscall_ret(__syscall2(__NR_link, (long)oldpath, (long)newpath));
}

/* symlink - make @linkpath a symbolic link whose contents are @target */
int
symlink(const char *target, const char *linkpath)
{
	return __syscall_ret(__syscall2(__NR_symlink, (long)target, (long)linkpath));
}

/* chmod - set the permission bits of @path to @mode */
int
chmod(const char *path, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_chmod, (long)path, mode));
}

/* fchmod - chmod() of an open file */
int
fchmod(int fd, mode_t mode)
{
	return __syscall_ret(__syscall2(__NR_fchmod, fd, mode));
}

/* truncate - set the size of @path to @length bytes (cut or zero-fill) */
int
truncate(const char *path, off_t length)
{
	return __syscall_ret(__syscall2(__NR_truncate, (long)path, length));
}

/* ftruncate - truncate() of an open file */
int
ftruncate(int fd, off_t length)
{
	return __syscall_ret(__syscall2(__NR_ftruncate, fd, length));
}

/* fsync - write @fd's data and metadata to the device */
int
fsync(int fd)
{
	return __syscall_ret(__syscall1(__NR_fsync, fd));
}

/* setpgid - move process @pid (0: this one) into group @pgid (0: its own) */
int
setpgid(pid_t pid, pid_t pgid)
{
	return __syscall_ret(__syscall2(__NR_setpgid, pid, pgid));
}

/* getpgid - the process group of @pid (0: this process) */
pid_t
getpgid(pid_t pid)
{
	return __syscall_ret(__syscall1(__NR_getpgid, pid));
}

/* getpgrp - this process's group */
pid_t
getpgrp(void)
{
	return getpgid(0);
}

/* setsid - start a new session led by this process; returns its id */
pid_t
setsid(void)
{
	return __syscall_ret(__syscall0(__NR_setsid));
}

/* gettid - this thread's id (the pid, in a process of one thread) */
pid_t
gettid(void)
{
	return __syscall0(__NR_gettid);
}

/*
 * alarm - deliver SIGALRM after @seconds (0: cancel); returns the seconds
 * that were left of the previous alarm.
 */
unsigned int
alarm(unsigned int seconds)
{
	return __syscall1(__NR_alarm, seconds);
}

/* pause - sleep until a signal is caught; returns -1 with errno EINTR */
int
pause(void)
{
	return __syscall_ret(__syscall0(__NR_pause));
}

/* sigpending - the signals sent to this process while blocked */
int
sigpending(sigset_t *set)
{
	for (unsigned int i = 1; i < sizeof(set->__bits) / sizeof(set->__bits[0]); i++)
		set->__bits[i] = 0;
	return __syscall_ret(__syscall2(__NR_rt_sigpending, (long)set, KERNEL_SIGSET_SIZE));
}

/*
 * sigsuspend - replace the signal mask with *@mask and sleep until a
 * signal is caught, then restore the mask. Returns -1 with errno EINTR.
 */
int
sigsuspend(const sigset_t *mask)
{
	return __syscall_ret(__syscall2(__NR_rt_sigsuspend, (long)mask, KERNEL_SIGSET_SIZE));
}
