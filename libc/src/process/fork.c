/*
 * libc/src/process/fork.c - creating processes and waiting for them:
 * fork(), wait4(), waitpid(), wait().
 *
 * fork() is the fork system call (glibc uses clone with the same effect);
 * the kernel copies the address space copy-on-write. The wait status is
 * decoded by the W* functions of <sys/wait.h>.
 */
#include <unistd.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include "../internal/syscall.h"

/*
 * fork - create a child process, a copy of this one.
 * Returns the child's pid in the parent, 0 in the child, or -1 with errno.
 * stdio buffers are copied too: flush them first if both processes will
 * print, or the output appears twice.
 */
pid_t
fork(void)
{
	return __syscall_ret(__syscall0(__NR_fork));
}

/*
 * wait4 - wait for child @pid (-1: any child) to change state; store its
 * status in *@wstatus and its resource use in *@rusage if not NULL.
 * @options: WNOHANG, WUNTRACED, ... Returns the child's pid, 0 with
 * WNOHANG when none has changed, or -1 with errno (ECHILD: no children).
 */
pid_t
wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage)
{
	return __syscall_ret(__syscall4(__NR_wait4, pid, (long)wstatus, options, (long)rusage));
}

/* waitpid - wait4() without the resource use */
pid_t
waitpid(pid_t pid, int *wstatus, int options)
{
	return wait4(pid, wstatus, options, NULL);
}

/* wait - wait for any child to end */
pid_t
wait(int *wstatus)
{
	return wait4(-1, wstatus, 0, NULL);
}
