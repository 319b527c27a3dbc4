/*
 * kernel/arch/x86_64/syscall_64.c - the C side of the syscall instruction.
 *
 * syscall_init() programs the MSRs the instruction uses (Intel SDM Vol. 4,
 * "IA32_STAR", "IA32_LSTAR", "IA32_FMASK"); do_syscall_64() is called by
 * entry_SYSCALL_64 with the saved registers and dispatches on RAX through
 * sys_call_table (kernel/syscall/syscall_table.c): step 3 of the malloc
 * lecture, where `brk` becomes __x64_sys_brk.
 *
 * Counterpart: Linux arch/x86/entry/common.c, arch/x86/kernel/cpu/common.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/syscall_table.h>

#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/segment.h>

#include <uapi/errno.h>

#include "internal.h"

#define MSR_STAR	 0xc0000081 /* segment selectors for syscall/sysret */
#define MSR_LSTAR	 0xc0000082 /* the 64-bit syscall entry point */
#define MSR_SYSCALL_MASK 0xc0000084 /* RFLAGS bits syscall clears */
#define EFER_SCE	 (1UL << 0) /* syscall/sysret enabled */

/* Flags the kernel must not run with: trap, direction, interrupts, AC, NT. */
#define SYSCALL_MASK	 0x47700UL

extern void entry_SYSCALL_64(void);

struct pcpu cpu0;

void
syscall_init(void)
{
	/* syscall loads CS from STAR[47:32] and SS = that + 8; sysret loads
	 * CS = STAR[63:48] + 16 and SS = STAR[63:48] + 8, hence the order of
	 * the GDT (asm/segment.h). */
	uint64_t star = ((uint64_t)__USER32_CS << 48) | ((uint64_t)__KERNEL_CS << 32);

	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
	wrmsr(MSR_STAR, star);
	wrmsr(MSR_LSTAR, (uint64_t)entry_SYSCALL_64);
	wrmsr(MSR_SYSCALL_MASK, SYSCALL_MASK);
	/* In the kernel GS is the per-CPU area; swapgs swaps in the user's. */
	wrmsr(MSR_GS_BASE, (uint64_t)&cpu0);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/*
 * can_sysret - may the return to user mode use sysret? It reloads RIP from
 * RCX and RFLAGS from R11, with fixed CS and SS, so the saved state must
 * fit: user segments, and a canonical user RIP (a non-canonical one would
 * fault in kernel mode on some CPUs, on the user's stack).
 */
static bool
can_sysret(const struct pt_regs *regs)
{
	return regs->cs == __USER_CS && regs->ss == __USER_DS && regs->rip < TASK_SIZE_MAX &&
	       regs->rcx == regs->rip && regs->r11 == regs->eflags &&
	       !(regs->eflags & (X86_EFLAGS_TF | X86_EFLAGS_RF));
}

/*
 * do_syscall_64 - run system call regs->orig_rax with the arguments in
 * @regs; its result goes in regs->rax. Interrupts are on while it runs.
 * Returns true when entry_SYSCALL_64 may return with sysret.
 */
bool
do_syscall_64(struct pt_regs *regs)
{
	unsigned long nr = regs->orig_rax;

	local_irq_enable();
	if (nr < NR_syscalls && sys_call_table[nr])
		regs->rax = sys_call_table[nr](regs);
	else
		regs->rax = sys_ni_syscall(nr);
	exit_to_user_mode(regs);
	local_irq_disable();
	return can_sysret(regs);
}
