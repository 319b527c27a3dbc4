/*
 * kernel/mm/vma.c - the list of VMAs of an address space.
 *
 * An mm_struct's mappings are vm_area_structs on a doubly linked list
 * sorted by address (mm->mmap is the lowest). They never overlap; a gap
 * between two is unmapped memory. mmap, munmap, mprotect and brk are built
 * from the operations here: find, insert, remove, split and merge. The
 * page-fault handler asks find_vma() whether a faulting address is mapped.
 *
 * Counterpart: Linux mm/mmap.c as of 6.0 (find_vma, __vma_link_list,
 * __split_vma, vma_merge); Linux 6.1 replaced the list with a maple tree.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <uapi/errno.h>

static struct kmem_cache *vm_area_cachep;

/* vma_cache_init - the vm_area_struct cache, at boot. */
void
vma_cache_init(void)
{
	vm_area_cachep = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct), 0);
	if (!vm_area_cachep)
		panic("vma_cache_init: out of memory");
}

struct vm_area_struct *
vm_area_alloc(struct mm_struct *mm)
{
	struct vm_area_struct *vma = kmem_cache_alloc(vm_area_cachep, GFP_KERNEL | __GFP_ZERO);

	if (vma)
		vma->vm_mm = mm;
	return vma;
}

void
vm_area_free(struct vm_area_struct *vma)
{
	kmem_cache_free(vm_area_cachep, vma);
}

struct vm_area_struct *
find_vma(struct mm_struct *mm, unsigned long addr)
{
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next)
		if (vma->vm_end > addr)
			return vma;
	return NULL;
}

struct vm_area_struct *
find_vma_intersection(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	return vma && vma->vm_start < end ? vma : NULL;
}

void
vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages)
{
	mm->total_vm += npages;
	if (flags & VM_GROWSDOWN)
		mm->stack_vm += npages;
	else if ((flags & (VM_WRITE | VM_SHARED)) == VM_WRITE)
		mm->data_vm += npages;
	else if ((flags & (VM_EXEC | VM_WRITE)) == VM_EXEC)
		mm->exec_vm += npages;
}

/*
 * may_expand_vm - may @mm map @npages more pages of kind @flags? Linux's
 * rule: the total stays within RLIMIT_AS, and private writable memory
 * (not stack) within RLIMIT_DATA. The callers fail with ENOMEM.
 */
bool
may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages)
{
	uint64_t as = current->rlim[RLIMIT_AS].rlim_cur, data = current->rlim[RLIMIT_DATA].rlim_cur;

	if (as != RLIM_INFINITY && mm->total_vm + npages > as >> PAGE_SHIFT)
		return false;
	if ((flags & (VM_WRITE | VM_SHARED | VM_GROWSDOWN)) == VM_WRITE && data != RLIM_INFINITY &&
	    mm->data_vm + npages > data >> PAGE_SHIFT)
		return false;
	return true;
}

static long
vma_pages(const struct vm_area_struct *vma)
{
	return (long)((vma->vm_end - vma->vm_start) >> PAGE_SHIFT);
}

/* vma_link - insert @vma after the last VMA that starts below it. */
void
vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = NULL, *next = mm->mmap;

	while (next && next->vm_start < vma->vm_start) {
		prev = next;
		next = next->vm_next;
	}
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
	vma->vm_mm = mm;
	mm->map_count++;
	vm_stat_account(mm, vma->vm_flags, vma_pages(vma));
	/* Into the file's reverse map, where truncation finds it. */
	if (vma->vm_file && vma->vm_file->f_inode && vma->vm_file->f_inode->i_mapping)
		list_add_tail(&vma->shared, &vma->vm_file->f_inode->i_mapping->i_mmap);
}

void
vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
	vma->vm_next = vma->vm_prev = NULL;
	mm->map_count--;
	vm_stat_account(mm, vma->vm_flags, -vma_pages(vma));
	if (vma->vm_file && vma->vm_file->f_inode && vma->vm_file->f_inode->i_mapping)
		list_del(&vma->shared);
}

/*
 * split_vma - cut @vma at @addr (page-aligned, strictly inside it): @vma
 * keeps [vm_start, addr), a new VMA takes [addr, vm_end) with the same
 * flags and the file offset moved on. Returns 0 or -ENOMEM.
 */
int
split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	struct vm_area_struct *upper = vm_area_alloc(mm);

	if (!upper)
		return -ENOMEM;
	*upper = *vma;
	upper->vm_start = addr;
	upper->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	if (upper->vm_file)
		get_file(upper->vm_file);
	if (upper->vm_shared)
		shmem_get(upper->vm_shared);
	/* Unlink and relink so the counters see the two halves. */
	vma_unlink(mm, vma);
	vma->vm_end = addr;
	vma_link(mm, vma);
	vma_link(mm, upper);
	return 0;
}

/* can_merge - does @b continue @a exactly: adjacent, same flags and backing? */
static bool
can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	if (!a || !b || a->vm_end != b->vm_start || a->vm_flags != b->vm_flags)
		return false;
	if (a->vm_file != b->vm_file || a->vm_shared || b->vm_shared)
		return false;
	return !a->vm_file || a->vm_pgoff + vma_pages(a) == b->vm_pgoff;
}

/* merge_into - @a absorbs its successor @b, which is freed. */
static void
merge_into(struct mm_struct *mm, struct vm_area_struct *a, struct vm_area_struct *b)
{
	unsigned long end = b->vm_end;

	vma_unlink(mm, b);
	if (b->vm_file)
		fput(b->vm_file);
	vm_area_free(b);
	vma_unlink(mm, a);
	a->vm_end = end;
	vma_link(mm, a);
}

struct vm_area_struct *
vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (can_merge(vma, vma->vm_next))
		merge_into(mm, vma, vma->vm_next);
	if (can_merge(vma->vm_prev, vma)) {
		struct vm_area_struct *prev = vma->vm_prev;

		merge_into(mm, prev, vma);
		vma = prev;
	}
	return vma;
}
