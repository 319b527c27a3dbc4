/*
 * kernel/arch/x86_64/reboot.c - stopping the machine.
 *
 * In QEMU a test run ends through the isa-debug-exit device (asm/qemu.h):
 * the kernel writes a code to port 0xf4 and QEMU exits with a status made
 * from it. Without that device (make qemu) the write does nothing, and
 * power-off falls through to ACPI: writing SLP_TYP=S5 | SLP_EN (0x2000) to
 * the PM1a control register, at port 0x604 on QEMU's PC machine (ACPI
 * spec 6.5, 4.8.3.2.1 "PM1 Control Registers"), ends QEMU with status 0.
 *
 * Counterpart: Linux arch/x86/kernel/reboot.c.
 */
#include <pagoda/arch.h>
#include <pagoda/printk.h>

#include <asm/io.h>
#include <asm/processor.h>
#include <asm/qemu.h>

#define QEMU_ACPI_PM1A_CNT 0x604
#define ACPI_SLP_EN_S5	   0x2000

void
qemu_exit(unsigned int code)
{
	outl(QEMU_EXIT_PORT, code);
}

static __noreturn void
halt_forever(void)
{
	for (;;) {
		local_irq_disable();
		halt();
	}
}

void
arch_halt_after_panic(void)
{
	qemu_exit(QEMU_EXIT_PANIC);
	halt_forever();
}

void
arch_fail_test_run(void)
{
	pr_emerg("pagoda: self-test failed, stopping\n");
	qemu_exit(QEMU_EXIT_FAILURE);
	halt_forever();
}

void
arch_power_off(void)
{
	pr_notice("reboot: Power down\n");
	qemu_exit(QEMU_EXIT_SUCCESS);
	outw(QEMU_ACPI_PM1A_CNT, ACPI_SLP_EN_S5);
	halt_forever();
}

void
arch_idle(void)
{
	safe_halt();
}
