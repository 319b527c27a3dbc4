/*
 * kernel/mm/mm.c - the life of an address space.
 *
 * mm_alloc() makes an empty one for execve: a new PML4 whose upper half
 * (kernel addresses) points at the kernel's own tables, so the kernel is
 * mapped the same in every process. dup_mm() copies one for fork: every
 * VMA, and every mapped page shared copy-on-write. mmput() tears one down
 * when its last user exits or execs: each page's frame goes back to the
 * buddy allocator, then the page tables themselves.
 *
 * Counterpart: Linux kernel/fork.c (mm_alloc, dup_mm) and mm/mmap.c
 * (exit_mmap).
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/uaccess.h>

#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include <uapi/errno.h>

static struct kmem_cache *mm_cachep;

#define USER_PGD_ENTRIES 256 /* PML4 entries 0-255: the lower half */

void
mm_cache_init(void)
{
	mm_cachep = kmem_cache_create("mm_struct", sizeof(struct mm_struct), 0);
	zero_page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	if (!mm_cachep || !zero_page)
		panic("mm_cache_init: out of memory");
	zero_page->flags |= PG_reserved;
	vma_cache_init();
}

struct mm_struct *
mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cachep, GFP_KERNEL | __GFP_ZERO);
	uint64_t *pgd = (uint64_t *)get_zeroed_page(GFP_KERNEL);

	if (!mm || !pgd) {
		if (mm)
			kmem_cache_free(mm_cachep, mm);
		free_page((unsigned long)pgd);
		return NULL;
	}
	memcpy(pgd + USER_PGD_ENTRIES, init_pgd + USER_PGD_ENTRIES,
	       (PTRS_PER_TABLE - USER_PGD_ENTRIES) * sizeof(*pgd));
	mm->pgd = pgd;
	mm->mm_users = 1;
	mm->mmap_base = MMAP_BASE;
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	return mm;
}

/* remove_vma - free one VMA's pages and the VMA, dropping its backing. */
static void
remove_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	zap_page_range(vma, vma->vm_start, vma->vm_end);
	vma_unlink(mm, vma);
	if (vma->vm_file)
		fput(vma->vm_file);
	if (vma->vm_shared)
		shmem_put(vma->vm_shared);
	vm_area_free(vma);
}

void
mmput(struct mm_struct *mm)
{
	if (--mm->mm_users > 0)
		return;
	/* exit_mmap: nobody else uses the mm, but Linux takes the lock all
	 * the same (a /proc reader may still look at it). */
	mmap_write_lock(mm);
	while (mm->mmap)
		remove_vma(mm, mm->mmap);
	spin_lock(&mm->page_table_lock);
	free_pgtables((pte_t *)mm->pgd, 0, TASK_SIZE_MAX);
	spin_unlock(&mm->page_table_lock);
	mmap_write_unlock(mm);
	if (mm->exe_file)
		fput(mm->exe_file);
	free_page((unsigned long)mm->pgd);
	kmem_cache_free(mm_cachep, mm);
}

/* dup_vma - a copy of @vma for @mm, sharing its backing and its pages. */
static int
dup_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *copy = vm_area_alloc(mm);
	int err;

	if (!copy)
		return -ENOMEM;
	*copy = *vma;
	copy->vm_next = copy->vm_prev = NULL;
	if (copy->vm_file)
		get_file(copy->vm_file);
	if (copy->vm_shared)
		shmem_get(copy->vm_shared);
	vma_link(mm, copy);
	/* Both page tables change: the child's gets entries, the parent's
	 * loses write access (Linux locks them in copy_pte_range). */
	spin_lock(&mm->page_table_lock);
	spin_lock(&vma->vm_mm->page_table_lock);
	err = copy_page_range(mm, vma);
	/* Even after an error: exit's zap uncounts what was copied. */
	dup_rmap_range(mm, vma);
	spin_unlock(&vma->vm_mm->page_table_lock);
	spin_unlock(&mm->page_table_lock);
	return err;
}

/* dup_mmap - copy @old's VMAs and pages into @mm, both mmap_locks held. */
static int
dup_mmap(struct mm_struct *mm, struct mm_struct *old)
{
	int err = 0;

	mmap_write_lock(old);
	mmap_write_lock(mm);
	for (struct vm_area_struct *vma = old->mmap; vma && !err; vma = vma->vm_next)
		err = dup_vma(mm, vma);
	/* The parent's writable PTEs just became read-only: flush them all. */
	flush_tlb_mm(old);
	mmap_write_unlock(mm);
	mmap_write_unlock(old);
	return err;
}

struct mm_struct *
dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		return NULL;
	/* Everything but the VMA list, the page tables, the locks (@old's is
	 * not held yet: dup_mmap takes it) and the counters. */
	uint64_t *pgd = mm->pgd;

	*mm = *old;
	mm->pgd = pgd;
	mmap_init_lock(mm);
	spin_lock_init(&mm->page_table_lock);
	mm->mm_users = 1;
	mm->mmap = NULL;
	mm->map_count = 0;
	mm->total_vm = mm->data_vm = mm->exec_vm = mm->stack_vm = 0;
	mm->rss[MM_FILEPAGES] = mm->rss[MM_ANONPAGES] = 0;
	if (mm->exe_file)
		get_file(mm->exe_file);
	if (dup_mmap(mm, old) < 0) {
		mmput(mm);
		return NULL;
	}
	return mm;
}
