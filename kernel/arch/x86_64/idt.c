/*
 * kernel/arch/x86_64/idt.c - the interrupt descriptor table.
 *
 * Entry N of the IDT tells the CPU where to go for vector N: vectors 0-31
 * are the CPU's exceptions, 32-47 the legacy PIC's interrupts (i8259.c).
 * Each points at a stub in entry.asm. All are interrupt gates, which clear
 * IF on entry, so a handler is never interrupted by another interrupt
 * unless it enables them (Intel SDM Vol. 3A, 6.14.1 "64-Bit Mode IDT").
 *
 * Counterpart: Linux arch/x86/kernel/idt.c.
 */
#include <pagoda/kernel.h>

#include <asm/segment.h>

#include "internal.h"

/* A 64-bit IDT gate descriptor (Intel SDM Vol. 3A, Figure 6-8). */
struct idt_gate {
	uint16_t offset_low;  /* handler address 15:0 */
	uint16_t selector;    /* code segment to run it in */
	uint8_t ist;	      /* 0, or the IST stack (1-7) to switch to */
	uint8_t type_attr;    /* P, DPL, type: 0x8e = present interrupt gate, DPL 0 */
	uint16_t offset_mid;  /* handler address 31:16 */
	uint32_t offset_high; /* handler address 63:32 */
	uint32_t reserved;
} __packed;

#define GATE_INTERRUPT	    0x8e
#define GATE_INTERRUPT_USER 0xee /* DPL 3: `int3` from user mode may use it */
#define IDT_ENTRIES	    256
#define NR_STUBS	    48 /* entry.asm's isr_stub_table */
#define X86_TRAP_BP	    3
#define X86_TRAP_DF	    8
#define IST_DOUBLEFAULT	    1

static struct idt_gate idt_table[IDT_ENTRIES] __aligned(16);

extern const unsigned long isr_stub_table[NR_STUBS];

static void
set_gate(unsigned int vector, unsigned long handler, uint8_t type, uint8_t ist)
{
	struct idt_gate *g = &idt_table[vector];

	g->offset_low = handler & 0xffff;
	g->selector = __KERNEL_CS;
	g->ist = ist;
	g->type_attr = type;
	g->offset_mid = (handler >> 16) & 0xffff;
	g->offset_high = handler >> 32;
	g->reserved = 0;
}

/*
 * idt_init - install the stubs and load the IDT. Vectors without a stub
 * stay not-present: raising one (with `int`) causes a #GP instead.
 */
void
idt_init(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed idtr = { sizeof(idt_table) - 1, (uint64_t)idt_table };

	for (unsigned int v = 0; v < NR_STUBS; v++)
		set_gate(v, isr_stub_table[v], GATE_INTERRUPT, 0);
	set_gate(X86_TRAP_BP, isr_stub_table[X86_TRAP_BP], GATE_INTERRUPT_USER, 0);
	set_gate(X86_TRAP_DF, isr_stub_table[X86_TRAP_DF], GATE_INTERRUPT, IST_DOUBLEFAULT);
	__asm__ volatile("lidt %0" : : "m"(idtr));
}
