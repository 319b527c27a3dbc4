/*
 * kernel/arch/x86_64/gdt.c - segment descriptors and the task state segment.
 *
 * In 64-bit mode segmentation is almost gone: code and data segments span
 * all memory, and what is left is the privilege level (ring 0 for the
 * kernel, ring 3 for user code) and the L bit for 64-bit code. The TSS no
 * longer switches tasks; it tells the CPU which stack to use when an
 * interrupt arrives from user mode (rsp0) and gives some vectors a stack of
 * their own (the interrupt stack table, IST), so that a double fault caused
 * by a kernel stack overflow still has a good stack to report it on
 * (Intel SDM Vol. 3A, 3.4.5 "Segment Descriptors", 8.7 "Task Management
 * in 64-bit Mode").
 *
 * Counterpart: Linux arch/x86/kernel/cpu/common.c (gdt_page, cpu_tss_rw).
 */
#include <pagoda/kernel.h>

#include <asm/segment.h>

#include "internal.h"

/* The 64-bit TSS (Intel SDM Vol. 3A, Figure 8-11). */
struct tss {
	uint32_t reserved0;
	uint64_t rsp[3]; /* stack for entering ring 0, 1, 2: rsp[0] is used */
	uint64_t reserved1;
	uint64_t ist[7]; /* IST1..IST7: stacks selected by an IDT entry */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base; /* offset of the I/O permission map: none here */
} __packed;

static_assert(sizeof(struct tss) == 104, "the TSS is 104 bytes");

/*
 * Segment descriptors, as 64-bit values. Bits that matter in long mode:
 * 47 P (present), 46:45 DPL, 44 S (code/data), 43 code, 41 readable or
 * writable, 40 accessed, 53 L (64-bit code), 54 D/B (32-bit), 55 G.
 */
#define DESC_KERNEL32_CS 0x00cf9b000000ffffULL
#define DESC_KERNEL_CS	 0x00af9b000000ffffULL /* L=1, DPL 0 */
#define DESC_KERNEL_DS	 0x00cf93000000ffffULL
#define DESC_USER32_CS	 0x00cffb000000ffffULL
#define DESC_USER_DS	 0x00cff3000000ffffULL /* DPL 3 */
#define DESC_USER_CS	 0x00affb000000ffffULL /* L=1, DPL 3 */

static uint64_t gdt[GDT_ENTRIES] __aligned(16) = {
	[GDT_ENTRY_KERNEL32_CS] = DESC_KERNEL32_CS, /* 0x08 */
	[GDT_ENTRY_KERNEL_CS] = DESC_KERNEL_CS,	    /* 0x10 */
	[GDT_ENTRY_KERNEL_DS] = DESC_KERNEL_DS,	    /* 0x18 */
	[GDT_ENTRY_USER32_CS] = DESC_USER32_CS,	    /* 0x23 */
	[GDT_ENTRY_USER_DS] = DESC_USER_DS,	    /* 0x2b */
	[GDT_ENTRY_USER_CS] = DESC_USER_CS,	    /* 0x33 */
};

struct tss cpu_tss __aligned(16);

/* The stack the double-fault handler runs on (IST1). */
#define IST_STACK_SIZE 8192
static uint8_t doublefault_stack[IST_STACK_SIZE] __aligned(16);

/* The operand of lgdt/lidt: a limit and a base address. */
struct desc_ptr {
	uint16_t limit;
	uint64_t base;
} __packed;

/*
 * set_tss_desc - the TSS descriptor is 16 bytes (two GDT slots): base
 * 31:24 and 23:0 and limit in the first, base 63:32 in the second;
 * type 0x9 = available 64-bit TSS.
 */
static void
set_tss_desc(uint64_t *desc, const struct tss *tss)
{
	uint64_t base = (uint64_t)tss, limit = sizeof(*tss) - 1;

	desc[0] = (limit & 0xffff) | ((base & 0xffffff) << 16) | (0x89ULL << 40) |
		  (((limit >> 16) & 0xf) << 48) | (((base >> 24) & 0xff) << 56);
	desc[1] = base >> 32;
}

/*
 * gdt_init - load the kernel's GDT and TSS, replacing boot/boot32.asm's
 * boot GDT. CS can only be reloaded by a far transfer: push the new CS and
 * a return address, and lretq to it.
 */
void
gdt_init(void)
{
	struct desc_ptr gdtr = { .limit = sizeof(gdt) - 1, .base = (uint64_t)gdt };

	cpu_tss.ist[0] = (uint64_t)(doublefault_stack + IST_STACK_SIZE);
	cpu_tss.iomap_base = sizeof(cpu_tss);
	set_tss_desc(&gdt[GDT_ENTRY_TSS], &cpu_tss);

	__asm__ volatile("lgdt %0" : : "m"(gdtr));
	__asm__ volatile("pushq %[cs]\n\t"
			 "leaq 1f(%%rip), %%rax\n\t"
			 "pushq %%rax\n\t"
			 "lretq\n"
			 "1:\n\t"
			 "movl %[ds], %%eax\n\t"
			 "movl %%eax, %%ds\n\t"
			 "movl %%eax, %%es\n\t"
			 "movl %%eax, %%ss\n\t"
			 :
			 : [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS)
			 : "rax", "memory");
	__asm__ volatile("ltr %w0" : : "r"(GDT_TSS_SEL));
}

/* tss_set_rsp0 - the stack the CPU switches to on an interrupt from user mode. */
void
tss_set_rsp0(unsigned long sp)
{
	cpu_tss.rsp[0] = sp;
}
