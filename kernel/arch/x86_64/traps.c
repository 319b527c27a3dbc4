/*
 * kernel/arch/x86_64/traps.c - what happens when the CPU raises an exception.
 *
 * entry.asm calls x86_handle_interrupt(regs, vector) for every vector.
 * Interrupts from devices (vector 32 and up) go to their handler; the
 * CPU's exceptions (0-31) come here. An exception in user mode becomes a
 * signal for the program (SIGSEGV for a page it may not touch, a GP fault
 * such as a jump to a non-canonical address, ...) and the kernel carries
 * on. In the kernel, only a uaccess.c instruction may fault (it resumes at
 * its fixup); any other exception prints an oops report in Linux's format
 * (the exception's name, the error code decoded, RIP as function+offset,
 * all registers, the call trace) and panics.
 *
 * Counterpart: Linux arch/x86/kernel/traps.c, arch/x86/mm/fault.c
 * (the page-fault part), arch/x86/kernel/dumpstack.c (the report).
 */
#include <pagoda/arch.h>
#include <pagoda/kallsyms.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/uaccess.h>

#include <asm/processor.h>
#include <asm/smap.h>

#include "internal.h"

/* The CPU's exception vectors (Intel SDM Vol. 3A, Table 6-1). */
static const char *const exception_names[32] = {
	[0] = "divide error",
	[1] = "debug",
	[2] = "non-maskable interrupt",
	[3] = "int3",
	[4] = "overflow",
	[5] = "bounds",
	[6] = "invalid opcode",
	[7] = "device not available",
	[8] = "double fault",
	[9] = "coprocessor segment overrun",
	[10] = "invalid TSS",
	[11] = "segment not present",
	[12] = "stack segment",
	[13] = "general protection fault",
	[14] = "page fault",
	[16] = "coprocessor error",
	[17] = "alignment check",
	[18] = "machine check",
	[19] = "SIMD coprocessor error",
	[20] = "virtualization exception",
	[21] = "control protection fault",
};

#define X86_TRAP_PF  14

/*
 * The page-fault error code (Intel SDM Vol. 3A, 4.7 "Page-Fault Exceptions"):
 *   bit 0 P     0 = the page was not present, 1 = a protection violation
 *   bit 1 W/R   1 = the access was a write
 *   bit 2 U/S   1 = the access came from user mode
 *   bit 3 RSVD  1 = a reserved bit was set in a paging entry
 *   bit 4 I/D   1 = the access was an instruction fetch
 *   bit 5 PK    1 = a protection-key violation
 */
#define X86_PF_PROT  (1UL << 0)
#define X86_PF_WRITE (1UL << 1)
#define X86_PF_USER  (1UL << 2)
#define X86_PF_RSVD  (1UL << 3)
#define X86_PF_INSTR (1UL << 4)
#define X86_PF_PK    (1UL << 5)

/* show_page_fault - the three lines Linux prints before a page-fault oops. */
static void
show_page_fault(unsigned long address, unsigned long error_code)
{
	const char *access = (error_code & X86_PF_INSTR)   ? "instruction fetch"
			     : (error_code & X86_PF_WRITE) ? "write access"
							   : "read access";

	pr_emerg("BUG: unable to handle page fault for address: %016lx\n", address);
	pr_emerg("#PF: %s %s in %s mode\n", (error_code & X86_PF_USER) ? "user" : "supervisor",
		 access, (error_code & X86_PF_USER) ? "user" : "kernel");
	pr_emerg("#PF: error_code(0x%04lx) - %s\n", error_code,
		 (error_code & X86_PF_RSVD)   ? "reserved bit violation"
		 : (error_code & X86_PF_PK)   ? "protection keys violation"
		 : (error_code & X86_PF_PROT) ? "permissions violation"
					      : "not-present page");
}

/* show_regs - the register dump of an oops, laid out as Linux lays it out. */
static void
show_regs(const struct pt_regs *regs)
{
	char prefix[16];

	snprintf(prefix, sizeof(prefix), "RIP: %04lx:", regs->cs);
	print_address_symbol(prefix, regs->rip);
	pr_emerg("RSP: %04lx:%016lx EFLAGS: %08lx\n", regs->ss, regs->rsp, regs->eflags);
	pr_emerg("RAX: %016lx RBX: %016lx RCX: %016lx\n", regs->rax, regs->rbx, regs->rcx);
	pr_emerg("RDX: %016lx RSI: %016lx RDI: %016lx\n", regs->rdx, regs->rsi, regs->rdi);
	pr_emerg("RBP: %016lx R08: %016lx R09: %016lx\n", regs->rbp, regs->r8, regs->r9);
	pr_emerg("R10: %016lx R11: %016lx R12: %016lx\n", regs->r10, regs->r11, regs->r12);
	pr_emerg("R13: %016lx R14: %016lx R15: %016lx\n", regs->r13, regs->r14, regs->r15);
	pr_emerg("CR0: %016lx CR2: %016lx CR3: %016lx\n", read_cr0(), read_cr2(), read_cr3());
	pr_emerg("CR4: %016lx\n", read_cr4());
}

/*
 * die - report a fatal exception taken in kernel mode and panic.
 * The call trace starts at the faulting instruction, then follows the
 * frame pointers of the code that was interrupted.
 */
static __noreturn void
die(const char *name, struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	oops_in_progress = true;
	pr_emerg("%s: %04lx [#1] (vector %lu)\n", name, error_code, vector);
	show_regs(regs);
	pr_emerg("Call Trace:\n");
	print_address_symbol(" ", regs->rip);
	dump_stack_from(regs->rbp);
	panic("Fatal exception");
}

/* The signal a user-mode exception sends (Linux arch/x86/kernel/traps.c). */
static int
exception_signal(unsigned long vector)
{
	switch (vector) {
	case 0: return SIGFPE; /* divide error */
	case 1:
	case 3: return SIGTRAP; /* debug, int3 */
	case 4:
	case 5:
	case 10:
	case 11:
	case 12:
	case 13: return SIGSEGV; /* overflow, bounds, segment and GP faults */
	case 6: return SIGILL;	 /* invalid opcode */
	case 16:
	case 19: return SIGFPE; /* x87 and SIMD floating-point errors */
	case 17: return SIGBUS; /* alignment check */
	default: return SIGKILL;
	}
}

/*
 * user_exception - a user program caused an exception: it gets the signal,
 * the kernel logs one line the way Linux does, and carries on.
 */
static void
user_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	const char *name = exception_names[vector] ? exception_names[vector] : "trap";

	if (vector != 3)
		pr_info("traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n", current->comm, current->pid,
			name, regs->rip, regs->rsp, error_code);
	force_sig(exception_signal(vector));
}

/*
 * kernel_touched_user - was this a kernel-mode fault on a user address that
 * the kernel had no business making? An instruction fetch there is a SMEP
 * violation (the kernel jumped into user memory); with SMAP on, any
 * other access with RFLAGS.AC clear came from outside uaccess.c. Neither
 * may be "fixed" by mapping the page: it is a kernel bug, and an oops
 * (Linux arch/x86/mm/fault.c, do_user_addr_fault).
 */
static bool
kernel_touched_user(const struct pt_regs *regs, unsigned long error_code)
{
	if (error_code & X86_PF_USER)
		return false;
	if (error_code & X86_PF_INSTR)
		return true;
	return smap_enabled && !(regs->eflags & X86_EFLAGS_AC);
}

/*
 * exc_page_fault - vector 14. A fault on a user address may be demand
 * paging, a copy-on-write, or stack growth: handle_mm_fault() decides. A
 * user program faulting where it may not gets SIGSEGV; the kernel
 * faulting on a bad user pointer inside copy_from_user() resumes at the
 * fixup; any other kernel fault is a bug: an oops.
 */
static void
exc_page_fault(struct pt_regs *regs, unsigned long error_code)
{
	unsigned long address = read_cr2();
	int ret = VM_FAULT_SIGSEGV;

	if (address < TASK_SIZE_MAX && current->mm && !(error_code & X86_PF_RSVD) &&
	    !kernel_touched_user(regs, error_code)) {
		struct mm_struct *mm = current->mm;
		unsigned int flags = 0;

		if (error_code & X86_PF_WRITE)
			flags |= FAULT_FLAG_WRITE;
		if (error_code & X86_PF_INSTR)
			flags |= FAULT_FLAG_INSTRUCTION;
		if (error_code & X86_PF_USER)
			flags |= FAULT_FLAG_USER;
		/* The VMAs must hold still while the fault reads them. */
		mmap_read_lock(mm);
		ret = handle_mm_fault(mm, address, flags);
		mmap_read_unlock(mm);
		if (ret == 0)
			return;
	}
	if (user_mode(regs)) {
		if (ret == VM_FAULT_OOM) {
			pagefault_out_of_memory();
			return;
		}
		if (ret == VM_FAULT_SIGBUS) {
			force_sig(SIGBUS); /* mapped, but past the end of its file */
			return;
		}
		pr_info("%s[%d]: segfault at %lx ip %016lx sp %016lx error %lx\n", current->comm,
			current->pid, address, regs->rip, regs->rsp, error_code);
		current->fault_address = address;
		force_sig(SIGSEGV);
		return;
	}
	if (fixup_exception(regs))
		return;
	show_page_fault(address, error_code);
	die("Oops", regs, 14, error_code);
}

/* do_exception - handle CPU exception @vector (0-31). */
void
do_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code)
{
	const char *name = exception_names[vector] ? exception_names[vector] : "reserved exception";

	if (vector == X86_TRAP_PF) {
		exc_page_fault(regs, error_code);
		return;
	}
	if (user_mode(regs)) {
		user_exception(regs, vector, error_code);
		return;
	}
	if (vector == 13 && fixup_exception(regs))
		return; /* a non-canonical user pointer in a uaccess */
	die(name, regs, vector, error_code);
}

/*
 * x86_handle_interrupt - the C entry for every vector, from entry.asm.
 * Runs with interrupts disabled (interrupt gates clear IF).
 */
void
x86_handle_interrupt(struct pt_regs *regs, unsigned long vector)
{
	/* An interrupt gate keeps RFLAGS.AC: close the user-access window
	 * (iretq reopens it if a uaccess was interrupted). */
	clac();
	/* The entry left the CPU's error code (or 0) where a system call
	 * keeps its number; -1 there says this is no system call, so a
	 * signal delivered on the way out restarts nothing (signal.c). */
	unsigned long error_code = regs->orig_rax;

	regs->orig_rax = -1;
	if (vector < FIRST_EXTERNAL_VECTOR) {
		do_exception(regs, vector, error_code);
		if (user_mode(regs))
			exit_to_user_mode(regs); /* deliver the signal */
		return;
	}
	unsigned int irq = vector - FIRST_EXTERNAL_VECTOR;

	if (irq == IRQ_TIMER)
		timer_interrupt(regs);
	else if (irq == IRQ_COM1)
		serial_rx_interrupt();
	i8259_eoi(irq);
	if (user_mode(regs))
		exit_to_user_mode(regs); /* preemption, signals */
}

/*
 * arch_trap_init - segments, the TSS and the IDT: after this, any
 * exception is reported instead of resetting the machine.
 */
void
arch_trap_init(void)
{
	gdt_init();
	idt_init();
	init_i8259();
	syscall_init();
	fpu_init();
	/* Typed input: serial_init() enabled the UART's receive interrupt. */
	i8259_unmask(IRQ_COM1);
}

void
arch_irq_enable(void)
{
	local_irq_enable();
}
