/*
 * include/pagoda/mmap_lock.h - taking an address space's mmap_lock.
 *
 * mm->mmap_lock (a rw_semaphore, rwsem.h) protects the VMA list and the
 * layout of an mm (mm_types.h says which fields). Linux's rules, kept:
 *
 *   write  brk, mmap, munmap, mprotect, mremap, madvise advice that
 *          changes VMAs, exec mapping the program, fork (the parent's
 *          and the child's mm), exit tearing the mm down;
 *   read   a page fault (exc_page_fault, around handle_mm_fault),
 *          MADV_DONTNEED and MADV_FREE, /proc/PID/maps.
 *
 * A task holding it must not touch user memory of the same mm: a fault
 * would take it again ("possible recursive locking", lockdep.h).
 *
 * Counterpart: Linux include/linux/mmap_lock.h.
 */
#ifndef PAGODA_MMAP_LOCK_H
#define PAGODA_MMAP_LOCK_H

#include <pagoda/mm_types.h>
#include <pagoda/rwsem.h>

static inline void
mmap_init_lock(struct mm_struct *mm)
{
	__init_rwsem(&mm->mmap_lock, "&mm->mmap_lock");
}

static inline void
mmap_write_lock(struct mm_struct *mm)
{
	down_write(&mm->mmap_lock);
}

static inline void
mmap_write_unlock(struct mm_struct *mm)
{
	up_write(&mm->mmap_lock);
}

static inline void
mmap_read_lock(struct mm_struct *mm)
{
	down_read(&mm->mmap_lock);
}

static inline void
mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}

/* mmap_assert_locked - BUG unless current holds mm->mmap_lock (either way). */
static inline void
mmap_assert_locked(struct mm_struct *mm)
{
	rwsem_assert_held(&mm->mmap_lock);
}

/* mmap_assert_write_locked - BUG unless current holds it for writing. */
static inline void
mmap_assert_write_locked(struct mm_struct *mm)
{
	rwsem_assert_held_write(&mm->mmap_lock);
}

#endif /* PAGODA_MMAP_LOCK_H */
