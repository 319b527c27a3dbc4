/*
 * kernel/mm/memory.c - page faults: where user pages get their frames.
 *
 * Step 5 of the malloc lecture. brk() and mmap() only create VMAs; no
 * frame is allocated until the program touches a page. The first access
 * faults (exc_page_fault in arch/x86_64/traps.c) and lands in
 * handle_mm_fault(), which finds the VMA and picks a handler:
 *
 *   do_anonymous_page  heap, stack, anonymous mmap: a read maps the shared
 *                      zero page read-only; a write (also the first write
 *                      after reads) gets a new zeroed frame from the buddy
 *                      allocator (alloc_pages with __GFP_ZERO);
 *   do_fault           a file mapping (a program's text and data, a file
 *                      mmap()ed): filemap_fault (mm/filemap.c) finds the
 *                      file's page in the page cache; do_shared_fault maps
 *                      that page itself (MAP_SHARED), do_read_fault maps it
 *                      read-only (MAP_PRIVATE, a read), do_cow_fault maps a
 *                      private copy (MAP_PRIVATE, a write);
 *   do_wp_page         a write to a present read-only page of a writable
 *                      VMA: copy-on-write after fork, or the first write
 *                      to a private file page read so far.
 *
 * Then the PTE is written and the faulting instruction is retried.
 *
 * Counterpart: Linux mm/memory.c.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/pagemap.h>
#include <pagoda/printk.h>
#include <pagoda/rmap.h>
#include <pagoda/shmem.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>

#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include <uapi/errno.h>

struct page *zero_page;

/* pte_page_rmap - the page @entry maps, if it counts in _mapcount (not the zero page). */
static struct page *
pte_page_rmap(pte_t entry)
{
	struct page *page;

	if (!pte_present(entry))
		return NULL;
	page = pfn_to_page(pte_pfn(entry));
	return page == zero_page ? NULL : page;
}

/*
 * install_pte - write @entry into @pte, the PTE of @addr in @vma, under
 * mm->page_table_lock. A present old entry may be in the TLB: flush it
 * (an empty one never is, asm/tlbflush.h). When the frame changes, the
 * old one loses a mapping and the new one gains one (rmap.h). Linux takes
 * the lock with pte_offset_map_lock and checks that the entry did not
 * change meanwhile (another CPU's fault); one CPU without preemption
 * cannot see that.
 */
static void
install_pte(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, pte_t entry)
{
	struct mm_struct *mm = vma->vm_mm;
	bool was_present = pte_present(*pte);
	struct page *old = pte_page_rmap(*pte), *new = pte_page_rmap(entry);

	spin_lock(&mm->page_table_lock);
	*pte = entry;
	if (was_present)
		flush_tlb_page(vma, addr);
	if (old != new) {
		if (old)
			page_remove_rmap(old);
		if (new &&new->mapping)
			page_add_file_rmap(new);
		else if (new)
			page_add_new_anon_rmap(new);
	}
	spin_unlock(&mm->page_table_lock);
}

/* LAB(brk) BEGIN: demand paging: the zero page for a read, a zeroed frame for a write */
static int
do_anonymous_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, bool write)
{
	struct page *page;

	if (!write) {
		/* Reads of a never-written page see zeros: share one frame. */
		install_pte(vma, addr, pte,
			    pte_wrprotect(pfn_pte(page_to_pfn(zero_page), vma->vm_page_prot)));
		return 0;
	}
	page = alloc_pages(GFP_USER | __GFP_ZERO, 0);
	if (!page)
		return VM_FAULT_OOM;
	/* The VMA is writable (access_error checked): the page is this
	 * process's alone, so it may be written without a fault. */
	install_pte(vma, addr, pte,
		    pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(page), vma->vm_page_prot))));
	vma->vm_mm->rss[MM_ANONPAGES]++;
	count_vm_event(PGALLOC_ANON);
	return 0;
}
/* LAB(brk) END */

/*
 * do_read_fault - a read of a private file mapping: map the cache page
 * itself, read-only, so that the first write faults into do_wp_page and
 * copies it (the cache page is never written through a private mapping).
 */
static int
do_read_fault(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, struct page *page)
{
	install_pte(vma, addr, pte, pte_wrprotect(pfn_pte(page_to_pfn(page), vma->vm_page_prot)));
	vma->vm_mm->rss[MM_FILEPAGES]++;
	return 0;
}

/*
 * do_cow_fault - a write to a private file mapping: a copy of the cache
 * page, this process's alone, mapped writable. The cache page is not
 * mapped, so its reference is dropped.
 */
static int
do_cow_fault(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, struct page *page)
{
	struct page *copy = alloc_pages(GFP_USER, 0);

	if (!copy) {
		put_page(page);
		return VM_FAULT_OOM;
	}
	memcpy(page_address(copy), page_address(page), PAGE_SIZE);
	put_page(page);
	install_pte(vma, addr, pte,
		    pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(copy), vma->vm_page_prot))));
	vma->vm_mm->rss[MM_FILEPAGES]++;
	count_vm_event(COW_FAULT);
	return 0;
}

/*
 * do_shared_fault - a MAP_SHARED file mapping: map the cache page itself,
 * so every mapping and read()/write() see the same bytes. vm_page_prot
 * already says whether it may be written; a write dirties the page.
 */
static int
do_shared_fault(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, struct page *page,
		bool write)
{
	pte_t entry = pfn_pte(page_to_pfn(page), vma->vm_page_prot);

	/* Linux write-protects shared pages of files that count dirty pages
	 * and dirties them on the write fault; tmpfs pages are dirty anyway,
	 * so a writable mapping is writable from the first fault on. */
	if (vma->vm_flags & VM_WRITE)
		set_page_dirty(page);
	if (write)
		entry = pte_mkdirty(entry);
	install_pte(vma, addr, pte, entry);
	vma->vm_mm->rss[MM_FILEPAGES]++;
	return 0;
}

/*
 * do_fault - a fault on a file mapping with no page yet: the file's page
 * from the page cache (filemap_fault), mapped as the mapping's kind says.
 * SIGBUS for a page wholly past the end of the file, as on Linux.
 */
static int
do_fault(struct vm_area_struct *vma, unsigned long addr, pte_t *pte, bool write)
{
	unsigned long pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	struct page *page;
	int ret;

	if (!vma->vm_file->f_inode->i_mapping)
		return VM_FAULT_SIGBUS; /* f_op->mmap let through a file with no cache */
	ret = filemap_fault(vma, pgoff, &page);
	if (ret)
		return ret;
	if (vma->vm_flags & VM_SHARED)
		return do_shared_fault(vma, addr, pte, page, write);
	if (write)
		return do_cow_fault(vma, addr, pte, page);
	return do_read_fault(vma, addr, pte, page);
}

/* LAB(cow) BEGIN: copy-on-write: reuse the frame if nobody else maps it, else copy it */
/*
 * do_wp_page - a write to a present, read-only page of a writable private
 * VMA, a page fork shared (the zero page is handle_mm_fault's business).
 * If nobody else maps the frame any more, make it writable; otherwise copy
 * it to a new frame: copy-on-write.
 */
static int
do_wp_page(struct vm_area_struct *vma, unsigned long addr, pte_t *pte)
{
	struct page *old = pfn_to_page(pte_pfn(*pte));

	if (page_ref_count(old) == 1) {
		install_pte(vma, addr, pte, pte_mkdirty(pte_mkwrite(*pte)));
		return 0;
	}
	struct page *page = alloc_pages(GFP_USER, 0);

	if (!page)
		return VM_FAULT_OOM;
	memcpy(page_address(page), page_address(old), PAGE_SIZE);
	put_page(old);
	install_pte(vma, addr, pte,
		    pte_mkdirty(pte_mkwrite(pfn_pte(page_to_pfn(page), vma->vm_page_prot))));
	count_vm_event(COW_FAULT);
	return 0;
}
/* LAB(cow) END */

/*
 * expand_stack - a fault just below a VM_GROWSDOWN VMA grows it down to
 * the faulting page, within RLIMIT_STACK and a guard gap above the next
 * mapping below. 0, or -ENOMEM.
 */
static int
expand_stack(struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = ALIGN_DOWN(addr, PAGE_SIZE);
	unsigned long limit = current->rlim[RLIMIT_STACK].rlim_cur;
	struct vm_area_struct *prev = vma->vm_prev;

	if (vma->vm_end - start > limit)
		return -ENOMEM;
	if (prev && start < prev->vm_end + STACK_GUARD_GAP)
		return -ENOMEM;
	if (!may_expand_vm(vma->vm_mm, vma->vm_flags, (vma->vm_start - start) >> PAGE_SHIFT))
		return -ENOMEM; /* RLIMIT_AS */
	/* The fault holds mmap_lock only for reading: the VMA's start moves
	 * under the page-table lock (as in Linux before 6.5, whose faults now
	 * take mmap_lock for writing to grow a stack). */
	spin_lock(&vma->vm_mm->page_table_lock);
	vm_stat_account(vma->vm_mm, vma->vm_flags, (long)((vma->vm_start - start) >> PAGE_SHIFT));
	vma->vm_start = start;
	spin_unlock(&vma->vm_mm->page_table_lock);
	return 0;
}

/* access_error - may an access of kind @flags touch @vma at all? */
static bool
access_error(const struct vm_area_struct *vma, unsigned int flags)
{
	if (flags & FAULT_FLAG_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	if (flags & FAULT_FLAG_INSTRUCTION)
		return !(vma->vm_flags & VM_EXEC);
	return !(vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC));
}

int
handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	bool write = flags & FAULT_FLAG_WRITE;
	pte_t *pte;

	/* Held for reading, by exc_page_fault; for writing, by mmap's populate. */
	mmap_assert_locked(mm);
	count_vm_event(PGFAULT);
	current->min_flt++; /* getrusage's ru_minflt */
	if (!vma)
		return VM_FAULT_SIGSEGV;
	if (addr < vma->vm_start &&
	    (!(vma->vm_flags & VM_GROWSDOWN) || expand_stack(vma, addr) < 0))
		return VM_FAULT_SIGSEGV;
	if (access_error(vma, flags))
		return VM_FAULT_SIGSEGV;
	spin_lock(&mm->page_table_lock); /* a missing table is linked in under it */
	pte = walk_pgtable((pte_t *)mm->pgd, addr, PG_LEVEL_4K, true);
	spin_unlock(&mm->page_table_lock);
	if (!pte)
		return VM_FAULT_OOM;
	addr = ALIGN_DOWN(addr, PAGE_SIZE);
	if (pte_present(*pte)) {
		if (!write || pte_write(*pte))
			return 0; /* already fixed up (e.g. two CPUs' worth of faults) */
		/* The first write to anonymous memory read so far: a frame of its own. */
		if (pte_pfn(*pte) == page_to_pfn(zero_page))
			return do_anonymous_page(vma, addr, pte, true);
		return do_wp_page(vma, addr, pte);
	}
	if (vma->vm_shared)
		return shmem_fault(vma, addr, pte);
	if (vma->vm_file)
		return do_fault(vma, addr, pte, write);
	return do_anonymous_page(vma, addr, pte, write);
}

/*
 * zap_page_range - clear the PTEs of [start, end) in @vma and drop the
 * frames, then flush the range from the TLB. Linux frees the frames only
 * after the flush (mmu_gather): another CPU could still write through a
 * stale entry. On one CPU no user code runs before the flush below.
 */
void
zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pgd = (pte_t *)mm->pgd;

	spin_lock(&mm->page_table_lock);
	for (unsigned long addr = start; addr < end; addr = pgtable_next(pgd, addr)) {
		pte_t *pte = walk_pgtable(pgd, addr, PG_LEVEL_4K, false);

		if (!pte || !pte_present(*pte))
			continue;
		struct page *page = pfn_to_page(pte_pfn(ptep_get_and_clear(mm, addr, pte)));

		if (page == zero_page)
			continue;
		/* A shared object's or the page cache's frame keeps the
		 * object's own reference. */
		mm->rss[vma->vm_file ? MM_FILEPAGES : MM_ANONPAGES]--;
		page_remove_rmap(page);
		put_page(page);
	}
	spin_unlock(&mm->page_table_lock);
	flush_tlb_range(vma, start, end);
}

/* LAB(cow) BEGIN: fork: share every present page, read-only unless shared */
/*
 * copy_page_range - fork: map every present page of @vma into @dst too.
 * Private pages are shared read-only in both, so the first write by
 * either side copies (do_wp_page); shared pages stay writable in both.
 * The caller (dup_vma) holds both mms' page_table_lock and flushes the
 * parent's TLB afterwards (flush_tlb_mm).
 */
int
copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma)
{
	pte_t *pgd = (pte_t *)vma->vm_mm->pgd;

	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr = pgtable_next(pgd, addr)) {
		pte_t *src = walk_pgtable(pgd, addr, PG_LEVEL_4K, false);

		if (!src || !pte_present(*src))
			continue;
		pte_t *pte = walk_pgtable((pte_t *)dst->pgd, addr, PG_LEVEL_4K, true);

		if (!pte)
			return -ENOMEM;
		struct page *page = pfn_to_page(pte_pfn(*src));

		/* MAP_SHARED (anonymous or a file): both keep writing one frame. */
		if (!(vma->vm_flags & VM_SHARED) && pte_write(*src))
			ptep_set_wrprotect(vma->vm_mm, addr, src);
		*pte = *src;
		if (page != zero_page) {
			get_page(page);
			dst->rss[vma->vm_file ? MM_FILEPAGES : MM_ANONPAGES]++;
		}
	}
	return 0;
}
/* LAB(cow) END */

/*
 * dup_rmap_range - fork: each page copy_page_range mapped into @dst for
 * @vma has one mapping more (rmap.h). A walk of its own, after the copy.
 */
void
dup_rmap_range(struct mm_struct *dst, struct vm_area_struct *vma)
{
	pte_t *pgd = (pte_t *)dst->pgd;

	for (unsigned long addr = vma->vm_start; addr < vma->vm_end;
	     addr = pgtable_next(pgd, addr)) {
		pte_t *pte = walk_pgtable(pgd, addr, PG_LEVEL_4K, false);
		struct page *page = pte ? pte_page_rmap(*pte) : NULL;

		if (page)
			page_dup_rmap(page);
	}
}

void
pagefault_out_of_memory(void)
{
	struct mm_struct *mm = current->mm;
	unsigned long kb = PAGE_SIZE / 1024;

	/* Linux's line (mm/oom_kill.c, __oom_kill_process). Linux picks the
	 * process with the most memory; Pagoda kills the one whose fault
	 * could not be satisfied, which is usually the same one. */
	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, "
	       "file-rss:%lukB, shmem-rss:0kB, UID:0 oom_score_adj:0\n",
	       current->pid, current->comm, mm ? mm->total_vm * kb : 0,
	       mm ? mm->rss[MM_ANONPAGES] * kb : 0, mm ? mm->rss[MM_FILEPAGES] * kb : 0);
	send_signal(current, SIGKILL);
}
