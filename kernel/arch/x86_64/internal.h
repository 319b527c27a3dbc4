/*
 * kernel/arch/x86_64/internal.h - functions shared inside arch/x86_64 only.
 */
#ifndef ARCH_X86_64_INTERNAL_H
#define ARCH_X86_64_INTERNAL_H

#include <asm/ptrace.h>

/* serial.c */
void serial_init(void);
int serial_getc(void);
void serial_rx_interrupt(void);

void serial_console_select(const char *name);

/* vga.c */
void vga_init(void);
void vga_tty_output(const char *s, size_t len);

/* gdt.c */
void gdt_init(void);
void tss_set_rsp0(unsigned long sp);

/* syscall_64.c, process.c */
void syscall_init(void);
bool do_syscall_64(struct pt_regs *regs);
void fpu_init(void);

/* uaccess.c: resume a faulting user access at its fixup, if it has one. */
bool fixup_exception(struct pt_regs *regs);

/* idt.c */
void idt_init(void);

/* traps.c: the C side of every exception; called from entry.asm. */
void x86_handle_interrupt(struct pt_regs *regs, unsigned long vector);
void do_exception(struct pt_regs *regs, unsigned long vector, unsigned long error_code);

/* i8259.c: the legacy interrupt controller */
void init_i8259(void);
void i8259_eoi(unsigned int irq);
void i8259_unmask(unsigned int irq);

/* dumpstack.c */
void print_address_symbol(const char *prefix, unsigned long addr);
void dump_stack_from(unsigned long rbp);

/* time.c */
void timer_interrupt(struct pt_regs *regs);

/* Vectors: 0-31 are the CPU's exceptions; the PIC's 16 IRQs follow. */
#define FIRST_EXTERNAL_VECTOR 0x20
#define NR_IRQS_LEGACY	      16
#define IRQ_TIMER	      0
#define IRQ_COM1	      4

#endif /* ARCH_X86_64_INTERNAL_H */
