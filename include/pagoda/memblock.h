/*
 * include/pagoda/memblock.h - the boot-time memory allocator.
 *
 * Before the buddy allocator exists, something must say which memory is
 * RAM and which of it is taken (the kernel image, GRUB's boot information
 * and modules), and hand out the memory the buddy allocator itself needs
 * (mem_map) and the kernel's page tables. memblock keeps two lists of
 * physical ranges, `memory` and `reserved`; memblock_free_all() then gives
 * every unreserved page of RAM to the buddy allocator.
 *
 * Counterpart: Linux mm/memblock.c.
 */
#ifndef PAGODA_MEMBLOCK_H
#define PAGODA_MEMBLOCK_H

#include <pagoda/types.h>

#define MEMBLOCK_MAX_REGIONS 128

/* A physical range [start, end). */
struct memblock_region {
	phys_addr_t start;
	phys_addr_t end;
};

struct memblock_type {
	unsigned int cnt; /* regions in use, sorted by start, disjoint */
	struct memblock_region regions[MEMBLOCK_MAX_REGIONS];
};

struct memblock {
	struct memblock_type memory;   /* RAM */
	struct memblock_type reserved; /* RAM that is taken */
};

extern struct memblock memblock;

/* Forget all regions (boot, and host tests). */
void memblock_reset(void);

/* Add [start, end) to RAM, or mark it taken. Return 0 or -ENOMEM (full). */
int memblock_add(phys_addr_t start, phys_addr_t end);
int memblock_reserve(phys_addr_t start, phys_addr_t end);

/*
 * memblock_alloc - @size bytes of RAM aligned to @align, below @limit,
 * taken from the highest free place; returns the physical address, or 0
 * when there is no room. The memory is not cleared.
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align, phys_addr_t limit);

/* The end of the highest RAM region: mem_map must reach this far. */
phys_addr_t memblock_end_of_ram(void);

/* Bytes of RAM, and of it reserved. */
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);

/* Give every unreserved page of RAM to the buddy allocator; returns pages. */
unsigned long memblock_free_all(void);

#endif /* PAGODA_MEMBLOCK_H */
