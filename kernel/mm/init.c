/*
 * kernel/mm/init.c - from GRUB's memory map to a working page allocator.
 *
 * mm_init() runs once at boot, in this order:
 *   1. memblock learns the RAM ranges from the Multiboot2 memory map and
 *      reserves what is taken: the low 1 MiB (BIOS data, VGA), the kernel
 *      image, GRUB's boot information and modules (the initramfs);
 *   2. paging_init() builds the kernel's page tables (direct map of all
 *      RAM, W^X kernel image) and drops the boot tables;
 *   3. mem_map (one struct page per frame) is carved out of memblock, and
 *      every unreserved page goes to the buddy allocator;
 *   4. the slab caches start.
 * Then it prints Linux's "Memory:" line.
 *
 * Counterpart: Linux mm/mm_init.c (mem_init) and arch/x86/kernel/setup.c.
 */
#include <pagoda/arch.h>
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>
#include <pagoda/mm_init.h>
#include <pagoda/printk.h>
#include <pagoda/slab.h>

#include <asm/pgtable.h>

extern char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];

/* The kernel image, from the 32-bit entry code to the end of .bss. */
#define KERNEL_LOAD_ADDR (1UL * MiB)
#define LOW_MEMORY_END	 (1UL * MiB)

unsigned long mem_init_us;

static void
memblock_setup(const struct boot_info *bi)
{
	memblock_reset();
	for (unsigned int i = 0; i < bi->nr_mem_ranges; i++)
		if (bi->mem[i].type == MB2_MEMORY_AVAILABLE)
			memblock_add(bi->mem[i].start, bi->mem[i].end);
	memblock_reserve(0, LOW_MEMORY_END);
	memblock_reserve(KERNEL_LOAD_ADDR, __pa_symbol(_end));
	memblock_reserve(bi->info_start, bi->info_end);
	for (unsigned int i = 0; i < bi->nr_modules; i++)
		memblock_reserve(bi->modules[i].start, bi->modules[i].end);
}

/* mem_map covers every frame up to the end of RAM, holes included. */
static void
buddy_setup(void)
{
	uint64_t t0 = arch_cycles();
	unsigned long nr_pfns = PHYS_PFN(memblock_end_of_ram());
	phys_addr_t bytes = ALIGN_UP(nr_pfns * sizeof(struct page), PAGE_SIZE);
	phys_addr_t map_pa = memblock_alloc(bytes, PAGE_SIZE, ~0ULL);

	if (!map_pa)
		panic("no memory for mem_map (%llu bytes)", (unsigned long long)bytes);
	free_area_init(__va(map_pa), nr_pfns);
	memblock_free_all();
	mem_init_us = arch_cycles_to_us(arch_cycles() - t0);
}

static void
print_memory_summary(void)
{
	unsigned long text = (_etext - _text) / KiB, ro = (_erodata - _rodata) / KiB;
	unsigned long data = (_end - _data) / KiB;
	unsigned long total = memblock_phys_mem_size() / KiB;

	pr_info("Memory: %luK/%luK available (%luK kernel code, %luK rodata, %luK rwdata, "
		"%luK reserved)\n",
		nr_free_pages() * (PAGE_SIZE / KiB), total, text, ro, data,
		total - totalram_pages() * (PAGE_SIZE / KiB));
	pr_info("Memory: mem_map and free lists set up in %lu us (%lu frames)\n", mem_init_us,
		max_pfn);
}

void
mm_init(const struct boot_info *bi)
{
	memblock_setup(bi);
	paging_init();
	buddy_setup();
	kmem_cache_init();
	mm_cache_init();
	print_memory_summary();
}
