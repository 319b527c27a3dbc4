/*
 * kernel/mm/madvise.c - madvise: what the program says about its memory.
 *
 * Most advice is a hint about access patterns (NORMAL, RANDOM,
 * SEQUENTIAL, WILLNEED) that a kernel without swap or page cache can
 * accept and ignore. MADV_DONTNEED is not a hint: the pages of the range
 * are dropped at once, so private anonymous memory reads back as zeros
 * and a private file mapping as the file's bytes; shared memory keeps its
 * contents (the object holds them). glibc's free() uses it to give the
 * middle of a large free chunk back. MADV_FREE lets the kernel drop the
 * pages when memory is short; with nothing to reclaim for, Pagoda keeps
 * them, which is what Linux does until memory runs low.
 *
 * Counterpart: Linux mm/madvise.c (do_madvise, madvise_walk_vmas,
 * madvise_dontneed_free).
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/sched.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/mman.h>

/* madvise_behavior_valid - advice Pagoda implements (Linux knows more). */
static bool
madvise_behavior_valid(int behavior)
{
	switch (behavior) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE: return true;
	default: return false;
	}
}

/*
 * madvise_need_mmap_write - must @behavior hold mmap_lock for writing?
 * Advice that changes VMAs does (Pagoda keeps none of it yet); advice
 * that only drops pages or reads ahead runs beside page faults, holding
 * it for reading, as on Linux.
 */
static bool
madvise_need_mmap_write(int behavior)
{
	switch (behavior) {
	case MADV_WILLNEED:
	case MADV_DONTNEED:
	case MADV_FREE: return false;
	default: return true;
	}
}

/* madvise_vma_behavior - apply @behavior to [start, end) inside @vma. */
static int
madvise_vma_behavior(struct vm_area_struct *vma, unsigned long start, unsigned long end,
		     int behavior)
{
	switch (behavior) {
	case MADV_DONTNEED: zap_page_range(vma, start, end); return 0;
	case MADV_FREE:
		/* Only private anonymous memory may be freed lazily. */
		return vma->vm_file || vma->vm_shared ? -EINVAL : 0;
	default: return 0;
	}
}

/*
 * madvise - checks in Linux's order (advice, alignment, length), then the
 * advice for each VMA in [start, start + len_in). A hole in the range
 * makes the result ENOMEM, but the mapped parts still get the advice.
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len_in, int, behavior)
{
	struct mm_struct *mm = current->mm;
	unsigned long len = ALIGN_UP(len_in, PAGE_SIZE), end, next;
	struct vm_area_struct *vma;
	int ret = 0;
	bool write;

	if (!madvise_behavior_valid(behavior) || (start & ~PAGE_MASK))
		return -EINVAL;
	if (len_in && !len)
		return -EINVAL; /* len_in rounded up past the top */
	end = start + len;
	if (end < start)
		return -EINVAL;
	write = madvise_need_mmap_write(behavior);
	if (write)
		mmap_write_lock(mm);
	else
		mmap_read_lock(mm);
	for (vma = find_vma(mm, start); start < end; vma = find_vma(mm, start)) {
		if (!vma || vma->vm_start >= end) {
			ret = -ENOMEM;
			goto out;
		}
		if (start < vma->vm_start) {
			ret = -ENOMEM; /* a hole; go on past it */
			start = vma->vm_start;
		}
		next = min(vma->vm_end, end);
		int err = madvise_vma_behavior(vma, start, next, behavior);

		if (err) {
			ret = err;
			goto out;
		}
		start = next;
	}
out:
	if (write)
		mmap_write_unlock(mm);
	else
		mmap_read_unlock(mm);
	return ret;
}
