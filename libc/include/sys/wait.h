/*
 * libc/include/sys/wait.h - waiting for children and decoding their
 * status.
 *
 * The status bits are described in <uapi/wait.h>; the W* decoders are
 * inline functions, not macros, so GDB can step into them.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <stdbool.h>
#include <sys/types.h>
#include <uapi/wait.h>

struct rusage;

pid_t wait(int *wstatus);
pid_t waitpid(pid_t pid, int *wstatus, int options);
pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *rusage);

/* the exit status a child passed to exit(), if WIFEXITED */
static inline int
WEXITSTATUS(int status)
{
	return (status >> 8) & 0xff;
}

/* the signal that killed the child, if WIFSIGNALED */
static inline int
WTERMSIG(int status)
{
	return status & WAIT_SIGNAL_MASK;
}

/* the signal that stopped the child, if WIFSTOPPED */
static inline int
WSTOPSIG(int status)
{
	return WEXITSTATUS(status);
}

/* did the child end by calling exit()? */
static inline bool
WIFEXITED(int status)
{
	return WTERMSIG(status) == 0;
}

/* is the child stopped (low byte 0x7f)? */
static inline bool
WIFSTOPPED(int status)
{
	return (status & 0xff) == WAIT_STOPPED;
}

/* did a signal end the child (neither exited, stopped nor continued)? */
static inline bool
WIFSIGNALED(int status)
{
	return WTERMSIG(status) != 0 && !WIFSTOPPED(status);
}

/* did the child write a core dump when it was killed? */
static inline bool
WCOREDUMP(int status)
{
	return (status & WAIT_CORE_FLAG) != 0;
}

/* was the stopped child continued by SIGCONT? */
static inline bool
WIFCONTINUED(int status)
{
	return status == WAIT_CONTINUED;
}

#endif /* _SYS_WAIT_H */
