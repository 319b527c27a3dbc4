/*
 * kernel/syscall/syscall_table.c - system-call numbers to functions.
 *
 * do_syscall_64() (arch/x86_64/syscall_64.c) indexes sys_call_table with
 * the number in RAX. The numbers are Linux's (include/uapi/unistd_64.h);
 * a number nobody implements returns -ENOSYS, and the kernel says so once
 * per number, so a program that needs something missing is easy to spot.
 *
 * Counterpart: Linux arch/x86/entry/syscall_64.c (generated from
 * syscall_64.tbl).
 */
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/syscall_table.h>

#include <uapi/errno.h>
#include <uapi/unistd_64.h>

/* Declare every function on the lists... */
#define __SYSCALL(nr, sym) long sym(const struct pt_regs *regs);
#include "syscalls_core.h"
#include "syscalls_fs.h"
#undef __SYSCALL

/* ... and put each at its number. */
#define __SYSCALL(nr, sym) [nr] = sym,
const sys_call_ptr_t sys_call_table[NR_syscalls] = {
#include "syscalls_core.h"
#include "syscalls_fs.h"
};
#undef __SYSCALL

static uint8_t ni_reported[NR_syscalls];

long
sys_ni_syscall(unsigned long nr)
{
	if (nr < NR_syscalls && !ni_reported[nr]) {
		ni_reported[nr] = 1;
		pr_info("%s[%d]: system call %lu is not implemented (ENOSYS)\n", current->comm,
			current->pid, nr);
	}
	return -ENOSYS;
}
