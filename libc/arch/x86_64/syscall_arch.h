/*
 * libc/arch/x86_64/syscall_arch.h - the system-call instruction.
 *
 * This is the only place in Pagoda's libc that executes `syscall`. Every
 * wrapper (read(), brk(), mmap(), ...) ends here; the kernel's
 * entry_SYSCALL_64 picks the call up on the other side.
 *
 * The convention (System V AMD64 psABI, Appendix A.2 "AMD64 Linux Kernel
 * Conventions"; Intel SDM Vol. 2B, SYSCALL):
 *   RAX       the call number (__NR_*), and the result on return
 *   RDI RSI RDX R10 R8 R9   arguments 1 to 6 (R10, not RCX, for the 4th:
 *             SYSCALL itself overwrites RCX)
 *   RCX R11   destroyed: the CPU saves RIP in RCX and RFLAGS in R11
 * The result is a value, or -4095..-1 for -errno; __syscall_ret() (in
 * syscall_ret.c) turns the latter into errno.
 *
 * The "memory" clobber tells the compiler the kernel may read or write any
 * memory the arguments point to, so buffers are stored before the call and
 * re-read after it.
 */
#ifndef LIBC_SYSCALL_ARCH_H
#define LIBC_SYSCALL_ARCH_H

static inline long
__syscall0(long n)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n) : "rcx", "r11", "memory");
	return ret;
}

static inline long
__syscall1(long n, long a1)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1) : "rcx", "r11", "memory");
	return ret;
}

static inline long
__syscall2(long n, long a1, long a2)
{
	long ret;

	__asm__ volatile("syscall" : "=a"(ret) : "a"(n), "D"(a1), "S"(a2) : "rcx", "r11", "memory");
	return ret;
}

static inline long
__syscall3(long n, long a1, long a2, long a3)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3)
			 : "rcx", "r11", "memory");
	return ret;
}

/* arguments 4 to 6 have no register constraint letter: bind them by name */
static inline long
__syscall4(long n, long a1, long a2, long a3, long a4)
{
	long ret;
	register long r10 __asm__("r10") = a4;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline long
__syscall5(long n, long a1, long a2, long a3, long a4, long a5)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8)
			 : "rcx", "r11", "memory");
	return ret;
}

static inline long
__syscall6(long n, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret;
	register long r10 __asm__("r10") = a4;
	register long r8 __asm__("r8") = a5;
	register long r9 __asm__("r9") = a6;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a1), "S"(a2), "d"(a3), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * __restore_rt - where a signal handler returns to. The kernel pushed this
 * address (struct k_sigaction's sa_restorer) as the handler's return
 * address, above a struct rt_sigframe; when the handler returns, RSP
 * points at that frame and rt_sigreturn restores the registers and mask
 * saved in it. It cannot be an ordinary C function: a prologue would move
 * RSP away from the frame, so it is "naked" (no prologue at all). Only
 * sigaction() takes its address.
 */
__attribute__((naked, unused)) static void
__restore_rt(void)
{
	__asm__ volatile("mov $15, %eax\n\t" /* __NR_rt_sigreturn */
			 "syscall");
}

#endif /* LIBC_SYSCALL_ARCH_H */
