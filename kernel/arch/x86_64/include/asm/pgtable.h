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

#include <pagoda/mm_types.h>
#include <pagoda/types.h>

#include <asm/page.h>

typedef uint64_t pte_t;	   /* one entry of any page-table level */
typedef uint64_t pgprot_t; /* the flag bits of an entry */

/* Entry bits (Intel SDM Vol. 3A, Table 4-19 and neighbours). */
#define _PAGE_PRESENT	   (1ULL << 0)	/* P: the entry is valid */
#define _PAGE_RW	   (1ULL << 1)	/* R/W: writes allowed */
#define _PAGE_USER	   (1ULL << 2)	/* U/S: user mode may access */
#define _PAGE_PWT	   (1ULL << 3)	/* write-through caching */
#define _PAGE_PCD	   (1ULL << 4)	/* caching disabled */
#define _PAGE_ACCESSED	   (1ULL << 5)	/* A: set by the CPU on access */
#define _PAGE_DIRTY	   (1ULL << 6)	/* D: set by the CPU on write */
#define _PAGE_PSE	   (1ULL << 7)	/* PS: a large page (in a PD or PDPT entry) */
#define _PAGE_GLOBAL	   (1ULL << 8)	/* G: kept in the TLB across CR3 loads */
#define _PAGE_NX	   (1ULL << 63) /* XD: no instruction fetch */
/* A user page of a PROT_NONE VMA keeps its frame in a PTE the CPU sees
 * as not present (P clear: every access faults, SIGSEGV); the G bit,
 * meaningless without P, marks it as still mapped. Linux: _PAGE_PROTNONE. */
#define _PAGE_PROTNONE	   _PAGE_GLOBAL

#define PTE_PFN_MASK	   0x000ffffffffff000ULL /* bits 51:12, the frame address */
#define PTRS_PER_TABLE	   512
#define PMD_SIZE	   (1UL << 21) /* bytes a PD entry maps: 2 MiB */
#define USER_HALF_END	   (1UL << 47) /* the lower half, user space, ends here */

/* Protections for kernel mappings. */
#define PAGE_KERNEL	   (_PAGE_PRESENT | _PAGE_RW | _PAGE_GLOBAL | _PAGE_NX) /* data */
#define PAGE_KERNEL_RO	   (_PAGE_PRESENT | _PAGE_GLOBAL | _PAGE_NX)		/* rodata */
#define PAGE_KERNEL_EXEC   (_PAGE_PRESENT | _PAGE_GLOBAL)			/* text */

/*
 * Protections for user pages (Linux's names and meanings). x86 cannot map
 * a page write-only, so every one that is present is readable. A private
 * writable page is PAGE_COPY, read-only: its first write faults, and the
 * fault handler gives it a frame of its own if it needs one (a new page,
 * copy-on-write after fork) before it sets R/W with pte_mkwrite.
 */
#define PAGE_NONE	   (_PAGE_PROTNONE | _PAGE_USER | _PAGE_NX)	      /* PROT_NONE */
#define PAGE_READONLY	   (_PAGE_PRESENT | _PAGE_USER | _PAGE_NX)	      /* read */
#define PAGE_READONLY_EXEC (_PAGE_PRESENT | _PAGE_USER)			      /* read, run */
#define PAGE_COPY	   PAGE_READONLY				      /* private, written */
#define PAGE_COPY_EXEC	   PAGE_READONLY_EXEC				      /* ... and run */
#define PAGE_SHARED	   (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW | _PAGE_NX) /* shared, written */
#define PAGE_SHARED_EXEC   (_PAGE_PRESENT | _PAGE_USER | _PAGE_RW)	      /* ... and run */

/*
 * The levels of a walk, Linux's enum pg_level (arch/x86/include/asm/
 * pgtable_types.h): the level of a table is what one of its entries maps.
 */
enum pg_level {
	PG_LEVEL_NONE,
	PG_LEVEL_4K,   /* a PT: its entries (ptes) map 4 KiB pages */
	PG_LEVEL_2M,   /* a PD: entries (pmds) map 2 MiB (PS set) or point to a PT */
	PG_LEVEL_1G,   /* a PDPT: entries (puds) point to a PD */
	PG_LEVEL_512G, /* the PML4: entries (pgds) point to a PDPT */
};

/* Which entry of a table at @level covers @va: 9 bits of @va, from bit
 * 12 + 9 * (level - 1) up (the picture at the top of this file). */
static inline unsigned int
pgtable_index(unsigned long va, enum pg_level level)
{
	return (va >> (PAGE_SHIFT + 9 * (level - 1))) & (PTRS_PER_TABLE - 1);
}

/* How many bytes one entry of a table at @level maps: 4 KiB, 2 MiB, 1 GiB, 512 GiB. */
static inline unsigned long
pgtable_span(enum pg_level level)
{
	return 1UL << (PAGE_SHIFT + 9 * (level - 1));
}

/*
 * Reading and making PTEs: Linux's helpers (arch/x86/include/asm/
 * pgtable.h), so mm/ never names an x86 bit. A PTE is
 *
 *   63  62    52 51                 12 11  9 8 7 6 5 4 3 2 1 0
 *  | NX | (free) |   frame number (pfn) | free|G|PS|D|A|CD|WT|U|W|P|
 *
 * (Intel SDM Vol. 3A, Table 4-19). The pte_mk* helpers return a changed
 * copy; writing it into the table is the caller's business.
 */

/* The physical address of the frame (or table) an entry points to. */
static inline phys_addr_t
pte_phys(pte_t pte)
{
	return pte & PTE_PFN_MASK;
}

/* pte_pfn - the frame number of the page @pte maps (bits 51:12). */
static inline unsigned long
pte_pfn(pte_t pte)
{
	return (pte & PTE_PFN_MASK) >> PAGE_SHIFT;
}

/* pfn_pte - an entry mapping frame @pfn with the bits @prot. */
static inline pte_t
pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return ((pte_t)pfn << PAGE_SHIFT) | prot;
}

/* pte_none - an empty entry: nothing mapped, no table. */
static inline bool
pte_none(pte_t pte)
{
	return pte == 0;
}

/* pte_present - mapped: P set, or a PROT_NONE page (see _PAGE_PROTNONE). */
static inline bool
pte_present(pte_t pte)
{
	return pte & (_PAGE_PRESENT | _PAGE_PROTNONE);
}

/* pte_write - may the page be written (R/W)? */
static inline bool
pte_write(pte_t pte)
{
	return pte & _PAGE_RW;
}

/* pte_young - has the CPU accessed the page since A was last cleared? */
static inline bool
pte_young(pte_t pte)
{
	return pte & _PAGE_ACCESSED;
}

/* pte_dirty - has the CPU written the page since D was last cleared? */
static inline bool
pte_dirty(pte_t pte)
{
	return pte & _PAGE_DIRTY;
}

/* pte_exec - may instructions be fetched from the page (NX clear)? */
static inline bool
pte_exec(pte_t pte)
{
	return !(pte & _PAGE_NX);
}

static inline pte_t
pte_mkwrite(pte_t pte)
{
	return pte | _PAGE_RW;
}

/* pte_wrprotect - read-only: the next write faults (copy-on-write). */
static inline pte_t
pte_wrprotect(pte_t pte)
{
	return pte & ~_PAGE_RW;
}

static inline pte_t
pte_mkyoung(pte_t pte)
{
	return pte | _PAGE_ACCESSED;
}

static inline pte_t
pte_mkold(pte_t pte)
{
	return pte & ~_PAGE_ACCESSED;
}

static inline pte_t
pte_mkdirty(pte_t pte)
{
	return pte | _PAGE_DIRTY;
}

static inline pte_t
pte_mkclean(pte_t pte)
{
	return pte & ~_PAGE_DIRTY;
}

/* The bits pte_modify keeps: the frame and what the CPU recorded (A, D). */
#define _PAGE_CHG_MASK (PTE_PFN_MASK | _PAGE_ACCESSED | _PAGE_DIRTY)

/* pte_modify - @pte with new protection bits @newprot (mprotect). */
static inline pte_t
pte_modify(pte_t pte, pgprot_t newprot)
{
	return (pte & _PAGE_CHG_MASK) | (newprot & ~_PAGE_CHG_MASK);
}

/* ptep_set_wrprotect - make the entry at @ptep read-only (fork's COW). */
static inline void
ptep_set_wrprotect(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	*ptep = pte_wrprotect(*ptep);
}

/* ptep_get_and_clear - empty the entry at @ptep; returns what it held. */
static inline pte_t
ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep)
{
	pte_t pte = *ptep;

	*ptep = 0;
	return pte;
}

/* The kernel's own page tables, built by paging_init(). */
extern pte_t *init_pgd;

/* The NX bit where the CPU has it, else 0 (paging_init strips it). */
extern pgprot_t __supported_pte_mask;

/* Can the CPU forbid instruction fetches (NX)? paging_init found out. */
static inline bool
pgtable_nx_supported(void)
{
	return __supported_pte_mask & _PAGE_NX;
}

/*
 * vm_get_page_prot - the PTE bits for the pages of a VMA with @vm_flags.
 * Linux's protection_map: VM_READ, VM_WRITE, VM_EXEC and VM_SHARED are
 * the four lowest bits of vm_flags (0x1, 0x2, 0x4, 0x8), so together they
 * index a table of 16 protections. NX is dropped where the CPU lacks it.
 */
static inline pgprot_t
vm_get_page_prot(unsigned long vm_flags)
{
	static const pgprot_t protection_map[16] = {
		[VM_NONE] = PAGE_NONE,
		[VM_READ] = PAGE_READONLY,
		[VM_WRITE] = PAGE_COPY,
		[VM_WRITE | VM_READ] = PAGE_COPY,
		[VM_EXEC] = PAGE_READONLY_EXEC,
		[VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
		[VM_EXEC | VM_WRITE] = PAGE_COPY_EXEC,
		[VM_EXEC | VM_WRITE | VM_READ] = PAGE_COPY_EXEC,
		[VM_SHARED] = PAGE_NONE,
		[VM_SHARED | VM_READ] = PAGE_READONLY,
		[VM_SHARED | VM_WRITE] = PAGE_SHARED,
		[VM_SHARED | VM_WRITE | VM_READ] = PAGE_SHARED,
		[VM_SHARED | VM_EXEC] = PAGE_READONLY_EXEC,
		[VM_SHARED | VM_EXEC | VM_READ] = PAGE_READONLY_EXEC,
		[VM_SHARED | VM_EXEC | VM_WRITE] = PAGE_SHARED_EXEC,
		[VM_SHARED | VM_EXEC | VM_WRITE | VM_READ] = PAGE_SHARED_EXEC,
	};

	return protection_map[vm_flags & (VM_READ | VM_WRITE | VM_EXEC | VM_SHARED)] &
	       __supported_pte_mask;
}

/*
 * walk_pgtable - the entry for @va in the table at @level under @pgd
 * (PG_LEVEL_4K: its PTE); with @alloc, missing tables on the way are
 * allocated (zeroed). Returns NULL when a table is missing (or could not
 * be allocated), or when a large page maps @va. Never sleeps. For a user
 * address space the caller holds mm->page_table_lock when @alloc is set.
 */
pte_t *walk_pgtable(pte_t *pgd, unsigned long va, enum pg_level level, bool alloc);

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
