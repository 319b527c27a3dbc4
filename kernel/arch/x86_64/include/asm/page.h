/*
 * asm/page.h - page size and the kernel's two views of physical memory.
 *
 * The kernel sees all physical RAM through the direct map at PAGE_OFFSET
 * (physical address pa is at virtual PAGE_OFFSET + pa), and its own image
 * at __START_KERNEL_map + pa (linker.ld). These are Linux's names and
 * addresses (Documentation/arch/x86/x86_64/mm.rst).
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#include <pagoda/types.h>

#define PAGE_SHIFT  12
#define PAGE_SIZE   (1UL << PAGE_SHIFT)
#define PAGE_MASK   (~(PAGE_SIZE - 1))

/* Where kernel stacks are mapped, each above an unmapped guard page. */
#define KSTACK_AREA 0xffffc90000000000UL

/* The size of a kernel stack. */
#define THREAD_SIZE (4 * PAGE_SIZE)

#ifdef PAGODA_HOST_TEST
/* Host unit tests keep "physical memory" in a buffer (tests/host/shim.c). */
extern unsigned long host_page_offset;
#define PAGE_OFFSET host_page_offset
#else
#define PAGE_OFFSET 0xffff888000000000UL /* direct map of RAM */
#endif
#define __START_KERNEL_map 0xffffffff80000000UL /* the kernel image */

/* __va - the direct-map virtual address of physical address @pa. */
static inline void *
__va(phys_addr_t pa)
{
	return (void *)(pa + PAGE_OFFSET);
}

/* __pa - the physical address of direct-map virtual address @va. */
static inline phys_addr_t
__pa(const void *va)
{
	return (unsigned long)va - PAGE_OFFSET;
}

/* __pa_symbol - the physical address of a kernel image symbol. */
static inline phys_addr_t
__pa_symbol(const void *va)
{
	return (unsigned long)va - __START_KERNEL_map;
}

#endif /* ASM_PAGE_H */
