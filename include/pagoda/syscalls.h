/*
 * include/pagoda/syscalls.h - defining a system call.
 *
 *	SYSCALL_DEFINE1(brk, unsigned long, brk)
 *	{
 *		...
 *	}
 *
 * defines two functions, with Linux's names so that `break __do_sys_brk`
 * means the same in GDB on both kernels:
 *   __x64_sys_brk(const struct pt_regs *regs)  the entry in sys_call_table,
 *       which takes the arguments from the saved registers (rdi, rsi,
 *       rdx, r10, r8, r9: the Linux x86-64 system-call convention);
 *   __do_sys_brk(unsigned long brk)            the body, with typed arguments.
 * Both stay real functions and frames: __do_sys_brk is never inlined, and
 * the kernel is built with -fno-optimize-sibling-calls (as Linux is with
 * frame pointers), so the call in __x64_sys_brk does not become a jump.
 * `bt` at `break __do_sys_brk` so reads as in Linux: __do_sys_brk,
 * __x64_sys_brk, do_syscall_64, entry_SYSCALL_64, then the user's frames.
 * Each system call is defined in the file that implements it, and listed
 * in kernel/syscall/syscall_table.c.
 *
 * Counterpart: Linux include/linux/syscalls.h, arch/x86/include/asm/syscall_wrapper.h.
 */
#ifndef PAGODA_SYSCALLS_H
#define PAGODA_SYSCALLS_H

#include <pagoda/compiler.h>

#include <asm/ptrace.h>

#define __SYSCALL_DEFINEx(name, params, args)                                                      \
	static __noinline long __do_sys_##name params;                                             \
	long __x64_sys_##name(const struct pt_regs *regs);                                         \
	long __x64_sys_##name(const struct pt_regs *regs)                                          \
	{                                                                                          \
		return __do_sys_##name args;                                                       \
	}                                                                                          \
	static __noinline long __do_sys_##name params

#define SYSCALL_DEFINE0(name)	      __SYSCALL_DEFINEx(name, (void), ())
#define SYSCALL_DEFINE1(name, t1, a1) __SYSCALL_DEFINEx(name, (t1 a1), ((t1)regs->rdi))
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2)                                                      \
	__SYSCALL_DEFINEx(name, (t1 a1, t2 a2), ((t1)regs->rdi, (t2)regs->rsi))
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3)                                              \
	__SYSCALL_DEFINEx(name, (t1 a1, t2 a2, t3 a3),                                             \
			  ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx))
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4)                                      \
	__SYSCALL_DEFINEx(name, (t1 a1, t2 a2, t3 a3, t4 a4),                                      \
			  ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx, (t4)regs->r10))
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5)                              \
	__SYSCALL_DEFINEx(                                                                         \
		name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5),                                         \
		((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx, (t4)regs->r10, (t5)regs->r8))
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6)                      \
	__SYSCALL_DEFINEx(name, (t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6),                        \
			  ((t1)regs->rdi, (t2)regs->rsi, (t3)regs->rdx, (t4)regs->r10,             \
			   (t5)regs->r8, (t6)regs->r9))

/* A sys_call_table entry. */
typedef long (*sys_call_ptr_t)(const struct pt_regs *regs);

#endif /* PAGODA_SYSCALLS_H */
