/*
 * asm/segment.h - the GDT layout and its selectors.
 *
 * The order is Linux's, and it is not free: the syscall and sysret
 * instructions derive CS and SS from one MSR (IA32_STAR), so the kernel's
 * data segment must follow its code segment, and the user's 64-bit code
 * segment must follow the user's data segment (Intel SDM Vol. 2B, SYSRET).
 * A selector is the descriptor's index * 8, plus the requested privilege
 * level (3 for user segments) in its low two bits.
 */
#ifndef ASM_SEGMENT_H
#define ASM_SEGMENT_H

#define GDT_ENTRY_KERNEL32_CS 1
#define GDT_ENTRY_KERNEL_CS   2
#define GDT_ENTRY_KERNEL_DS   3
#define GDT_ENTRY_USER32_CS   4
#define GDT_ENTRY_USER_DS     5
#define GDT_ENTRY_USER_CS     6
#define GDT_ENTRY_TSS	      7 /* a TSS descriptor takes two entries */
#define GDT_ENTRIES	      9

#define __KERNEL_CS	      (GDT_ENTRY_KERNEL_CS * 8)	    /* 0x10 */
#define __KERNEL_DS	      (GDT_ENTRY_KERNEL_DS * 8)	    /* 0x18 */
#define __USER32_CS	      (GDT_ENTRY_USER32_CS * 8 + 3) /* 0x23 */
#define __USER_DS	      (GDT_ENTRY_USER_DS * 8 + 3)   /* 0x2b */
#define __USER_CS	      (GDT_ENTRY_USER_CS * 8 + 3)   /* 0x33 */
#define GDT_TSS_SEL	      (GDT_ENTRY_TSS * 8)	    /* 0x38 */

#endif /* ASM_SEGMENT_H */
