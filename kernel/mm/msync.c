/*
 * kernel/mm/msync.c - msync: write a file mapping's changes back.
 *
 * A MAP_SHARED file mapping maps the file's page-cache pages themselves
 * (filemap_fault), so a store through it is already the file's data:
 * read() sees it at once. msync's job is to push those pages to the
 * file's store; tmpfs has none but memory, so after Linux's checks there
 * is nothing to do. The checks come in Linux's order: unknown flags, an
 * unaligned start and MS_SYNC with MS_ASYNC are EINVAL; a range that
 * holes leave partly unmapped is ENOMEM (MS_SYNC stops at the first hole,
 * the others look at every mapping first).
 *
 * Counterpart: Linux mm/msync.c.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/sched.h>
#include <pagoda/syscalls.h>

#include <uapi/errno.h>
#include <uapi/mman.h>

/*
 * msync_range - walk the VMAs over [@start, @end) of @mm: 0, or -ENOMEM
 * when part of the range is not mapped. With MS_SYNC each shared file
 * mapping's file would be synced here (vfs_fsync_range on a disk).
 */
static long
msync_range(struct mm_struct *mm, unsigned long start, unsigned long end, int flags)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	long unmapped_error = 0;

	for (;;) {
		if (!vma)
			return -ENOMEM;
		if (start < vma->vm_start) {
			if (flags == MS_SYNC)
				return -ENOMEM;
			start = vma->vm_start;
			if (start >= end)
				return -ENOMEM;
			unmapped_error = -ENOMEM;
		}
		start = vma->vm_end;
		if (start >= end)
			return unmapped_error;
		vma = vma->vm_next;
	}
}

/* msync - flush the file mappings in [@start, @start + @len): 0 or -errno. */
SYSCALL_DEFINE3(msync, unsigned long, start, size_t, len, int, flags)
{
	struct mm_struct *mm = current->mm;
	unsigned long end;
	long err;

	if (flags & ~(MS_ASYNC | MS_INVALIDATE | MS_SYNC))
		return -EINVAL;
	if (start & (PAGE_SIZE - 1))
		return -EINVAL;
	if ((flags & MS_ASYNC) && (flags & MS_SYNC))
		return -EINVAL;
	len = (len + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	end = start + len;
	if (end < start)
		return -ENOMEM;
	if (end == start)
		return 0;
	mmap_read_lock(mm);
	err = msync_range(mm, start, end, flags);
	mmap_read_unlock(mm);
	return err;
}
