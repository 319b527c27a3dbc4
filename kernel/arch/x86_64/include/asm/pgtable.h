/*
 * asm/pgtable.h - x86-64 4-level page tables.
 *
 * A 48-bit virtual address is split into four 9-bit indexes and a 12-bit
 * offset (Intel SDM Vol. 3A, 4.5 "4-Level Paging"):
 *
 *   47      39 38      30 29      21 20      12 11         0
 *  | PML4 (pgd)| PDPT (pud)| PD (pmd)  | PT (pte)  |  offset   |
 *
 * CR3 holds the physical address of the PML4 table. Each table is one
 * 4 KiB page of 512 entries, and every level's entries have the same
 * shape: a physical address (bits 51:12) and flag bits. A PD entry with
 * PS set maps a 2 MiB page directly. Pagoda uses one type, pte_t, for an
 * entry at any level, and Linux's level names in comments: pgd, pud, pmd
 * and pte (Linux also has p4d, which 4-level paging folds away).
 *
 * Counterpart: Linux arch/x86/include/asm/pgtable_types.h, pgtable_64.h.
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <pagoda/types.h>

#include <asm/page.h>

typedef uint64_t pte_t;	   /* one entry of any page-table level */
typedef uint64_t pgprot_t; /* the flag bits of an entry */

/* Entry bits (Intel SDM Vol. 3A, Table 4-19 and neighbours). */
#define _PAGE_PRESENT	 (1ULL << 0)  /* P: the entry is valid */
#define _PAGE_RW	 (1ULL << 1)  /* R/W: writes allowed */
#define _PAGE_USER	 (1ULL << 2)  /* U/S: user mode may access */
#define _PAGE_PWT	 (1ULL << 3)  /* write-through caching */
#define _PAGE_PCD	 (1ULL << 4)  /* caching disabled */
#define _PAGE_ACCESSED	 (1ULL << 5)  /* A: set by the CPU on access */
#define _PAGE_DIRTY	 (1ULL << 6)  /* D: set by the CPU on write */
#define _PAGE_PSE	 (1ULL << 7)  /* PS: a large page (in a PD or PDPT entry) */
#define _PAGE_GLOBAL	 (1ULL << 8)  /* G: kept in the TLB across CR3 loads */
#define _PAGE_NX	 (1ULL << 63) /* XD: no instruction fetch */
/* A user page of a PROT_NONE VMA keeps its frame in a PTE the CPU sees
 * as not present (P clear: every access faults, SIGSEGV); the G bit,
 * meaningless without P, marks it as still mapped. Linux: _PAGE_PROTNONE. */
#define _PAGE_PROTNONE	 _PAGE_GLOBAL

#define PTE_PFN_MASK	 0x000ffffffffff000ULL /* bits 51:12, the frame address */
#define PTRS_PER_TABLE	 512
#define PMD_SIZE	 (1UL << 21) /* bytes a PD entry maps: 2 MiB */

/* Protections for kernel mappings. */
#define PAGE_KERNEL	 (_PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL | _PAGE_NX) /* data */
#define PAGE_KERNEL_RO	 (_PAGE_PRESENT | _PAGE_GLOBAL | _PAGE_NX)	      /* rodata */
#define PAGE_KERNEL_EXEC (_PAGE_PRESENT | _PAGE_GLOBAL)			      /* text */

/* Which entry of a table at @level (4 = PML4 ... 1 = PT) covers @va. */
static inline unsigned int
pgtable_index(unsigned long va, int level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

static inline phys_addr_t
pte_phys(pte_t pte)
{
	return pte & PTE_PFN_MASK;
}

static inline bool
pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/* The kernel's own page tables, built by paging_init(). */
extern pte_t *init_pgd;

/* The NX bit where the CPU has it, else 0 (paging_init strips it). */
extern pgprot_t __supported_pte_mask;

/*
 * walk_pgtable - the PT entry for @va in the tables under @pgd; with
 * @alloc, missing tables on the way are allocated (zeroed). Returns NULL
 * when a table is missing (or could not be allocated), or when a large
 * page maps @va.
 */
pte_t *walk_pgtable(pte_t *pgd, unsigned long va, bool alloc);

/*
 * pgtable_next - where a loop over the pages of a range should look after
 * @va: the next page, or, when a whole table is missing under @va (or a
 * large page maps it), the end of the region that entry covers. Loops
 * over a VMA use it so that a huge, mostly empty mapping (mmap of a
 * terabyte) costs time in proportion to the tables present, not to its
 * size: otherwise fork or munmap of one would stall the kernel for minutes.
 */
unsigned long pgtable_next(pte_t *pgd, unsigned long va);

/*
 * kernel_half_user_entries - how many entries, at any level, of the upper
 * half of @pgd (the kernel's, shared by every address space) have the
 * user bit. Must be 0: the CPU lets user mode at a page only if every
 * level above it has U/S set too (Intel SDM Vol. 3A, 4.6), and only the
 * lower half's tables are made with it.
 */
unsigned long kernel_half_user_entries(const pte_t *pgd);

/* walk_user_pgtable - the same for a user address: new tables get _PAGE_USER. */
pte_t *walk_user_pgtable(pte_t *pgd, unsigned long va, bool alloc);

/* pgtable_prealloc - make sure the PML4 entry for @va has its table, so
 * page tables that copy the kernel half later see what goes there. */
int pgtable_prealloc(pte_t *pgd, unsigned long va);

/* map_pages - map [@va, @va + @len) to @pa with 4 KiB pages; 0 or -ENOMEM. */
int map_pages(pte_t *pgd, unsigned long va, phys_addr_t pa, unsigned long len, pgprot_t prot);

/* map_large_pages - the same with 2 MiB pages; @va, @pa, @len 2 MiB-aligned. */
int map_large_pages(pte_t *pgd, unsigned long va, phys_addr_t pa, unsigned long len, pgprot_t prot);

/* unmap_pages - clear the PTEs of [@va, @va + @len), flushing the TLB. The
 * frames are the caller's to free. */
void unmap_pages(pte_t *pgd, unsigned long va, unsigned long len);

/* set_pages_prot - new protection for the mapped pages of the range. */
void set_pages_prot(pte_t *pgd, unsigned long va, unsigned long len, pgprot_t prot);

/* free_pgtables - free the page-table pages that map only [@start, @end)
 * and no longer map anything (after unmap_pages). */
void free_pgtables(pte_t *pgd, unsigned long start, unsigned long end);

/* lookup_phys - the physical address @va maps to in @pgd, or -1. */
phys_addr_t lookup_phys(pte_t *pgd, unsigned long va);

/* paging_init - build the kernel's page tables and switch to them. */
void paging_init(void);

static inline void
flush_tlb_one(unsigned long va)
{
	__asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

/* Flush every non-global TLB entry: reload CR3. */
static inline void
arch_flush_tlb_all(void)
{
	unsigned long cr3;

	__asm__ volatile("mov %%cr3, %0; mov %0, %%cr3" : "=r"(cr3) : : "memory");
}

#endif /* ASM_PGTABLE_H */
