/*
 * include/pagoda/jiffies.h - the timer tick count.
 *
 * The timer (kernel/arch/x86_64/time.c) interrupts HZ times a second and
 * each interrupt adds one to jiffies. Linux's name and meaning.
 */
#ifndef PAGODA_JIFFIES_H
#define PAGODA_JIFFIES_H

#define HZ 100 /* timer interrupts per second */

extern volatile unsigned long jiffies;

#endif /* PAGODA_JIFFIES_H */
