/*
 * include/pagoda/arch.h - what portable kernel code asks of the machine.
 *
 * The short, named list of machine functions (STYLE.md, Hardware
 * boundary). Each is defined under kernel/arch/x86_64/.
 */
#ifndef PAGODA_ARCH_H
#define PAGODA_ARCH_H

#include <pagoda/compiler.h>
#include <pagoda/types.h>

/* The serial console, first thing at boot, so anything after can print. */
void arch_early_console_init(void);

/* The other consoles (VGA), once the command line is known. */
void arch_console_init(void);

/* Allow interrupts on this CPU. */
void arch_irq_enable(void);

/* Set up segments, interrupt and exception handling (traps.c, gdt.c). */
void arch_trap_init(void);

/* Measure the cycle counter's rate (time.c). */
void arch_tsc_init(void);

/* The CPU's cycle counter (TSC), and cycles converted to microseconds. */
uint64_t arch_cycles(void);
unsigned long arch_cycles_to_us(uint64_t cycles);

/* Start the periodic timer at HZ ticks per second (time.c). */
void arch_time_init(void);

/* Print the call trace of the caller (dumpstack.c). */
void arch_dump_stack(void);

/* Stop for good after a panic: tell QEMU (test runs), then halt. */
__noreturn void arch_halt_after_panic(void);

/* Power the machine off: in QEMU, end the emulator (reboot.c). */
__noreturn void arch_power_off(void);

/* Report a kernel self-test failure and stop the machine (reboot.c). */
__noreturn void arch_fail_test_run(void);

/* Wait for the next interrupt with interrupts enabled. */
void arch_idle(void);

#endif /* PAGODA_ARCH_H */
