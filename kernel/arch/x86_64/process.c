/*
 * kernel/arch/x86_64/process.c - the machine side of tasks.
 *
 * A task's kernel stack (THREAD_SIZE bytes, mapped with an unmapped guard
 * page below it) ends with its struct pt_regs: the user registers saved on
 * every entry from user mode. Switching tasks swaps kernel stacks
 * (__switch_to_asm), the FPU/SSE registers (fxsave/fxrstor), the FS base
 * (thread-local storage) and CR3 (the address space), and points the TSS
 * and the syscall entry at the new task's stack.
 *
 *   stack top  +-------------------+
 *              | struct pt_regs    |  task_pt_regs(task): user state
 *              +-------------------+
 *              | return address    |  ret_from_fork, for a new task
 *              | rbp rbx r12..r15  |  what __switch_to_asm pops
 *   thread.sp->+-------------------+
 *              |        ...        |
 *   stack      +-------------------+
 *              | guard (unmapped)  |
 *
 * Counterpart: Linux arch/x86/kernel/process_64.c, process.c, fpu/core.c.
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/segment.h>

#include <uapi/errno.h>
#include <uapi/prctl.h>

#include "internal.h"

extern void ret_from_fork(void);
extern void __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp);

/* Kernel stacks live at KSTACK_AREA (asm/page.h), each slot a guard page
 * and THREAD_SIZE bytes. */
#define KSTACK_SLOT  (THREAD_SIZE + PAGE_SIZE)
#define KSTACK_SLOTS 4096

static uint8_t kstack_used[KSTACK_SLOTS];

/* The FPU state a new program starts with (fninit, default MXCSR). */
static uint8_t init_fpstate[512] __aligned(16);

#define X86_CR0_MP	   (1UL << 1)
#define X86_CR0_EM	   (1UL << 2)
#define X86_CR0_NE	   (1UL << 5)
#define X86_CR4_OSXMMEXCPT (1UL << 10)
#define MXCSR_DEFAULT	   0x1f80

/*
 * fpu_init - let user programs use SSE: no x87 emulation (EM), #NM-free
 * WAIT (MP), native FPU errors (NE), and the OS supports fxsave and SIMD
 * exceptions (Intel SDM Vol. 3A, 9.6 "Initializing SSE/SSE2/...").
 */
void
fpu_init(void)
{
	uint32_t mxcsr = MXCSR_DEFAULT;

	write_cr0((read_cr0() & ~X86_CR0_EM) | X86_CR0_MP | X86_CR0_NE);
	write_cr4(read_cr4() | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT);
	__asm__ volatile("fninit; ldmxcsr %0; fxsave %1" : : "m"(mxcsr), "m"(init_fpstate));
}

/*
 * arch_alloc_kernel_stack - THREAD_SIZE bytes of stack in a free slot of
 * KSTACK_AREA, with the page below left unmapped. Returns its lowest
 * address, or NULL when out of memory or slots.
 */
void *
arch_alloc_kernel_stack(void)
{
	unsigned int order = 2; /* THREAD_SIZE = 4 pages */

	static_assert(THREAD_SIZE == (PAGE_SIZE << 2), "kernel stacks are order-2 blocks");
	for (unsigned int slot = 0; slot < KSTACK_SLOTS; slot++) {
		if (kstack_used[slot])
			continue;
		struct page *page = alloc_pages(GFP_KERNEL, order);

		if (!page)
			return NULL;
		unsigned long va = KSTACK_AREA + slot * KSTACK_SLOT + PAGE_SIZE;

		if (map_pages(init_pgd, va, page_to_phys(page), THREAD_SIZE, PAGE_KERNEL) < 0) {
			__free_pages(page, order);
			return NULL;
		}
		kstack_used[slot] = 1;
		return (void *)va;
	}
	return NULL;
}

void
arch_free_kernel_stack(void *stack)
{
	unsigned long va = (unsigned long)stack;
	unsigned int slot = (va - KSTACK_AREA) / KSTACK_SLOT;
	phys_addr_t pa = lookup_phys(init_pgd, va);

	unmap_pages(init_pgd, va, THREAD_SIZE);
	free_pgtables(init_pgd, va, va + THREAD_SIZE);
	__free_pages(phys_to_page(pa), 2);
	kstack_used[slot] = 0;
}

struct pt_regs *
task_pt_regs(struct task_struct *task)
{
	return (struct pt_regs *)((char *)task->stack + THREAD_SIZE) - 1;
}

/*
 * arch_copy_thread - prepare @p's kernel stack so that the first switch to
 * it lands in ret_from_fork. A fork child gets a copy of @regs (the
 * parent's user registers) with RAX = 0, fork's result in the child. A
 * kernel thread (@fn) gets clean registers and runs @fn(@arg) first.
 */
void
arch_copy_thread(struct task_struct *p, const struct pt_regs *regs, void (*fn)(void *), void *arg)
{
	struct pt_regs *child = task_pt_regs(p);
	unsigned long *sp = (unsigned long *)child;

	if (regs) {
		*child = *regs;
		child->rax = 0;
	} else {
		memset(child, 0, sizeof(*child));
	}
	*--sp = (unsigned long)ret_from_fork;
	*--sp = 0;		    /* rbp */
	*--sp = (unsigned long)fn;  /* rbx */
	*--sp = (unsigned long)arg; /* r12 */
	*--sp = 0;		    /* r13 */
	*--sp = 0;		    /* r14 */
	*--sp = 0;		    /* r15 */
	p->thread.sp = (unsigned long)sp;
	if (current && current->mm && regs) {
		/* The parent's FPU registers are live in the CPU: save them first. */
		__asm__ volatile("fxsave %0" : "=m"(current->thread.fxsave));
		memcpy(p->thread.fxsave, current->thread.fxsave, sizeof(p->thread.fxsave));
	} else
		memcpy(p->thread.fxsave, init_fpstate, sizeof(init_fpstate));
	p->thread.fsbase = regs && current ? rdmsr(MSR_FS_BASE) : 0;
}

/*
 * arch_switch_to - the CPU half of a task switch: save @prev's FPU and FS
 * base, load @next's, aim the TSS and syscall entry at @next's stack, and
 * swap stacks. Returns when @prev is scheduled again.
 */
void
arch_switch_to(struct task_struct *prev, struct task_struct *next)
{
	unsigned long top = (unsigned long)next->stack + THREAD_SIZE;

	__asm__ volatile("fxsave %0" : "=m"(prev->thread.fxsave));
	prev->thread.fsbase = rdmsr(MSR_FS_BASE);
	__asm__ volatile("fxrstor %0" : : "m"(next->thread.fxsave));
	wrmsr(MSR_FS_BASE, next->thread.fsbase);
	tss_set_rsp0(top);
	cpu0.top_of_stack = top;
	__switch_to_asm(&prev->thread.sp, next->thread.sp);
}

/* arch_switch_mm - run with @pgd's page tables (NULL: the kernel's own). */
void
arch_switch_mm(uint64_t *pgd)
{
	write_cr3(__pa(pgd ? pgd : init_pgd));
}

/*
 * arch_start_thread - make the task return to user mode at @ip with stack
 * @sp, as a freshly exec'd program: registers zero (the psABI leaves them
 * unspecified but RDX, the exit hook, must be 0), interrupts on, a clean FPU.
 */
void
arch_start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->rip = ip;
	regs->rsp = sp;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->eflags = X86_EFLAGS_IF | X86_EFLAGS_FIXED;
	memcpy(current->thread.fxsave, init_fpstate, sizeof(init_fpstate));
	__asm__ volatile("fxrstor %0" : : "m"(init_fpstate));
	current->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	/*
	 * An ELF entry point outside the user half: iretq to a non-canonical
	 * RIP raises #GP(0) while still in kernel mode on real CPUs (Intel
	 * SDM Vol. 2A, IRET, 64-bit mode exceptions), which would be an oops.
	 * The program dies of SIGSEGV instead, as on Linux, before the return
	 * to user mode is tried (exit_to_user_mode delivers it).
	 */
	if (ip >= TASK_SIZE_MAX)
		force_sig(SIGSEGV);
}

/* arch_prctl - the FS base, which glibc and musl point at the thread's TLS. */
SYSCALL_DEFINE2(arch_prctl, int, option, unsigned long, addr)
{
	switch (option) {
	case ARCH_SET_FS:
		if (addr >= TASK_SIZE_MAX)
			return -EPERM;
		current->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS: return put_user_u64(current->thread.fsbase, (void *)addr);
	case ARCH_SET_GS:
	case ARCH_GET_GS: return -EINVAL; /* a user GS base is not supported */
	default: return -EINVAL;
	}
}

/* arch_fpu_save - the live FPU/SSE registers into @buf (512 bytes, 16-aligned). */
void
arch_fpu_save(uint8_t *buf)
{
	__asm__ volatile("fxsave %0" : "=m"(*(uint8_t(*)[512])buf));
}

/* arch_fpu_reset - a clean FPU/SSE state, as a new program gets. */
void
arch_fpu_reset(void)
{
	__asm__ volatile("fxrstor %0" : : "m"(init_fpstate));
}

#define FXSAVE_MXCSR	   24 /* byte offsets in the fxsave image */
#define FXSAVE_MXCSR_MASK  28
#define MXCSR_MASK_DEFAULT 0xffbf /* when the CPU reports 0 (SDM Vol. 1, 11.6.6) */

/*
 * arch_fpu_restore_user - load an FPU image that came from user memory
 * (a signal frame). A reserved MXCSR bit would make fxrstor fault in the
 * kernel, so they are cleared first, as Linux does.
 */
void
arch_fpu_restore_user(uint8_t *buf)
{
	uint32_t mask, mxcsr;

	memcpy(&mask, init_fpstate + FXSAVE_MXCSR_MASK, sizeof(mask));
	if (!mask)
		mask = MXCSR_MASK_DEFAULT;
	memcpy(&mxcsr, buf + FXSAVE_MXCSR, sizeof(mxcsr));
	mxcsr &= mask;
	memcpy(buf + FXSAVE_MXCSR, &mxcsr, sizeof(mxcsr));
	__asm__ volatile("fxrstor %0" : : "m"(*(uint8_t(*)[512])buf));
}
