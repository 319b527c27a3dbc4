/*
 * include/uapi/sched.h - clone(2) flags, shared by the kernel and libc.
 *
 * The low byte of clone's flags is the signal sent to the parent when the
 * child exits (SIGCHLD for a fork-like child, 0 for a thread); the other
 * bits say what the child shares with its parent and what the kernel
 * writes for it. Linux's values (include/uapi/linux/sched.h).
 */
#ifndef UAPI_SCHED_H
#define UAPI_SCHED_H

#define CSIGNAL		     0x000000ff /* the exit signal's number */
#define CLONE_VM	     0x00000100 /* share the address space */
#define CLONE_FS	     0x00000200 /* share the working directory and umask */
#define CLONE_FILES	     0x00000400 /* share the descriptor table */
#define CLONE_SIGHAND	     0x00000800 /* share the signal handlers */
#define CLONE_VFORK	     0x00004000 /* parent sleeps until the child execs or exits */
#define CLONE_THREAD	     0x00010000 /* same process (thread group) */
#define CLONE_SYSVSEM	     0x00040000 /* share System V semaphore undo lists */
#define CLONE_SETTLS	     0x00080000 /* the child's FS base is clone's tls argument */
#define CLONE_PARENT_SETTID  0x00100000 /* write the child's tid at parent_tid (parent's memory) */
#define CLONE_CHILD_CLEARTID 0x00200000 /* at exit, zero child_tid and futex-wake it */
#define CLONE_DETACHED	     0x00400000 /* ignored (kept for old programs) */
#define CLONE_CHILD_SETTID   0x01000000 /* write the child's tid at child_tid (child's memory) */

#endif /* UAPI_SCHED_H */
