/*
 * asm/ptrace.h - struct pt_regs, the registers saved on kernel entry.
 *
 * Every way into the kernel (interrupt, exception, later the syscall
 * instruction) builds one of these on the kernel stack: the CPU pushes the
 * last five fields (ss..rip, Intel SDM Vol. 3A, 6.14.2 "64-Bit Mode Stack
 * Frame"), the entry code in entry.asm saves the rest. The field order is
 * Linux's, so `p *regs` reads the same in both kernels. entry.asm does not
 * hard-code it: it uses offsets generated from this struct
 * (asm-offsets.c), so this is the layout's only definition.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

struct pt_regs {
	/* callee-saved registers */
	unsigned long r15;
	unsigned long r14;
	unsigned long r13;
	unsigned long r12;
	unsigned long rbp;
	unsigned long rbx;
	/* caller-saved registers */
	unsigned long r11;
	unsigned long r10;
	unsigned long r9;
	unsigned long r8;
	unsigned long rax;
	unsigned long rcx;
	unsigned long rdx;
	unsigned long rsi;
	unsigned long rdi;
	/* error code of an exception, the vector of an interrupt, or the syscall number */
	unsigned long orig_rax;
	/* the interrupt frame the CPU pushed */
	unsigned long rip;
	unsigned long cs;
	unsigned long eflags;
	unsigned long rsp;
	unsigned long ss;
};

/* True when the saved state is from user mode (CPL 3). */
static inline int
user_mode(const struct pt_regs *regs)
{
	return (regs->cs & 3) == 3;
}

#endif /* ASM_PTRACE_H */
