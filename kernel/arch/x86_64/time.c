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

#include <asm/io.h>

#include "internal.h"

#define PIT_CH0	      0x40
#define PIT_MODE      0x43
#define PIT_TICK_RATE 1193182 /* Hz */
#define PIT_LATCH     ((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;

/* timer_interrupt - IRQ 0, HZ times a second. */
void
timer_interrupt(struct pt_regs *regs)
{
	(void)regs;
	jiffies++;
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
