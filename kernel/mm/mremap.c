/*
 * kernel/mm/mremap.c - mremap: resize a mapping, or move it elsewhere.
 *
 * The C library's realloc() of a large (mmap'd) chunk calls mremap()
 * rather than copying: growing in place only edits the VMA, and moving
 * carries the page-table entries (so the frames) to the new address
 * without touching the data. Pages not yet faulted in stay unfaulted.
 *
 * The checks follow Linux's order (mm/mremap.c as of 6.18): flags and
 * alignment (EINVAL), then the VMA at @addr (EFAULT), then growth room
 * (ENOMEM). Pagoda simplifies: a move takes one VMA only, and old_len 0
 * (Linux's way to duplicate a shared mapping) is refused with EINVAL.
 *
 * Counterpart: Linux mm/mremap.c (mremap, mremap_to, vma_to_resize,
 * move_vma, move_page_tables).
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <asm/pgtable.h>
#include <asm/tlbflush.h>

#include <uapi/errno.h>
#include <uapi/mman.h>

/*
 * move_page_tables - carry the present PTEs of [old_addr, old_addr + len)
 * to new_addr. The destination tables are made first, so a shortage of
 * memory fails before anything moved. 0 or -ENOMEM.
 */
static int
move_page_tables(struct vm_area_struct *vma, unsigned long old_addr, unsigned long new_addr,
		 unsigned long len)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pgd = (pte_t *)mm->pgd;
	int err = 0;

	spin_lock(&mm->page_table_lock);

	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = walk_pgtable(pgd, old_addr + off, PG_LEVEL_4K, false);

		if (src && pte_present(*src) &&
		    !walk_pgtable(pgd, new_addr + off, PG_LEVEL_4K, true)) {
			err = -ENOMEM;
			goto out_unlock;
		}
	}
	for (unsigned long off = 0; off < len; off += PAGE_SIZE) {
		pte_t *src = walk_pgtable(pgd, old_addr + off, PG_LEVEL_4K, false);
		pte_t *dst;

		if (!src || !pte_present(*src))
			continue;
		/* The frame, its COW state and its reference move as they are. */
		dst = walk_pgtable(pgd, new_addr + off, PG_LEVEL_4K, false);
		*dst = ptep_get_and_clear(mm, old_addr + off, src);
	}
	flush_tlb_range(vma, old_addr, old_addr + len);
out_unlock:
	spin_unlock(&mm->page_table_lock);
	return err;
}

/*
 * move_vma - a new VMA at @new_addr (@new_len bytes) with the backing and
 * flags of [addr, addr + old_len) of @vma and its pages; then the old
 * range is unmapped unless MREMAP_DONTUNMAP asks to keep it (empty).
 * Returns new_addr or -ENOMEM.
 */
static unsigned long
move_vma(struct vm_area_struct *vma, unsigned long addr, unsigned long old_len,
	 unsigned long new_len, unsigned long new_addr, unsigned long flags)
{
	struct mm_struct *mm = vma->vm_mm;
	struct vm_area_struct *new_vma = vm_area_alloc(mm);

	if (!new_vma)
		return -ENOMEM;
	*new_vma = *vma;
	new_vma->vm_start = new_addr;
	new_vma->vm_end = new_addr + new_len;
	new_vma->vm_pgoff = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
	new_vma->vm_prev = new_vma->vm_next = NULL;
	if (move_page_tables(vma, addr, new_addr, min(old_len, new_len)) < 0) {
		vm_area_free(new_vma);
		return -ENOMEM;
	}
	if (new_vma->vm_file)
		get_file(new_vma->vm_file);
	if (new_vma->vm_shared)
		shmem_get(new_vma->vm_shared);
	vma_link(mm, new_vma);
	if (!(flags & MREMAP_DONTUNMAP))
		do_munmap(mm, addr, old_len);
	vma_merge_neighbours(mm, new_vma);
	return new_addr;
}

/*
 * vma_to_resize - the VMA holding [addr, addr + old_len), checked for
 * growing to @new_len: EFAULT if the range leaves the VMA, ENOMEM past
 * RLIMIT_AS / RLIMIT_DATA. Returns the VMA or an ERR_PTR.
 */
static struct vm_area_struct *
vma_to_resize(unsigned long addr, unsigned long old_len, unsigned long new_len)
{
	struct vm_area_struct *vma = find_vma(current->mm, addr);

	if (!vma || vma->vm_start > addr)
		return ERR_PTR(-EFAULT);
	if (!old_len)
		return ERR_PTR(-EINVAL); /* Linux duplicates shared mappings; Pagoda does not */
	if (old_len > vma->vm_end - addr)
		return ERR_PTR(-EFAULT); /* no remapping across VMAs */
	if (new_len > old_len &&
	    !may_expand_vm(current->mm, vma->vm_flags, (new_len - old_len) >> PAGE_SHIFT))
		return ERR_PTR(-ENOMEM);
	return vma;
}

/*
 * mremap_to - MREMAP_FIXED or MREMAP_DONTUNMAP: move to exactly @new_addr
 * (FIXED, replacing what is there) or anywhere (DONTUNMAP).
 */
static unsigned long
mremap_to(unsigned long addr, unsigned long old_len, unsigned long new_addr, unsigned long new_len,
	  unsigned long flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long ret;

	if (flags & MREMAP_FIXED) {
		ret = do_munmap(mm, new_addr, new_len);
		if (ret)
			return ret;
	}
	if (old_len > new_len) {
		ret = do_munmap(mm, addr + new_len, old_len - new_len);
		if (ret)
			return ret;
		old_len = new_len;
	}
	vma = vma_to_resize(addr, old_len, new_len);
	if (IS_ERR(vma))
		return PTR_ERR(vma);
	if (!(flags & MREMAP_FIXED)) {
		new_addr = get_unmapped_area(0, new_len, 0);
		if (IS_ERR((void *)new_addr))
			return new_addr;
	}
	return move_vma(vma, addr, old_len, new_len, new_addr, flags);
}

/* vma_expandable - is there room for @vma to grow by @delta bytes in place? */
static bool
vma_expandable(struct vm_area_struct *vma, unsigned long delta)
{
	unsigned long end = vma->vm_end + delta;

	if (end < vma->vm_end || end > TASK_SIZE)
		return false;
	return !find_vma_intersection(vma->vm_mm, vma->vm_end, end);
}

/* mremap_check - the argument checks that need no VMA, in Linux's order. */
static int
mremap_check(unsigned long addr, unsigned long old_len, unsigned long new_len, unsigned long flags,
	     unsigned long new_addr)
{
	if (flags & ~(MREMAP_FIXED | MREMAP_MAYMOVE | MREMAP_DONTUNMAP))
		return -EINVAL;
	if (addr & ~PAGE_MASK)
		return -EINVAL;
	if (!new_len || new_len > TASK_SIZE)
		return -EINVAL;
	if (!(flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)))
		return 0;
	/* The rest concern a move. */
	if (new_addr > TASK_SIZE - new_len || (new_addr & ~PAGE_MASK))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if ((flags & MREMAP_DONTUNMAP) && (!(flags & MREMAP_MAYMOVE) || old_len != new_len))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && addr + old_len > new_addr && new_addr + new_len > addr)
		return -EINVAL; /* the two ranges overlap */
	return 0;
}

/*
 * mremap - resize [addr, addr + old_len) to @new_len bytes: shrink in
 * place, grow in place if the pages above are free, else move (only with
 * MREMAP_MAYMOVE). Returns the mapping's address or -errno.
 */
SYSCALL_DEFINE5(mremap, unsigned long, addr, unsigned long, old_len, unsigned long, new_len,
		unsigned long, flags, unsigned long, new_addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	long ret;

	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	ret = mremap_check(addr, old_len, new_len, flags, new_addr);
	if (ret)
		return ret;
	mmap_write_lock(mm);
	vma = find_vma(mm, addr);
	ret = -EFAULT;
	if (!vma || vma->vm_start > addr)
		goto out;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP)) {
		ret = (long)mremap_to(addr, old_len, new_addr, new_len, flags);
		goto out;
	}
	/* Always allow a shrinking remap: unmap the tail. */
	if (old_len >= new_len) {
		ret = old_len > new_len ? do_munmap(mm, addr + new_len, old_len - new_len) : 0;
		ret = ret ? ret : (long)addr;
		goto out;
	}
	vma = vma_to_resize(addr, old_len, new_len);
	if (IS_ERR(vma)) {
		ret = PTR_ERR(vma);
		goto out;
	}
	if (old_len == vma->vm_end - addr && vma_expandable(vma, new_len - old_len)) {
		vma_unlink(mm, vma); /* relinked so the counters see the new size */
		vma->vm_end += new_len - old_len;
		vma_link(mm, vma);
		ret = (long)addr;
		goto out;
	}
	ret = -ENOMEM;
	if (flags & MREMAP_MAYMOVE) {
		new_addr = get_unmapped_area(0, new_len, 0);
		ret = IS_ERR((void *)new_addr)
			      ? (long)new_addr
			      : (long)move_vma(vma, addr, old_len, new_len, new_addr, 0);
	}
out:
	mmap_write_unlock(mm);
	return ret;
}
