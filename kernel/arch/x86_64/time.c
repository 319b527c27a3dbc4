/*
 * kernel/arch/x86_64/time.c - the periodic timer tick.
 *
 * Channel 0 of the 8253/8254 programmable interval timer (PIT) counts down
 * from a divisor at 1.193182 MHz and raises IRQ 0 each time it reaches
 * zero (Intel 8254 data sheet, mode 2 "rate generator"). A divisor of
 * 1193182 / HZ gives HZ interrupts a second. Each adds one to jiffies;
 * the scheduler will use the tick to preempt user programs.
 *
 * Counterpart: Linux arch/x86/kernel/i8253.c, kernel/time/timer.c.
 */
#include <pagoda/arch.h>
#include <pagoda/jiffies.h>

#include <pagoda/printk.h>
#include <pagoda/sched.h>

#include <asm/io.h>
#include <asm/processor.h>

#include "internal.h"

#define PIT_CH0	      0x40
#define PIT_MODE      0x43
#define PIT_TICK_RATE 1193182 /* Hz */
#define PIT_LATCH     ((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;

/* TSC ticks per millisecond, measured at boot. */
unsigned long tsc_khz;

#define PIT_CH2	       0x42
#define PIT_GATE_PORT  0x61 /* bit 0: channel 2 gate, bit 5: its output */
#define CALIBRATE_US   2000 /* one measurement */
#define CALIBRATE_RUNS 8    /* measurements; the shortest one counts */

/*
 * pit_measure_tsc - TSC cycles while PIT channel 2 counts down @latch in
 * mode 0 ("interrupt on terminal count"), whose output goes high at zero
 * (Intel 8254 data sheet). The first TSC read comes before the count
 * starts, the last after it ends: whatever delays the CPU (an interrupt,
 * or, under QEMU, the host taking the CPU away) only makes the result
 * larger, never smaller.
 */
static uint64_t
pit_measure_tsc(unsigned int latch)
{
	uint64_t t0;

	outb(PIT_MODE, 0xb0); /* channel 2, low then high byte, mode 0 */
	outb(PIT_CH2, latch & 0xff);
	t0 = rdtsc();
	outb(PIT_CH2, latch >> 8); /* writing the high byte starts the count */
	while (!(inb(PIT_GATE_PORT) & 0x20))
		;
	return rdtsc() - t0;
}

/*
 * arch_tsc_init - measure the TSC's rate against the PIT. One measurement
 * of 2 ms is precise to a fraction of a percent, but a host that is busy
 * with other work may stop QEMU in the middle of it and make the TSC look
 * faster than it is (then every clock_gettime runs slow: a busy 2-core
 * host showed 3152 MHz for a 2596 MHz TSC). So measure several times and
 * keep the shortest, as Linux's pit_calibrate_tsc() keeps the minimum.
 * QEMU's TCG drives the PIT from the host's clock and the TSC from the
 * host's TSC, so this holds there too.
 */
void
arch_tsc_init(void)
{
	unsigned int latch = PIT_TICK_RATE / 1000 * CALIBRATE_US / 1000;
	uint64_t cycles, best = UINT64_MAX;

	outb(PIT_GATE_PORT, (inb(PIT_GATE_PORT) & ~0x02) | 0x01); /* gate on, speaker off */
	for (int i = 0; i < CALIBRATE_RUNS; i++) {
		cycles = pit_measure_tsc(latch);
		if (cycles < best)
			best = cycles;
	}
	/* latch / PIT_TICK_RATE seconds passed: cycles per ms from that. */
	tsc_khz = best * PIT_TICK_RATE / latch / 1000;
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
}

uint64_t
arch_cycles(void)
{
	return rdtsc();
}

unsigned long
arch_cycles_to_us(uint64_t cycles)
{
	return tsc_khz ? cycles * 1000 / tsc_khz : 0;
}

/* timer_interrupt - IRQ 0, HZ times a second. */
void
timer_interrupt(struct pt_regs *regs)
{
	jiffies++;
	account_tick(user_mode(regs));
	scheduler_tick();
}

/* arch_time_init - start the PIT at HZ and let IRQ 0 through. */
void
arch_time_init(void)
{
	outb(PIT_MODE, 0x34); /* channel 0, low then high byte, mode 2 */
	outb(PIT_CH0, PIT_LATCH & 0xff);
	outb(PIT_CH0, PIT_LATCH >> 8);
	i8259_unmask(IRQ_TIMER);
}
