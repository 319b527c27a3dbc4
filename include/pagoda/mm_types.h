/*
 * include/pagoda/mm_types.h - struct page, one per physical page frame.
 *
 * mem_map[] holds a struct page for every page frame from physical address
 * 0 up to the end of RAM (max_pfn frames); frame number pfn is
 * mem_map[pfn]. What a struct page means depends on who owns the frame,
 * told by its flags:
 *   PG_buddy  free, in the buddy allocator: it heads a free block of
 *             2^private frames on free_area[private] (lru links it);
 *   PG_head   allocated: it heads a block of 2^private frames with
 *             _refcount references;
 *   PG_slab   allocated, and a slab of kernel objects (mm/slab.c);
 *   mapping   (not a flag) allocated, and a page of the page cache: page
 *             @index of the file whose address_space @mapping points to
 *             (mm/filemap.c); NULL for anonymous memory;
 *   none      a frame inside a block, a hole, or memory never given to the
 *             allocator (the kernel image, boot data).
 *
 * 56 bytes per 4 KiB frame: mem_map takes 1.4 % of RAM. A slab keeps its
 * bookkeeping in its own memory (mm/slab.c), not here.
 *
 * Locks (docs/memory.md, "Locks"): each field below says what protects
 * it. "one CPU" means nothing does yet: Pagoda runs one CPU without
 * kernel preemption and allocates no memory in interrupt handlers, so
 * the code that changes the field cannot be interrupted by other code
 * that changes it; Linux's lock for it is named for the day there are
 * several CPUs.
 *
 * Counterpart: Linux include/linux/mm_types.h (64 bytes, with unions for
 * the page cache, slabs, page tables and more).
 */
#ifndef PAGODA_MM_TYPES_H
#define PAGODA_MM_TYPES_H

#include <pagoda/list.h>
#include <pagoda/rwsem.h>
#include <pagoda/spinlock.h>
#include <pagoda/types.h>

/* Bits of page->flags. */
#define PG_buddy    (1UL << 0) /* free, heads a block on a free list */
#define PG_head	    (1UL << 1) /* allocated, heads a block */
#define PG_slab	    (1UL << 2) /* holds slab objects */
#define PG_reserved (1UL << 3) /* never to be freed (e.g. the zero page) */
#define PG_locked   (1UL << 4) /* under I/O: lock_page() waits (pagemap.h) */
#define PG_dirty                                                                                   \
	(1UL << 5) /* a page-cache page newer than the file's backing
				* store (set_page_dirty); tmpfs pages always are */

struct address_space;

struct page {
	unsigned long flags;  /* PG_* bits; PG_locked is itself a lock (lock_page);
			       * the others: one CPU (Linux: atomic bit operations) */
	int _refcount;	      /* users of an allocated block; 0 when free. One CPU
			       * (Linux: an atomic_t, changed without a lock) */
	unsigned int private; /* order of the block this page heads: the buddy
			       * allocator's, one CPU (Linux: zone->lock) */
	struct list_head lru; /* PG_buddy: link in free_area[order]; as private */
	/* The page cache (mm/filemap.c). Both: one CPU (Linux: the page lock
	 * and the mapping's i_pages lock). */
	struct address_space *mapping; /* the file it caches, or NULL (anonymous) */
	unsigned long index;	       /* its offset in that file, in pages */
	int _mapcount;		       /* page-table entries mapping it (rmap.h:
				        * page_mapcount); one CPU (Linux: an
				        * atomic_t starting at -1, under the PTE lock) */
};

/* vm_area_struct.vm_flags (Linux's values). */
#define VM_NONE	     0x00000000UL /* no access at all (PROT_NONE) */
#define VM_READ	     0x00000001UL /* the pages may be read */
#define VM_WRITE     0x00000002UL /* ... written */
#define VM_EXEC	     0x00000004UL /* ... executed */
#define VM_SHARED    0x00000008UL /* writes are seen by every mapper (MAP_SHARED) */
#define VM_MAYREAD   0x00000010UL /* mprotect may add VM_READ */
#define VM_MAYWRITE  0x00000020UL
#define VM_MAYEXEC   0x00000040UL
#define VM_MAYSHARE  0x00000080UL
#define VM_GROWSDOWN 0x00000100UL /* a stack: faults just below it extend it */
#define VM_NORESERVE 0x00200000UL /* MAP_NORESERVE */

struct mm_struct;
struct file;

/*
 * vm_area_struct - one mapping of a process: a range of virtual addresses
 * with one set of permissions and one backing (a file, or anonymous
 * memory). /proc/PID/maps prints one line per VMA.
 */
struct vm_area_struct {
	/* Every field: vm_mm->mmap_lock held for writing to change it, for
	 * reading to read it; vm_start of a stack may also move down in a
	 * fault, under mmap_lock read + page_table_lock (expand_stack). */
	unsigned long vm_start;		/* first address */
	unsigned long vm_end;		/* first address after the end */
	struct vm_area_struct *vm_next; /* the next VMA up, or NULL */
	struct vm_area_struct *vm_prev; /* the next VMA down, or NULL */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	unsigned long vm_flags;		/* VM_* */
	uint64_t vm_page_prot;		/* PTE bits for its pages (vm_get_page_prot) */
	struct file *vm_file;		/* mapped file, or NULL for anonymous memory */
	unsigned long vm_pgoff;		/* offset in vm_file, in pages */
	struct shmem_object *vm_shared; /* MAP_SHARED|MAP_ANONYMOUS pages, or NULL */
	struct list_head shared;	/* link in vm_file's mapping->i_mmap, the
					 * file's reverse map (vma_link): one CPU
					 * (Linux: the mapping's i_mmap_rwsem) */
};

/* mm_counter indexes (Linux's MM_FILEPAGES, MM_ANONPAGES). */
enum { MM_FILEPAGES, MM_ANONPAGES, NR_MM_COUNTERS };

/*
 * mm_struct - an address space: its page tables and its VMAs, kept as a
 * list sorted by address (Linux up to 6.0; Linux 6.1 and later keep them
 * in a maple tree, which is faster to search and harder to read).
 *
 * Two locks, taken as Linux takes them (mmap_lock.h):
 *   mmap_lock         a rw_semaphore over the VMA list and the layout:
 *                     written by brk, mmap, munmap, mprotect, mremap,
 *                     madvise's VMA-changing advice, exec, fork (both
 *                     mms) and exit; read by page faults and
 *                     /proc/PID/maps;
 *   page_table_lock   a spinlock over the page tables: held to install or
 *                     clear a PTE and to link in a new table.
 * With mmap_lock held for writing, nothing else can fault in this mm, but
 * page_table_lock is still taken around PTE changes, as in Linux.
 */
struct mm_struct {
	struct vm_area_struct *mmap;   /* the lowest VMA; vm_next links the rest: mmap_lock */
	int map_count;		       /* number of VMAs: mmap_lock */
	uint64_t *pgd;		       /* the PML4 table (CR3 holds its physical address);
				      * its entries: page_table_lock */
	int mm_users;		       /* tasks using this address space: one CPU
				      * (Linux: an atomic_t) */
	struct rw_semaphore mmap_lock; /* protects the VMAs and the fields marked so */
	spinlock_t page_table_lock;    /* protects the page tables' entries */

	/* The layout, all mmap_lock (exec writes some while building the
	 * stack without it: the new mm is still its alone). */
	unsigned long start_code, end_code; /* the program's text */
	unsigned long start_data, end_data; /* its initialized data */
	unsigned long start_brk, brk;	    /* the heap: brk() moves brk */
	unsigned long start_stack;	    /* where argc was at exec */
	unsigned long arg_start, arg_end;   /* the argv strings */
	unsigned long env_start, env_end;   /* the environment strings */
	unsigned long mmap_base;	    /* mmap places new mappings below this */

	/* The page counts: mmap_lock; a stack fault changes them with
	 * mmap_lock read + page_table_lock (expand_stack). */
	unsigned long total_vm;		   /* pages mapped (VmSize): mmap_lock */
	unsigned long data_vm;		   /* private writable, not stack (VmData): mmap_lock */
	unsigned long exec_vm;		   /* executable (VmExe + VmLib): mmap_lock */
	unsigned long stack_vm;		   /* VM_GROWSDOWN (VmStk): mmap_lock */
	unsigned long rss[NR_MM_COUNTERS]; /* resident pages by kind (VmRSS): one CPU
					    * (Linux: per-CPU counters without a lock) */
	unsigned long hiwater_rss;	   /* the most resident pages ever (VmHWM): one CPU */

	struct file *exe_file; /* the program, for /proc/self/exe: mmap_lock */
};

#endif /* PAGODA_MM_TYPES_H */
