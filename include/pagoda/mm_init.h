/*
 * include/pagoda/mm_init.h - bringing memory management up at boot.
 */
#ifndef PAGODA_MM_INIT_H
#define PAGODA_MM_INIT_H

#include <pagoda/multiboot2.h>

/*
 * mm_init - from GRUB's memory map: memblock, the kernel's page tables,
 * mem_map and the buddy allocator, then the slab caches. After it,
 * alloc_pages() and kmalloc() work (kernel/mm/init.c).
 */
void mm_init(const struct boot_info *bi);

/* Microseconds mm_init took to set up mem_map and the free lists. */
extern unsigned long mem_init_us;

#endif /* PAGODA_MM_INIT_H */
