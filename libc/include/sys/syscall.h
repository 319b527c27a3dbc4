/*
 * libc/include/sys/syscall.h - the system-call numbers, SYS_* and __NR_*,
 * for syscall(2).
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <uapi/unistd_64.h>

#define SYS_read	  __NR_read
#define SYS_write	  __NR_write
#define SYS_open	  __NR_open
#define SYS_close	  __NR_close
#define SYS_fstat	  __NR_fstat
#define SYS_lseek	  __NR_lseek
#define SYS_mmap	  __NR_mmap
#define SYS_mprotect	  __NR_mprotect
#define SYS_munmap	  __NR_munmap
#define SYS_brk		  __NR_brk
#define SYS_ioctl	  __NR_ioctl
#define SYS_getpid	  __NR_getpid
#define SYS_fork	  __NR_fork
#define SYS_execve	  __NR_execve
#define SYS_exit	  __NR_exit
#define SYS_wait4	  __NR_wait4
#define SYS_kill	  __NR_kill
#define SYS_uname	  __NR_uname
#define SYS_getppid	  __NR_getppid
#define SYS_arch_prctl	  __NR_arch_prctl
#define SYS_gettid	  __NR_gettid
#define SYS_exit_group	  __NR_exit_group
#define SYS_getrandom	  __NR_getrandom
#define SYS_clock_gettime __NR_clock_gettime

#endif /* _SYS_SYSCALL_H */
