/*
 * kernel/lib/panic.c - the end of the line when a kernel invariant breaks.
 *
 * panic() prints the reason, where it was called, and a backtrace, then
 * stops the machine for good. In a test run QEMU exits at once with a
 * failure status (asm/qemu.h), so a broken kernel never waits for a
 * timeout. Bad input from user space must never get here: it gets an
 * error code, or its process gets a signal.
 *
 * Counterpart: Linux kernel/panic.c.
 */
#include <pagoda/arch.h>
#include <pagoda/kernel.h>
#include <pagoda/printk.h>

#include <asm/processor.h>

/* Set once a panic has begun, so a fault while reporting cannot recurse. */
static bool in_panic;

/* Set by the exception report (traps.c), which has printed the backtrace. */
bool oops_in_progress;

void
panic_at(const char *file, int line, const char *fmt, ...)
{
	va_list args;
	char msg[256];

	local_irq_disable();
	if (in_panic)
		arch_halt_after_panic(); /* a panic while panicking */
	in_panic = true;
	console_loglevel = CONSOLE_LOGLEVEL_DEFAULT; /* even when `quiet` */

	va_start(args, fmt);
	vsnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);

	pr_emerg("Kernel panic - not syncing: %s\n", msg);
	pr_emerg("  at %s:%d\n", file, line);
	if (!oops_in_progress)
		arch_dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", msg);
	arch_halt_after_panic();
}
