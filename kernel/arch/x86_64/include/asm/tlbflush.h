/*
 * asm/tlbflush.h - telling the TLB that page-table entries changed.
 *
 * The CPU caches translations in its TLB and does not notice when a PTE
 * in memory changes: after making an entry less permissive (clearing it,
 * write-protecting it, pointing it at another frame) the kernel must
 * flush the old translation before anything can use it again (Intel SDM
 * Vol. 3A, 4.10.4 "Invalidation of TLBs and Paging-Structure Caches").
 * An entry that was not present needs no flush: the CPU never caches one
 * (4.10.2.3), so installing a first mapping is free.
 *
 * mm/ says what changed and lets the machine choose how to flush:
 *
 *   flush_tlb_page(vma, addr)          one page of vma->vm_mm;
 *   flush_tlb_range(vma, start, end)   [start, end): one invlpg a page,
 *                                      or, above tlb_single_page_flush_ceiling
 *                                      pages, one reload of CR3 (cheaper
 *                                      than 34 invlpgs, as Linux measured);
 *   flush_tlb_mm(mm)                   every user page of @mm (fork).
 *
 * Only the address space loaded in CR3 can have entries in this CPU's TLB
 * (Pagoda does not use PCIDs), so changes to another mm cost nothing.
 * /proc/vmstat counts the flushes (nr_tlb_local_flush_one, _all).
 *
 * Counterpart: Linux arch/x86/include/asm/tlbflush.h, arch/x86/mm/tlb.c.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <pagoda/mm_types.h>

#include <asm/page.h>

/* Above this many pages a range flush reloads CR3 (Linux's default, 33). */
extern unsigned long tlb_single_page_flush_ceiling;

/*
 * flush_tlb_mm_range - drop this CPU's translations of [start, end) in
 * @mm, if @mm is the address space loaded in CR3. Any context.
 */
void flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/* flush_tlb_mm - drop every user translation of @mm (a CR3 reload). */
void flush_tlb_mm(struct mm_struct *mm);

/* flush_tlb_range - after changing the PTEs of [start, end) in @vma. */
static inline void
flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	flush_tlb_mm_range(vma->vm_mm, start, end);
}

/* flush_tlb_page - after changing the PTE of the page at @addr in @vma. */
static inline void
flush_tlb_page(struct vm_area_struct *vma, unsigned long addr)
{
	flush_tlb_mm_range(vma->vm_mm, addr, addr + PAGE_SIZE);
}

#endif /* ASM_TLBFLUSH_H */
