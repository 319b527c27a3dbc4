/*
 * kernel/arch/x86_64/tlb.c - TLB flushes for user address spaces
 * (see asm/tlbflush.h).
 *
 * invlpg drops one page's translation; writing CR3 drops every
 * translation that is not global (the kernel's pages are global and
 * stay). A range of more than tlb_single_page_flush_ceiling pages is
 * cheaper to flush whole.
 *
 * Counterpart: Linux arch/x86/mm/tlb.c (flush_tlb_mm_range, which also
 * sends the flush to the other CPUs that run @mm).
 */
#include <pagoda/mm.h>

#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>

unsigned long tlb_single_page_flush_ceiling = 33;

/* mm_loaded - is @mm the address space in CR3, so in this CPU's TLB? */
static bool
mm_loaded(const struct mm_struct *mm)
{
	return (read_cr3() & PTE_PFN_MASK) == __pa(mm->pgd);
}

void
flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned long npages = (end - start) >> PAGE_SHIFT;

	if (!mm_loaded(mm))
		return;
	if (npages > tlb_single_page_flush_ceiling) {
		arch_flush_tlb_all();
		count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
		return;
	}
	for (unsigned long addr = start; addr < end; addr += PAGE_SIZE)
		flush_tlb_one(addr);
	vm_events[NR_TLB_LOCAL_FLUSH_ONE] += npages;
}

void
flush_tlb_mm(struct mm_struct *mm)
{
	if (!mm_loaded(mm))
		return;
	arch_flush_tlb_all();
	count_vm_event(NR_TLB_LOCAL_FLUSH_ALL);
}
