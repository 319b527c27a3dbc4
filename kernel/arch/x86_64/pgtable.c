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
 * with one function per level; Pagoda loops over the levels instead, in
 * walk_pgtable: a fault steps from handle_mm_fault straight into it).
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

unsigned long
pgtable_next(pte_t *pgd, unsigned long va)
{
	pte_t *table = pgd;

	for (enum pg_level level = PG_LEVEL_512G; level > PG_LEVEL_4K; level--) {
		pte_t entry = table[pgtable_index(va, level)];
		unsigned long span = pgtable_span(level);

		if (!pte_present(entry) || (entry & _PAGE_PSE))
			return ALIGN_DOWN(va, span) + span;
		table = pte_table(entry);
	}
	return va + PAGE_SIZE;
}

/* user_entries - entries with the user bit in @table (at @level) and below. */
static unsigned long
user_entries(const pte_t *table, enum pg_level level)
{
	unsigned long n = 0;

	for (int i = 0; i < PTRS_PER_TABLE; i++) {
		pte_t e = table[i];

		if (!pte_present(e))
			continue;
		if (e & _PAGE_USER)
			n++;
		if (level > PG_LEVEL_4K && !(e & _PAGE_PSE))
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
		n += user_entries(pte_table(pgd[i]), PG_LEVEL_1G);
	}
	return n;
}

/* LAB(pagetable) BEGIN: walk the four levels (allocating tables), map and unmap pages */
/*
 * walk_pgtable - the entry for @va in the table at @level under @pgd:
 * PG_LEVEL_4K for the PTE, PG_LEVEL_2M for the PD entry of a 2 MiB page.
 * From the PML4 down, each level's entry points to the next table; with
 * @alloc, a missing table is allocated (zeroed) and linked in. Returns
 * NULL when a table is missing (or could not be allocated), or when a
 * large page maps @va above @level.
 *
 * A table's entry gets the widest rights, writable and, in the lower
 * (user) half, user-accessible: the CPU combines every level's bits, so
 * the last level alone decides (Intel SDM Vol. 3A, 4.6 "Access Rights").
 * Linux takes one step per level (pgd_offset, p4d_alloc, pud_alloc,
 * pmd_alloc, pte_alloc); the entries all look alike, so Pagoda loops.
 */
pte_t *
walk_pgtable(pte_t *pgd, unsigned long va, enum pg_level level, bool alloc)
{
	pgprot_t table_prot = _PAGE_PRESENT | _PAGE_RW | (va < USER_HALF_END ? _PAGE_USER : 0);
	pte_t *table = pgd;

	for (enum pg_level l = PG_LEVEL_512G; l > level; l--) {
		pte_t *entry = &table[pgtable_index(va, l)];

		if (pte_none(*entry)) {
			phys_addr_t pa = alloc ? alloc_pgtable_page() : 0;

			if (!pa)
				return NULL;
			*entry = pa | table_prot;
		} else if (*entry & _PAGE_PSE) {
			return NULL; /* a large page maps @va: there is no table below */
		}
		table = pte_table(*entry);
	}
	return &table[pgtable_index(va, level)];
}

int
map_pages(pte_t *pgd, unsigned long va, phys_addr_t pa, unsigned long len, pgprot_t prot)
{
	prot &= __supported_pte_mask;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *pte = walk_pgtable(pgd, va + off, PG_LEVEL_4K, true);

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
		pte_t *pmd = walk_pgtable(pgd, va + off, PG_LEVEL_2M, true);

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
		pte_t *pte = walk_pgtable(pgd, va + off, PG_LEVEL_4K, false);

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
		pte_t *pte = walk_pgtable(pgd, va + off, PG_LEVEL_4K, false);

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

	for (enum pg_level level = PG_LEVEL_512G; level >= PG_LEVEL_4K; level--) {
		pte_t entry = table[pgtable_index(va, level)];

		if (!pte_present(entry))
			return (phys_addr_t)-1;
		/* A large page at this level maps the rest of the address. */
		if (level == PG_LEVEL_4K || (level == PG_LEVEL_2M && (entry & _PAGE_PSE)))
			return pte_phys(entry) + (va & (pgtable_span(level) - 1));
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
free_level(pte_t *table, enum pg_level level, unsigned long start, unsigned long end)
{
	unsigned long span = pgtable_span(level);

	if (level == PG_LEVEL_4K)
		return; /* PTEs map frames, not tables */
	for (unsigned long va = start; va < end; va = ALIGN_DOWN(va, span) + span) {
		pte_t *entry = &table[pgtable_index(va, level)];

		if (!pte_present(*entry) || (*entry & _PAGE_PSE))
			continue;
		pte_t *child = pte_table(*entry);

		free_level(child, level - 1, va, min(end, ALIGN_DOWN(va, span) + span));
		/* The kernel half's PDPTs are shared by every address space
		 * (mm_alloc copies the PML4 entries): they stay. */
		if (level == PG_LEVEL_512G && pgtable_index(va, level) >= PTRS_PER_TABLE / 2)
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
	free_level(pgd, PG_LEVEL_512G, start, end);
}

int
pgtable_prealloc(pte_t *pgd, unsigned long va)
{
	return walk_pgtable(pgd, va, PG_LEVEL_1G, true) ? 0 : -ENOMEM;
}
