/*
 * kernel/arch/x86_64/paging.c - the kernel's own page tables.
 *
 * boot/boot32.asm left rough boot tables: the first 4 GiB mapped three
 * times, everything writable and executable. paging_init() replaces them
 * with the layout the kernel keeps (DESIGN.md, Address space):
 *
 *   PAGE_OFFSET + pa    the direct map: all RAM (and the low 1 MiB with
 *                       the VGA text buffer), 2 MiB pages where the range
 *                       allows, never executable;
 *   0xffffffff80000000  the kernel image, 4 KiB pages, W^X:
 *     + pa                .text read-only and executable,
 *                         .rodata read-only, .data and .bss writable,
 *                         neither executable; the page below the boot
 *                         stack is left unmapped, so overflowing the
 *                         stack faults instead of corrupting .bss.
 *
 * Nothing maps virtual address 0 any more: a NULL dereference in the
 * kernel now faults.
 *
 * Counterpart: Linux arch/x86/mm/init_64.c (kernel_physical_mapping_init)
 * and arch/x86/mm/init.c (mark_rodata_ro).
 */
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/printk.h>
#include <pagoda/string.h>

#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/smap.h>

#include "internal.h"

/* Linker-script symbols (linker.ld) and the boot stack (head64.asm). */
extern char _text[], _etext[], _rodata[], _erodata[], _data[], _end[];
extern char init_stack_guard[];

pte_t *init_pgd;

#define LOW_MEMORY_END (1UL * MiB)

/*
 * map_direct_range - map [start, end) at PAGE_OFFSET + start: 4 KiB pages
 * up to the first 2 MiB boundary, 2 MiB pages (PS set in the PD entry)
 * while a whole one fits, 4 KiB pages for the rest.
 */
static void
map_direct_range(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t pa = ALIGN_DOWN(start, PAGE_SIZE);

	end = ALIGN_UP(end, PAGE_SIZE);
	while (pa < end) {
		unsigned long va = (unsigned long)__va(pa);

		unsigned long step = PAGE_SIZE;
		int err;

		if (IS_ALIGNED(pa, PMD_SIZE) && end - pa >= PMD_SIZE) {
			step = PMD_SIZE;
			err = map_large_pages(init_pgd, va, pa, step, PAGE_KERNEL);
		} else {
			err = map_pages(init_pgd, va, pa, step, PAGE_KERNEL);
		}
		if (err < 0)
			panic("out of memory for the direct map");
		pa += step;
	}
}

/* map_kernel_section - map [start, end) of the kernel image with @prot. */
static void
map_kernel_section(const char *start, const char *end, pgprot_t prot)
{
	unsigned long va = ALIGN_DOWN((unsigned long)start, PAGE_SIZE);
	unsigned long len = ALIGN_UP((unsigned long)end, PAGE_SIZE) - va;

	if (map_pages(init_pgd, va, __pa_symbol((void *)va), len, prot) < 0)
		panic("out of memory for the kernel mapping");
}

/* setup_nx - use NX if the CPU has it (boot32.asm then set EFER.NXE). */
static void
setup_nx(void)
{
	if (!(rdmsr(MSR_EFER) & EFER_NX)) {
		__supported_pte_mask &= ~_PAGE_NX;
		pr_warn("paging: this CPU has no NX bit; data is executable\n");
	}
}

bool smap_enabled;

/* CPUID leaf 7, subleaf 0, EBX (Intel SDM Vol. 2A, CPUID). */
#define CPUID7_EBX_SMEP (1U << 7)
#define CPUID7_EBX_SMAP (1U << 20)

/*
 * cpu_protection_init - keep the kernel out of user pages: SMEP (the
 * kernel never executes a user page) and SMAP (it reads and writes them
 * only between stac and clac, in uaccess.c), where CPUID offers them.
 * QEMU's `-cpu max` and recent hardware have both.
 */
void
cpu_protection_init(void)
{
	uint32_t a, b, c, d, max_leaf;
	unsigned long cr4 = read_cr4();

	cpuid(0, 0, &max_leaf, &b, &c, &d);
	if (max_leaf < 7) {
		pr_warn("paging: no SMEP or SMAP on this CPU\n");
		return;
	}
	cpuid(7, 0, &a, &b, &c, &d);
	if (b & CPUID7_EBX_SMEP)
		cr4 |= X86_CR4_SMEP;
	if (b & CPUID7_EBX_SMAP) {
		__asm__ volatile("clac" : : : "memory");
		cr4 |= X86_CR4_SMAP;
		smap_enabled = true;
	}
	write_cr4(cr4);
	pr_info("paging: SMEP %s, SMAP %s\n", (cr4 & X86_CR4_SMEP) ? "on" : "off",
		(cr4 & X86_CR4_SMAP) ? "on" : "off");
}

void
paging_init(void)
{
	phys_addr_t pgd_pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE, 4UL * GiB);

	if (!pgd_pa)
		panic("no memory for the kernel page tables");
	init_pgd = __va(pgd_pa);
	memset(init_pgd, 0, PAGE_SIZE);
	setup_nx();

	map_direct_range(0, LOW_MEMORY_END);
	for (unsigned int i = 0; i < memblock.memory.cnt; i++)
		map_direct_range(memblock.memory.regions[i].start, memblock.memory.regions[i].end);

	map_kernel_section(_text, _etext, PAGE_KERNEL_EXEC);
	map_kernel_section(_rodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_section(_data, init_stack_guard, PAGE_KERNEL);
	map_kernel_section(init_stack_guard + PAGE_SIZE, _end, PAGE_KERNEL);

	write_cr3(pgd_pa); /* the boot tables and their identity map are gone */
	if (kernel_half_user_entries(init_pgd))
		panic("paging: user-accessible entries in the kernel's half");
	cpu_protection_init();
	pr_info("paging: direct map of %llu MiB at %#lx, kernel text RX, data NX\n",
		(unsigned long long)memblock_phys_mem_size() / MiB, PAGE_OFFSET);
}
