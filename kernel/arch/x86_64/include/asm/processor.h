/*
 * asm/processor.h - control registers, MSRs, CPUID and other one-instruction
 * helpers (Intel SDM Vol. 3A, 2.5 "Control Registers"; Vol. 4, MSRs).
 */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

#include <pagoda/types.h>

#include <asm/page.h>

#define X86_CR0_PE	   (1UL << 0)  /* protected mode */
#define X86_CR0_WP	   (1UL << 16) /* supervisor writes honour read-only pages */
#define X86_CR0_PG	   (1UL << 31) /* paging */
#define X86_CR4_PAE	   (1UL << 5)
#define X86_CR4_PGE	   (1UL << 7)
#define X86_CR4_OSFXSR	   (1UL << 9)
#define X86_CR4_SMEP	   (1UL << 20)
#define X86_CR4_SMAP	   (1UL << 21)

#define MSR_EFER	   0xc0000080
#define EFER_LME	   (1UL << 8) /* long mode enable */
#define EFER_NX		   (1UL << 11)
#define MSR_FS_BASE	   0xc0000100
#define MSR_GS_BASE	   0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

#define X86_EFLAGS_TF	   (1UL << 8)  /* single-step trap */
#define X86_EFLAGS_IF	   (1UL << 9)  /* interrupts enabled */
#define X86_EFLAGS_RF	   (1UL << 16) /* resume flag */
#define X86_EFLAGS_FIXED   (1UL << 1)  /* always 1 */

/*
 * The user half of the address space is [0, TASK_SIZE_MAX): the canonical
 * addresses below 2^47 (Intel SDM Vol. 3A, 4.5 "4-Level Paging"), less
 * the last page, which is never mapped: so neither a user access nor the
 * sysret after a `syscall` in the last bytes runs off the end into the
 * non-canonical hole. An x86-64 process has no other size (TASK_SIZE).
 * Its stack's top is at the end; mmap's search for free space starts
 * 128 MiB below it (Linux puts mmap_base the stack limit, at least
 * 128 MiB, and a random offset below).
 */
#define TASK_SIZE_MAX	   ((1UL << 47) - PAGE_SIZE)
#define TASK_SIZE	   TASK_SIZE_MAX
#define STACK_TOP	   TASK_SIZE
#define MMAP_BASE	   (TASK_SIZE - (128UL << 20))

/*
 * thread_struct - the CPU state of a task that is not running, beyond what
 * its kernel stack holds: the kernel stack pointer where switch_to() left
 * it, the FS base (user thread-local storage, arch_prctl), and the x87/SSE
 * registers in fxsave format (Intel SDM Vol. 1, 10.5 "FXSAVE and FXRSTOR").
 */
struct thread_struct {
	unsigned long sp;				  /* kernel RSP saved by switch_to */
	unsigned long fsbase;				  /* user FS base */
	uint8_t fxsave[512] __attribute__((aligned(16))); /* FPU and SSE state */
};

#define DEFINE_CR_ACCESSORS(n)                                                                     \
	static inline unsigned long read_cr##n(void)                                               \
	{                                                                                          \
		unsigned long v;                                                                   \
		__asm__ volatile("mov %%cr" #n ", %0" : "=r"(v));                                  \
		return v;                                                                          \
	}                                                                                          \
	static inline void write_cr##n(unsigned long v)                                            \
	{                                                                                          \
		__asm__ volatile("mov %0, %%cr" #n : : "r"(v) : "memory");                         \
	}

DEFINE_CR_ACCESSORS(0)
DEFINE_CR_ACCESSORS(2)
DEFINE_CR_ACCESSORS(3)
DEFINE_CR_ACCESSORS(4)

static inline uint64_t
rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void
wrmsr(uint32_t msr, uint64_t value)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((uint32_t)value), "d"((uint32_t)(value >> 32)));
}

static inline void
cpuid(uint32_t leaf, uint32_t subleaf, uint32_t *a, uint32_t *b, uint32_t *c, uint32_t *d)
{
	__asm__ volatile("cpuid"
			 : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			 : "a"(leaf), "c"(subleaf));
}

/* rdtsc - the time-stamp counter, in CPU cycles since reset. */
static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline void
local_irq_enable(void)
{
	__asm__ volatile("sti" : : : "memory");
}

static inline void
local_irq_disable(void)
{
	__asm__ volatile("cli" : : : "memory");
}

static inline unsigned long
local_save_flags(void)
{
	unsigned long flags;

	__asm__ volatile("pushfq; popq %0" : "=r"(flags) : : "memory");
	return flags;
}

/* irqs_disabled - is the interrupt flag (EFLAGS.IF) clear? */
static inline bool
irqs_disabled(void)
{
	return !(local_save_flags() & X86_EFLAGS_IF);
}

/* Save the interrupt flag and disable interrupts; undo with restore. */
static inline unsigned long
local_irq_save(void)
{
	unsigned long flags = local_save_flags();

	local_irq_disable();
	return flags;
}

static inline void
local_irq_restore(unsigned long flags)
{
	if (flags & X86_EFLAGS_IF)
		local_irq_enable();
}

/* Wait for the next interrupt. */
static inline void
halt(void)
{
	__asm__ volatile("hlt" : : : "memory");
}

/* Enable interrupts and wait, with no gap in between for one to slip in. */
static inline void
safe_halt(void)
{
	__asm__ volatile("sti; hlt" : : : "memory");
}

static inline void
invlpg(unsigned long va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

#endif /* ASM_PROCESSOR_H */
