/*
 * kernel/arch/x86_64/pgtable.c - reading and changing page tables.
 *
 * The small page-table API everything else uses: the kernel's own
 * mappings (paging.c) now, user address spaces (mm/) later. Each
 * function walks the four levels described in asm/pgtable.h. Tables are
 * pages from the buddy allocator once it runs; before that (while
 * paging_init builds the direct map) they come from memblock, below
 * 4 GiB where the boot page tables can reach them.
 *
 * Counterpart: Linux mm/memory.c and arch/x86/mm/pgtable.c (which walk
 * with one function per level; Pagoda loops over the levels instead).
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>
#include <pagoda/string.h>

#include <asm/pgtable.h>

#include <uapi/errno.h>

#define BOOT_MAPPED_LIMIT (4UL * GiB) /* what the boot page tables map */

pgprot_t __supported_pte_mask = ~0ULL;

/* A zeroed page for a new table; its physical address, or 0. */
static phys_addr_t
alloc_pgtable_page(void)
{
	if (totalram_pages() > 0) {
		struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);

		return page ? page_to_phys(page) : 0;
	}
	phys_addr_t pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE, BOOT_MAPPED_LIMIT);

	if (pa)
		memset(__va(pa), 0, PAGE_SIZE);
	return pa;
}

/* The table an entry points to, through the direct map. */
static inline pte_t *
pte_table(pte_t entry)
{
	return __va(pte_phys(entry));
}

/* LAB(pagetable) BEGIN: walk the four levels (allocating tables), map and unmap pages */
/*
 * next_level - the table below @entry (in a table at a level above 1);
 * allocate it if it is missing and @alloc. Intermediate entries get the
 * widest rights (writable, user if @user): the last level decides.
 */
static pte_t *
next_level(pte_t *entry, bool alloc, bool user)
{
	if (pte_present(*entry))
		return (*entry & _PAGE_PSE) ? NULL : pte_table(*entry);
	if (!alloc)
		return NULL;
	phys_addr_t pa = alloc_pgtable_page();

	if (!pa)
		return NULL;
	*entry = pa | _PAGE_PRESENT | _PAGE_RW | (user ? _PAGE_USER : 0);
	return __va(pa);
}

/* walk_level - the entry for @va in the table at @target level (4 .. 1). */
static pte_t *
walk_level(pte_t *pgd, unsigned long va, int target, bool alloc, bool user)
{
	pte_t *table = pgd;

	for (int level = 4; level > target; level--) {
		table = next_level(&table[pgtable_index(va, level)], alloc, user);
		if (!table)
			return NULL;
	}
	return &table[pgtable_index(va, target)];
}

static pte_t *
walk(pte_t *pgd, unsigned long va, bool alloc, bool user)
{
	return walk_level(pgd, va, 1, alloc, user);
}

pte_t *
walk_pgtable(pte_t *pgd, unsigned long va, bool alloc)
{
	return walk(pgd, va, alloc, false);
}

unsigned long
pgtable_next(pte_t *pgd, unsigned long va)
{
	pte_t *table = pgd;

	/* An entry at level L covers 2^(12 + 9 * (L - 1)) bytes: 512 GiB in
	 * the PML4, 1 GiB in a PDPT, 2 MiB in a PD, 4 KiB in a PT. */
	for (int level = 4; level > 1; level--) {
		pte_t entry = table[pgtable_index(va, level)];
		unsigned long span = 1UL << (PAGE_SHIFT + 9 * (level - 1));

		if (!pte_present(entry) || (entry & _PAGE_PSE))
			return ALIGN_DOWN(va, span) + span;
		table = pte_table(entry);
	}
	return va + PAGE_SIZE;
}

/* user_entries - entries with the user bit in @table (at @level) and below. */
static unsigned long
user_entries(const pte_t *table, int level)
{
	unsigned long n = 0;

	for (int i = 0; i < PTRS_PER_TABLE; i++) {
		pte_t e = table[i];

		if (!pte_present(e))
			continue;
		if (e & _PAGE_USER)
			n++;
		if (level > 1 && !(e & _PAGE_PSE))
			n += user_entries(pte_table(e), level - 1);
	}
	return n;
}

unsigned long
kernel_half_user_entries(const pte_t *pgd)
{
	unsigned long n = 0;

	for (int i = PTRS_PER_TABLE / 2; i < PTRS_PER_TABLE; i++) {
		if (!pte_present(pgd[i]))
			continue;
		if (pgd[i] & _PAGE_USER)
			n++;
		n += user_entries(pte_table(pgd[i]), 3);
	}
	return n;
}

pte_t *
walk_user_pgtable(pte_t *pgd, unsigned long va, bool alloc)
{
	return walk(pgd, va, alloc, true);
}

int
map_pages(pte_t *pgd, unsigned long va, phys_addr_t pa, unsigned long len, pgprot_t prot)
{
	prot &= __supported_pte_mask;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *pte = walk(pgd, va + off, true, prot & _PAGE_USER);

		if (!pte)
			return -ENOMEM;
		*pte = (pa + off) | prot;
		flush_tlb_one(va + off);
	}
	return 0;
}

int
map_large_pages(pte_t *pgd, unsigned long va, phys_addr_t pa, unsigned long len, pgprot_t prot)
{
	prot &= __supported_pte_mask;
	for (unsigned long off = 0; off < len; off += PMD_SIZE) {
		pte_t *pmd = walk_level(pgd, va + off, 2, true, prot & _PAGE_USER);

		if (!pmd)
			return -ENOMEM;
		*pmd = (pa + off) | prot | _PAGE_PSE;
		flush_tlb_one(va + off);
	}
	return 0;
}

void
unmap_pages(pte_t *pgd, unsigned long va, unsigned long len)
{
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *pte = walk(pgd, va + off, false, false);

		if (pte && pte_present(*pte)) {
			*pte = 0;
			flush_tlb_one(va + off);
		}
	}
}
/* LAB(pagetable) END */

void
set_pages_prot(pte_t *pgd, unsigned long va, unsigned long len, pgprot_t prot)
{
	prot &= __supported_pte_mask;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *pte = walk(pgd, va + off, false, false);

		if (pte && pte_present(*pte)) {
			*pte = pte_phys(*pte) | prot;
			flush_tlb_one(va + off);
		}
	}
}

phys_addr_t
lookup_phys(pte_t *pgd, unsigned long va)
{
	pte_t *table = pgd;

	for (int level = 4; level >= 1; level--) {
		pte_t entry = table[pgtable_index(va, level)];

		if (!pte_present(entry))
			return (phys_addr_t)-1;
		/* A large page at this level maps the rest of the address. */
		if (level == 1 || (level == 2 && (entry & _PAGE_PSE))) {
			unsigned long span = 1UL << (PAGE_SHIFT + 9 * (level - 1));

			return pte_phys(entry) + (va & (span - 1));
		}
		table = pte_table(entry);
	}
	return (phys_addr_t)-1;
}

static bool
table_is_empty(const pte_t *table)
{
	for (int i = 0; i < PTRS_PER_TABLE; i++)
		if (table[i])
			return false;
	return true;
}

/*
 * free_level - free the empty tables below the entries of @table (at
 * @level) that cover [start, end); an entry is only cleared when its
 * table is empty, so ranges that share a table with live mappings keep it.
 */
static void
free_level(pte_t *table, int level, unsigned long start, unsigned long end)
{
	unsigned long span = 1UL << (PAGE_SHIFT + 9 * (level - 1));

	if (level == 1)
		return; /* PTEs map frames, not tables */
	for (unsigned long va = start; va < end; va = ALIGN_DOWN(va, span) + span) {
		pte_t *entry = &table[pgtable_index(va, level)];

		if (!pte_present(*entry) || (*entry & _PAGE_PSE))
			continue;
		pte_t *child = pte_table(*entry);

		free_level(child, level - 1, va, min(end, ALIGN_DOWN(va, span) + span));
		/* The kernel half's PDPTs are shared by every address space
		 * (mm_alloc copies the PML4 entries): they stay. */
		if (level == 4 && pgtable_index(va, 4) >= PTRS_PER_TABLE / 2)
			continue;
		if (table_is_empty(child)) {
			*entry = 0;
			free_page((unsigned long)child);
		}
		if (ALIGN_DOWN(va, span) + span < va)
			break; /* wrapped around the top of the address space */
	}
}

void
free_pgtables(pte_t *pgd, unsigned long start, unsigned long end)
{
	free_level(pgd, 4, start, end);
}

int
pgtable_prealloc(pte_t *pgd, unsigned long va)
{
	return walk_level(pgd, va, 3, true, false) ? 0 : -ENOMEM;
}
