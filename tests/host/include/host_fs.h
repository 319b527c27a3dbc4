/*
 * tests/host/include/host_fs.h - a small world for file-layer host tests:
 * an initramfs tree, a current task with a descriptor table and working
 * directory, and a way to make system calls the way the syscall entry
 * does (arguments in a struct pt_regs).
 */
#ifndef HOST_FS_H
#define HOST_FS_H

#include <pagoda/fs.h>
#include <pagoda/sched.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/stat.h>
#include <uapi/unistd_64.h>

#include "../../../kernel/fs/internal.h"
#include "host_test.h"

/* host_ram_up - frames for the page cache (shim_fs.c); host_ram_check - all free again. */
void host_ram_up(void);
void host_ram_check(void);

/* The entries of sys_call_table that the tests call. */
#define __SYSCALL(nr, sym) long sym(const struct pt_regs *regs);
#include "../../../kernel/syscall/syscalls_fs.h"
#undef __SYSCALL

/* syscall6 - call @fn with up to six arguments in the Linux registers. */
static inline long
syscall6(sys_call_ptr_t fn, unsigned long a, unsigned long b, unsigned long c, unsigned long d,
	 unsigned long e, unsigned long f)
{
	struct pt_regs regs = { 0 };

	regs.rdi = a;
	regs.rsi = b;
	regs.rdx = c;
	regs.r10 = d;
	regs.r8 = e;
	regs.r9 = f;
	return fn(&regs);
}

/* sys_call(read, fd, buf, count): __x64_sys_read with those arguments. */
#define sys_call(name, ...) host_syscall(__x64_sys_##name, __VA_ARGS__, 0, 0, 0, 0)
#define host_syscall(fn, a, b, c, d, ...)                                                          \
	syscall6(fn, (unsigned long)(a), (unsigned long)(b), (unsigned long)(c),                   \
		 (unsigned long)(d), 0, 0)

/* fs_world_up - unpack @archive, add /dev, and make a current task. */
void fs_world_up(const char *archive, size_t len);
void fs_world_down(void);

/* The current task of fs_world_up (pid 1). */
extern struct task_struct host_task;

/* The standard test tree (tests/host/shim_fs.c). */
struct cpio_buf *test_tree(void);

#endif /* HOST_FS_H */
