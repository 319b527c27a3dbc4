/*
 * asm/percpu.h - the per-CPU data the entry code reaches through GS.
 *
 * The syscall instruction does not switch stacks: the kernel must find its
 * own stack with nothing but the user's registers in hand. `swapgs` makes
 * GS point at this CPU's struct pcpu (the MSR_KERNEL_GS_BASE value), where
 * the entry code parks the user RSP and picks up the kernel stack. While
 * the CPU runs kernel code, GS always points here; in user mode it holds
 * the user's value (Intel SDM Vol. 2B, SWAPGS).
 *
 * Counterpart: Linux arch/x86/include/asm/percpu.h (cpu_current_top_of_stack).
 */
#ifndef ASM_PERCPU_H
#define ASM_PERCPU_H

struct pcpu {
	unsigned long user_rsp;	    /* the user RSP, during syscall entry */
	unsigned long top_of_stack; /* top of the running task's kernel stack */
};

extern struct pcpu cpu0;

#endif /* ASM_PERCPU_H */
