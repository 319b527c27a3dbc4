/*
 * asm/smap.h - opening and closing the window through which the kernel
 * may touch user pages.
 *
 * With CR4.SMAP set, a kernel access to a page that has the user bit
 * faults unless RFLAGS.AC is set; with CR4.SMEP set, the kernel can never
 * execute a user page (Intel SDM Vol. 3A, 4.6 "Access Rights"). The
 * functions in uaccess.c set AC with `stac` just before their access and
 * clear it with `clac` right after, so any other kernel access to user
 * memory -- a bug, or a kernel tricked by a user pointer -- faults.
 *
 * stac and clac are invalid opcodes on a CPU without SMAP, hence the test
 * of smap_enabled (Linux patches the instructions in or out at boot with
 * its "alternatives"; a branch is simpler to read).
 *
 * Counterpart: Linux arch/x86/include/asm/smap.h.
 */
#ifndef ASM_SMAP_H
#define ASM_SMAP_H

#include <pagoda/types.h>

#define X86_EFLAGS_AC (1UL << 18) /* alignment check; with SMAP: user access allowed */

/* Set at boot by cpu_protection_init() when the CPU has SMAP. */
extern bool smap_enabled;

/* stac - allow kernel accesses to user pages (sets RFLAGS.AC). */
static inline void
stac(void)
{
	if (smap_enabled)
		__asm__ volatile("stac" : : : "memory");
}

/* clac - forbid them again (clears RFLAGS.AC). */
static inline void
clac(void)
{
	if (smap_enabled)
		__asm__ volatile("clac" : : : "memory");
}

/* cpu_protection_init - turn on SMEP and SMAP where CPUID offers them. */
void cpu_protection_init(void);

#endif /* ASM_SMAP_H */
