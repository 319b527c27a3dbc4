/*
 * kernel/arch/x86_64/i8259.c - the legacy interrupt controller (8259A PIC).
 *
 * Two PICs in cascade deliver the PC's 16 device interrupts: IRQ 0 is the
 * timer (time.c), IRQ 4 the COM1 serial port. At power-on they use vectors
 * 8-15, which clash with the CPU's exceptions, so we reprogram them to
 * vectors 32-47 with the four initialization command words (Intel 8259A
 * data sheet, "Initialization Command Words"). Every interrupt must be
 * acknowledged with an end-of-interrupt (EOI) command, or no further one of
 * the same or lower priority arrives.
 *
 * Counterpart: Linux arch/x86/kernel/i8259.c.
 */
#include <asm/io.h>

#include "internal.h"

#define PIC_MASTER_CMD	0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD	0xa0
#define PIC_SLAVE_DATA	0xa1
#define PIC_EOI		0x20
#define PIC_CASCADE_IRQ 2 /* the slave is wired to the master's IRQ 2 */

static uint16_t irq_mask = 0xffff & ~(1u << PIC_CASCADE_IRQ); /* 1 = masked */

static void
write_mask(void)
{
	outb(PIC_MASTER_DATA, irq_mask & 0xff);
	outb(PIC_SLAVE_DATA, irq_mask >> 8);
}

/* init_i8259 - remap the PICs to vectors 32-47, every IRQ masked. */
void
init_i8259(void)
{
	outb(PIC_MASTER_CMD, 0x11); /* ICW1: edge-triggered, cascade, ICW4 follows */
	io_delay();
	outb(PIC_SLAVE_CMD, 0x11);
	io_delay();
	outb(PIC_MASTER_DATA, FIRST_EXTERNAL_VECTOR); /* ICW2: vector base */
	io_delay();
	outb(PIC_SLAVE_DATA, FIRST_EXTERNAL_VECTOR + 8);
	io_delay();
	outb(PIC_MASTER_DATA, 1u << PIC_CASCADE_IRQ); /* ICW3: slave on IRQ 2 */
	io_delay();
	outb(PIC_SLAVE_DATA, PIC_CASCADE_IRQ); /* ICW3: my cascade identity */
	io_delay();
	outb(PIC_MASTER_DATA, 0x01); /* ICW4: 8086 mode */
	io_delay();
	outb(PIC_SLAVE_DATA, 0x01);
	io_delay();
	write_mask();
}

/* i8259_unmask - let @irq (0-15) through. */
void
i8259_unmask(unsigned int irq)
{
	irq_mask &= ~(1u << irq);
	write_mask();
}

/* i8259_eoi - acknowledge @irq; an IRQ from the slave needs both PICs told. */
void
i8259_eoi(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_SLAVE_CMD, PIC_EOI);
	outb(PIC_MASTER_CMD, PIC_EOI);
}
