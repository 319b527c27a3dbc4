/*
 * kernel/mm/mmap.c - brk, mmap, munmap and mprotect: changing the map.
 *
 * Step 4 of the malloc lecture. sysmalloc() in the C library grows the
 * heap with brk() for requests under 128 KiB and calls mmap() for larger
 * ones. Both only edit the list of VMAs (vma.c); the frames come later,
 * one page fault at a time (memory.c). munmap() and a shrinking brk() give
 * frames back at once.
 *
 * Counterpart: Linux mm/mmap.c (and mm/nommu.c, whose short brk() is the
 * shape __do_sys_brk keeps), mm/mprotect.c.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <asm/cacheflush.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>
#include <uapi/mman.h>

#define MMAP_MIN_ADDR (64 * KiB) /* Linux's default mmap_min_addr */
#define MAX_MAP_COUNT 65530	 /* Linux's vm.max_map_count */

/* LAB(mmap) BEGIN: munmap: split the VMAs at the ends of the range, remove the ones inside */
/* do_munmap_range - take [start, end) out of every VMA it touches. */
static int
do_munmap_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	if (!vma || vma->vm_start >= end)
		return 0;
	/* Cut the VMAs straddling start and end, so whole VMAs remain inside. */
	if (vma->vm_start < start) {
		if (split_vma(mm, vma, start) < 0)
			return -ENOMEM;
		vma = vma->vm_next;
	}
	struct vm_area_struct *last = find_vma(mm, end - 1);

	if (last && last->vm_start < end && last->vm_end > end && split_vma(mm, last, end) < 0)
		return -ENOMEM;
	while (vma && vma->vm_start < end) {
		struct vm_area_struct *next = vma->vm_next;

		zap_page_range(vma, vma->vm_start, vma->vm_end);
		vma_unlink(mm, vma);
		if (vma->vm_file)
			fput(vma->vm_file);
		if (vma->vm_shared)
			shmem_put(vma->vm_shared);
		vm_area_free(vma);
		vma = next;
	}
	free_pgtables((pte_t *)mm->pgd, start, end);
	return 0;
}

/* do_munmap - unmap [start, start + len), page-aligned; 0 or -ENOMEM. */
int
do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	return len ? do_munmap_range(mm, start, start + len) : 0;
}
/* LAB(mmap) END */

/* count_vma_pages_range - how many pages of [addr, end) are mapped now. */
static unsigned long
count_vma_pages_range(struct mm_struct *mm, unsigned long addr, unsigned long end)
{
	unsigned long npages = 0;

	for (struct vm_area_struct *vma = find_vma(mm, addr); vma && vma->vm_start < end;
	     vma = vma->vm_next)
		npages += (min(vma->vm_end, end) - max(vma->vm_start, addr)) >> PAGE_SHIFT;
	return npages;
}

/*
 * mmap_region - map [addr, addr + len) with @vm_flags, backed by @file at
 * page @pgoff (or anonymous memory), replacing whatever was there
 * (MAP_FIXED semantics). Returns @addr or -errno.
 */
unsigned long
mmap_region(struct file *file, unsigned long addr, unsigned long len, unsigned long vm_flags,
	    unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	mmap_assert_write_locked(mm);
	/* The limits count what the map holds afterwards: pages replaced do not add. */
	if (!may_expand_vm(mm, vm_flags,
			   (len >> PAGE_SHIFT) - count_vma_pages_range(mm, addr, addr + len)))
		return -ENOMEM;
	if (find_vma_intersection(mm, addr, addr + len) && do_munmap(mm, addr, len) < 0)
		return -ENOMEM;
	vma = vm_area_alloc(mm);
	if (!vma)
		return -ENOMEM;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = vm_flags;
	vma->vm_page_prot = vm_get_page_prot(vm_flags);
	vma->vm_pgoff = pgoff;
	if (file) {
		int err;

		vma->vm_file = get_file(file); /* f_op->mmap may drop it (/dev/zero) */
		err = file->f_op->mmap ? file->f_op->mmap(file, vma) : -ENODEV;
		if (err) {
			fput(file); /* f_op->mmap drops vm_file only when it succeeds */
			vm_area_free(vma);
			return err;
		}
	} else if (vm_flags & VM_SHARED) {
		vma->vm_shared = shmem_create(len >> PAGE_SHIFT);
		if (!vma->vm_shared) {
			vm_area_free(vma);
			return -ENOMEM;
		}
		vma->vm_pgoff = 0;
	}
	vma_link(mm, vma);
	vma_merge_neighbours(mm, vma);
	return addr;
}

/* The lowest address a stack VMA lets a mapping below it reach. */
static unsigned long
gap_top(const struct vm_area_struct *vma)
{
	if (!vma)
		return TASK_SIZE;
	if ((vma->vm_flags & VM_GROWSDOWN) && vma->vm_start > STACK_GUARD_GAP)
		return vma->vm_start - STACK_GUARD_GAP;
	return vma->vm_start;
}

/*
 * unmapped_area_topdown - the highest free range of @len bytes ending at or
 * below mm->mmap_base: where Linux's default (top-down) layout puts a new
 * mapping. Walks the gaps between VMAs bottom-up; the last fit is highest.
 */
static unsigned long
unmapped_area_topdown(struct mm_struct *mm, unsigned long len)
{
	unsigned long lo = MMAP_MIN_ADDR, found = 0;
	struct vm_area_struct *vma = mm->mmap;

	for (;;) {
		unsigned long hi = min(gap_top(vma), mm->mmap_base);

		if (hi >= lo + len)
			found = hi - len;
		if (!vma || vma->vm_start >= mm->mmap_base)
			break;
		lo = max(lo, vma->vm_end);
		vma = vma->vm_next;
	}
	return found ? found : (unsigned long)-ENOMEM;
}

/*
 * get_unmapped_area - where to put a mapping of @len bytes: @addr itself
 * for MAP_FIXED (checked), the hint @addr if that range is free, else the
 * top-down search. Returns an address or -errno.
 */
unsigned long
get_unmapped_area(unsigned long addr, unsigned long len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;

	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	if (flags & MAP_FIXED) {
		if (addr & ~PAGE_MASK)
			return -EINVAL;
		if (addr > TASK_SIZE - len)
			return -ENOMEM;
		return addr;
	}
	if (addr) {
		addr = ALIGN_UP(addr, PAGE_SIZE);
		if (addr >= MMAP_MIN_ADDR && addr <= TASK_SIZE - len &&
		    !find_vma_intersection(mm, addr, addr + len))
			return addr;
	}
	return unmapped_area_topdown(mm, len);
}

/* calc_vm_flags - VM_* from mmap's PROT_* and MAP_* bits. */
static unsigned long
calc_vm_flags(unsigned long prot, unsigned long flags)
{
	unsigned long vm = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (prot & PROT_READ)
		vm |= VM_READ;
	if (prot & PROT_WRITE)
		vm |= VM_WRITE;
	if (prot & PROT_EXEC)
		vm |= VM_EXEC;
	if (flags & MAP_GROWSDOWN)
		vm |= VM_GROWSDOWN;
	if (flags & MAP_NORESERVE)
		vm |= VM_NORESERVE;
	return vm;
}

/* populate - MAP_POPULATE: fault every page in now rather than on use. */
/* (Used only by do_mmap, which a lab tree may leave as a stub.) */
static __unused void
populate(unsigned long addr, unsigned long len, unsigned long vm_flags)
{
	unsigned int fault = (vm_flags & VM_WRITE) ? FAULT_FLAG_WRITE : 0;

	for (unsigned long a = addr; a < addr + len; a += PAGE_SIZE)
		if (handle_mm_fault(current->mm, a, fault) != 0)
			break;
}

/* The flags every kernel since 2.6 knew: MAP_SHARED ignores others, and
 * MAP_SHARED_VALIDATE refuses them (Linux's LEGACY_MAP_MASK). */
#define LEGACY_MAP_MASK                                                                            \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE |   \
	 MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK | MAP_STACK |    \
	 MAP_HUGETLB)

/*
 * mmap_file_checks - may @file be mapped with @prot and @flags, @len bytes
 * from page @pgoff? Linux's checks in its order: the size, unknown flags for MAP_SHARED_VALIDATE, write
 * access for a shared writable mapping, read access, a file kind that can
 * be mapped at all. A shared mapping of a file opened read-only can never
 * be written, so it loses VM_MAYWRITE and VM_SHARED. 0 or -errno.
 */
static __unused int
mmap_file_checks(struct file *file, unsigned long len, unsigned long pgoff, unsigned long prot,
		 unsigned long flags, unsigned long *vm_flags)
{
	unsigned int acc = file->f_flags & O_ACCMODE;
	uint64_t maxsize = INT64_MAX; /* the largest file offset (MAX_LFS_FILESIZE) */

	if (len > maxsize || pgoff > (maxsize - len) >> PAGE_SHIFT)
		return -EOVERFLOW; /* the mapping would end past any file's end */
	switch (flags & MAP_TYPE) {
	case MAP_SHARED:
	case MAP_SHARED_VALIDATE:
		if ((flags & MAP_TYPE) == MAP_SHARED_VALIDATE && (flags & ~LEGACY_MAP_MASK))
			return -EOPNOTSUPP;
		if ((prot & PROT_WRITE) && acc == O_RDONLY)
			return -EACCES;
		*vm_flags |= VM_SHARED | VM_MAYSHARE;
		if (acc == O_RDONLY)
			*vm_flags &= ~(VM_MAYWRITE | VM_SHARED);
		/* fall through - to the checks every file mapping needs */
	case MAP_PRIVATE:
		if (acc == O_WRONLY)
			return -EACCES;
		if (!file->f_op->mmap)
			return -ENODEV;
		if (*vm_flags & VM_GROWSDOWN)
			return -EINVAL;
		return 0;
	default: return -EINVAL;
	}
}

/* LAB(mmap) BEGIN: mmap: Linux's checks in Linux's order, then the mapping */
/*
 * do_mmap - the checks of Linux's do_mmap, in its order, then the mapping.
 * @len is in bytes, @pgoff in pages. Returns the address or -errno.
 */
unsigned long
do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
	unsigned long flags, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	unsigned long type = flags & MAP_TYPE, vm_flags;
	long err;

	if (!len)
		return -EINVAL;
	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED; /* at exactly addr, but never replacing */
	len = ALIGN_UP(len, PAGE_SIZE);
	if (!len)
		return -ENOMEM;
	if (pgoff + (len >> PAGE_SHIFT) < pgoff)
		return -EOVERFLOW;
	if (mm->map_count > MAX_MAP_COUNT)
		return -ENOMEM;
	addr = get_unmapped_area(addr, len, flags);
	if (IS_ERR((void *)addr))
		return addr;
	if ((flags & MAP_FIXED_NOREPLACE) && find_vma_intersection(mm, addr, addr + len))
		return -EEXIST;
	/* Only now the map type: Linux checks it after placing the mapping. */
	vm_flags = calc_vm_flags(prot, flags);
	if (file)
		err = mmap_file_checks(file, len, pgoff, prot, flags, &vm_flags);
	else if (type == MAP_SHARED)
		err = (vm_flags & VM_GROWSDOWN) ? -EINVAL : 0;
	else
		err = type == MAP_PRIVATE ? 0 : -EINVAL;
	if (err)
		return err;
	if (!file && type == MAP_SHARED)
		vm_flags |= VM_SHARED | VM_MAYSHARE;
	if (!file && type == MAP_PRIVATE)
		pgoff = addr >> PAGE_SHIFT;
	addr = mmap_region(file, addr, len, vm_flags, pgoff);
	if (!IS_ERR((void *)addr) && (flags & MAP_POPULATE))
		populate(addr, len, vm_flags);
	return addr;
}
/* LAB(mmap) END */

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot, unsigned long,
		flags, unsigned long, fd, unsigned long, off)
{
	struct file *file = NULL;
	long ret;

	if (off & ~PAGE_MASK)
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget((int)fd);
		if (!file)
			return -EBADF;
	}
	mmap_write_lock(current->mm);
	ret = (long)do_mmap(file, addr, len, prot, flags, off >> PAGE_SHIFT);
	mmap_write_unlock(current->mm);
	if (file)
		fput(file);
	return ret;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	struct mm_struct *mm;
	int ret;

	if ((addr & ~PAGE_MASK) || addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (!len)
		return -EINVAL;
	mm = current->mm;
	mmap_write_lock(mm);
	ret = do_munmap(mm, addr, len);
	mmap_write_unlock(mm);
	return ret;
}

/* change_pte_range - the VMA's new protection for its present pages in
 * [start, end). A private page loses write access even if the VMA gains
 * it (vm_page_prot of a private mapping is read-only): the next write
 * faults, and do_wp_page() restores it unless the page is shared. */
static void
change_pte_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pgd = (pte_t *)mm->pgd;

	spin_lock(&mm->page_table_lock);
	for (unsigned long a = start; a < end; a = pgtable_next(pgd, a)) {
		pte_t *pte = walk_pgtable(pgd, a, PG_LEVEL_4K, false);

		if (pte && pte_present(*pte))
			*pte = pte_modify(*pte, vma->vm_page_prot);
	}
	spin_unlock(&mm->page_table_lock);
	flush_tlb_range(vma, start, end);
}

/* mprotect_fixup - give [start, end) of @vma the flags @newflags. */
static int
mprotect_fixup(struct vm_area_struct *vma, unsigned long start, unsigned long end,
	       unsigned long newflags)
{
	struct mm_struct *mm = vma->vm_mm;
	unsigned long npages = (end - start) >> PAGE_SHIFT;

	if (newflags == vma->vm_flags)
		return 0;
	/* Becoming private writable counts against RLIMIT_DATA (and AS). */
	if ((newflags & VM_WRITE) && !may_expand_vm(mm, newflags, npages) &&
	    may_expand_vm(mm, vma->vm_flags, npages))
		return -ENOMEM;
	if (start > vma->vm_start && split_vma(mm, vma, start) < 0)
		return -ENOMEM;
	if (start > vma->vm_start)
		vma = vma->vm_next;
	if (end < vma->vm_end && split_vma(mm, vma, end) < 0)
		return -ENOMEM;
	vma_unlink(mm, vma);
	vma->vm_flags = newflags;
	vma->vm_page_prot = vm_get_page_prot(newflags);
	vma_link(mm, vma);
	change_pte_range(vma, vma->vm_start, vma->vm_end);
	vma_merge_neighbours(mm, vma);
	return 0;
}

/*
 * mprotect_check_start - the first checks of mprotect on @vma, the first
 * mapping that ends above *@start, as Linux's do_mprotect_pkey makes them:
 * -ENOMEM when no mapping holds *@start; with PROT_GROWSDOWN in @grows,
 * *@start moves down to the start of the mapping, which must grow down
 * (-EINVAL otherwise); PROT_GROWSUP is -EINVAL, since x86-64 has no
 * VM_GROWSUP mapping to extend up. 0 when mprotect may go on.
 */
static int
mprotect_check_start(struct vm_area_struct *vma, unsigned long *start, unsigned long end,
		     unsigned long grows)
{
	if (!vma)
		return -ENOMEM;
	if (grows & PROT_GROWSDOWN) {
		if (vma->vm_start >= end)
			return -ENOMEM;
		if (!(vma->vm_flags & VM_GROWSDOWN))
			return -EINVAL;
		*start = vma->vm_start;
		return 0;
	}
	if (vma->vm_start > *start)
		return -ENOMEM;
	if (grows & PROT_GROWSUP)
		return -EINVAL;
	return 0;
}

/*
 * mprotect: Linux's checks in Linux's order (mm/mprotect.c,
 * do_mprotect_pkey). PROT_GROWSDOWN extends the change down to the start
 * of a VM_GROWSDOWN mapping (the stack); PROT_GROWSUP would extend it up
 * to the end of a VM_GROWSUP one, which x86-64 does not have.
 */
SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	const unsigned long grows = prot & (PROT_GROWSDOWN | PROT_GROWSUP);
	unsigned long end, newflags, vm_prot = 0;
	struct vm_area_struct *vma;
	int err;

	prot &= ~(PROT_GROWSDOWN | PROT_GROWSUP);
	if (grows == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL; /* can't be both */
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	len = ALIGN_UP(len, PAGE_SIZE);
	end = start + len;
	if (end <= start)
		return -ENOMEM;
	if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM))
		return -EINVAL;
	vm_prot = calc_vm_flags(prot, MAP_PRIVATE) & (VM_READ | VM_WRITE | VM_EXEC);
	mmap_write_lock(current->mm);
	vma = find_vma(current->mm, start);
	err = mprotect_check_start(vma, &start, end, grows);
	if (err)
		goto out;
	while (start < end) {
		err = -ENOMEM; /* a hole in the range */
		if (!vma || vma->vm_start > start)
			goto out;
		newflags = (vma->vm_flags & ~(VM_READ | VM_WRITE | VM_EXEC)) | vm_prot;
		/* VM_MAYREAD, VM_MAYWRITE, VM_MAYEXEC are VM_READ, VM_WRITE,
		 * VM_EXEC shifted left by 4 (mm_types.h): >> 4 lines them up. */
		err = -EACCES; /* beyond VM_MAY* */
		if ((vm_prot & ~(vma->vm_flags >> 4)) & (VM_READ | VM_WRITE | VM_EXEC))
			goto out;
		unsigned long tmp = min(vma->vm_end, end);
		struct vm_area_struct *next = vma->vm_next;

		err = mprotect_fixup(vma, start, tmp, newflags);
		if (err)
			goto out;
		start = tmp;
		vma = start < end ? find_vma(current->mm, start) : next;
	}
out:
	mmap_write_unlock(current->mm);
	return err;
}

/*
 * do_brk_flags - make [addr, addr + len) heap: extend the VMA that ends at
 * @addr if it is the heap, else make a new anonymous VMA. No frames yet.
 */
int
do_brk_flags(unsigned long addr, unsigned long len, unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *prev = find_vma(mm, addr - 1);
	unsigned long vm_flags = VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | flags;

	mmap_assert_write_locked(mm);
	if (!len)
		return 0;
	if (!may_expand_vm(mm, vm_flags, len >> PAGE_SHIFT))
		return -ENOMEM;
	if (prev && prev->vm_end == addr && prev->vm_flags == vm_flags && !prev->vm_file &&
	    !prev->vm_shared) {
		vma_unlink(mm, prev);
		prev->vm_end = addr + len;
		vma_link(mm, prev);
		return 0;
	}
	return IS_ERR((void *)mmap_region(NULL, addr, len, vm_flags, addr >> PAGE_SHIFT)) ? -ENOMEM
											  : 0;
}

/* brk_limit - the highest break RLIMIT_DATA allows (data + heap <= limit). */
static __unused unsigned long
brk_limit(const struct mm_struct *mm)
{
	uint64_t rlim = current->rlim[RLIMIT_DATA].rlim_cur;
	unsigned long data = mm->end_data - mm->start_data;

	if (rlim == RLIM_INFINITY || rlim > TASK_SIZE)
		return TASK_SIZE;
	return rlim > data ? mm->start_brk + (rlim - data) : mm->start_brk;
}

/* LAB(brk) BEGIN: the brk system call: range check, shrink, grow, flush_icache_range */
/*
 * brk - move the program break: the end of the heap. The checks are those
 * of Linux's nommu brk(), in its order, plus what an MMU needs: freeing
 * the pages of a shrink, and not growing into the next mapping.
 * Returns the new break, or the unchanged one when the request is refused.
 * Holds mm->mmap_lock for writing throughout, as Linux does.
 */
SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	struct mm_struct *mm = current->mm;
	unsigned long oldbrk, newbrk = ALIGN_UP(brk, PAGE_SIZE);
	struct vm_area_struct *next;

	mmap_write_lock(mm);
	oldbrk = ALIGN_UP(mm->brk, PAGE_SIZE);
	/* Range check: below the heap's start, or past the break limit. */
	if (brk < mm->start_brk || brk > brk_limit(mm))
		goto out;
	if (brk == mm->brk)
		goto out;
	/* Always allow shrinking brk: unmap and free the pages above it. */
	if (brk <= mm->brk) {
		mm->brk = brk;
		do_munmap(mm, newbrk, oldbrk - newbrk);
		goto out;
	}
	/* Growth: stay a page below the next mapping (MMU only). */
	next = find_vma(mm, oldbrk);
	if (next && newbrk + PAGE_SIZE > gap_top(next))
		goto out;
	if (newbrk > oldbrk && do_brk_flags(oldbrk, newbrk - oldbrk, 0) < 0)
		goto out;
	flush_icache_range(mm->brk, brk);
	mm->brk = brk;
out:
	brk = mm->brk; /* the new break, or the old one if refused */
	mmap_write_unlock(mm);
	return brk;
}
/* LAB(brk) END */
