/*
 * asm/io.h - x86 port I/O: the in and out instructions.
 *
 * The PC's legacy devices (the serial UART, the PIC, the PIT, the VGA's
 * CRT controller, QEMU's isa-debug-exit) sit in the 64 KiB I/O port space
 * (Intel SDM Vol. 1, chapter 19 "Input/Output").
 */
#ifndef ASM_IO_H
#define ASM_IO_H

#include <pagoda/types.h>

static inline void
outb(uint16_t port, uint8_t value)
{
	__asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void
outw(uint16_t port, uint16_t value)
{
	__asm__ volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void
outl(uint16_t port, uint32_t value)
{
	__asm__ volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline uint8_t
inb(uint16_t port)
{
	uint8_t value;

	__asm__ volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* A write to an unused port: a short delay some old devices need. */
static inline void
io_delay(void)
{
	outb(0x80, 0);
}

#endif /* ASM_IO_H */
