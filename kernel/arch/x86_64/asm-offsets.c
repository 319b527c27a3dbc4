/*
 * kernel/arch/x86_64/asm-offsets.c - C layouts made visible to NASM.
 *
 * Never linked: the Makefile compiles it to assembly text and turns each
 * "->NAME value" marker into "%define NAME value" in
 * build/include/asm-offsets.inc, which the .asm files include. So struct
 * pt_regs is defined once, in asm/ptrace.h, and the assembly follows it;
 * so are the constants the assembly needs (segment selectors, errno
 * values), under their C names.
 *
 * Counterpart: Linux arch/x86/kernel/asm-offsets.c.
 */
#include <stddef.h>

#include <pagoda/multiboot2.h>

#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/qemu.h>
#include <asm/segment.h>

#include <uapi/errno.h>

/* (long): an unsigned int such as MSR_EFER would print as a negative int */
#define DEFINE(sym, val)      __asm__ volatile("\n->" #sym " %0" : : "i"((long)(val)))
#define OFFSET(sym, str, mem) DEFINE(sym, offsetof(struct str, mem))

void asm_offsets(void);

void
asm_offsets(void)
{
	OFFSET(PTREGS_R15, pt_regs, r15);
	OFFSET(PTREGS_R14, pt_regs, r14);
	OFFSET(PTREGS_R13, pt_regs, r13);
	OFFSET(PTREGS_R12, pt_regs, r12);
	OFFSET(PTREGS_RBP, pt_regs, rbp);
	OFFSET(PTREGS_RBX, pt_regs, rbx);
	OFFSET(PTREGS_R11, pt_regs, r11);
	OFFSET(PTREGS_R10, pt_regs, r10);
	OFFSET(PTREGS_R9, pt_regs, r9);
	OFFSET(PTREGS_R8, pt_regs, r8);
	OFFSET(PTREGS_RAX, pt_regs, rax);
	OFFSET(PTREGS_RCX, pt_regs, rcx);
	OFFSET(PTREGS_RDX, pt_regs, rdx);
	OFFSET(PTREGS_RSI, pt_regs, rsi);
	OFFSET(PTREGS_RDI, pt_regs, rdi);
	OFFSET(PTREGS_ORIG_RAX, pt_regs, orig_rax);
	OFFSET(PTREGS_RIP, pt_regs, rip);
	OFFSET(PTREGS_CS, pt_regs, cs);
	OFFSET(PTREGS_EFLAGS, pt_regs, eflags);
	OFFSET(PTREGS_RSP, pt_regs, rsp);
	OFFSET(PTREGS_SS, pt_regs, ss);
	DEFINE(PTREGS_SIZE, sizeof(struct pt_regs));
	DEFINE(THREAD_SIZE, THREAD_SIZE);
	OFFSET(PCPU_USER_RSP, pcpu, user_rsp);
	OFFSET(PCPU_TOP_OF_STACK, pcpu, top_of_stack);
	DEFINE(__USER_CS, __USER_CS);
	DEFINE(__USER_DS, __USER_DS);
	DEFINE(ENOSYS, ENOSYS);

	/* boot/boot32.asm: from GRUB to long mode */
	DEFINE(MULTIBOOT2_BOOTLOADER_MAGIC, MULTIBOOT2_BOOTLOADER_MAGIC);
	DEFINE(_PAGE_PRESENT, _PAGE_PRESENT);
	DEFINE(_PAGE_RW, _PAGE_RW);
	DEFINE(_PAGE_PSE, _PAGE_PSE);
	DEFINE(X86_CR0_PE, X86_CR0_PE);
	DEFINE(X86_CR0_WP, X86_CR0_WP);
	DEFINE(X86_CR0_PG, X86_CR0_PG);
	DEFINE(X86_CR4_PAE, X86_CR4_PAE);
	DEFINE(X86_CR4_PGE, X86_CR4_PGE);
	DEFINE(MSR_EFER, MSR_EFER);
	DEFINE(EFER_LME, EFER_LME);
	DEFINE(EFER_NX, EFER_NX);
	DEFINE(__KERNEL_CS, __KERNEL_CS);
	DEFINE(__KERNEL_DS, __KERNEL_DS);
	DEFINE(QEMU_EXIT_PORT, QEMU_EXIT_PORT);
	DEFINE(QEMU_EXIT_PANIC, QEMU_EXIT_PANIC);
}
