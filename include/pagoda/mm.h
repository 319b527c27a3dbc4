/*
 * include/pagoda/mm.h - page frames: numbers, struct pages, addresses.
 *
 * A frame can be named three ways: its page frame number (pfn, physical
 * address >> PAGE_SHIFT), its struct page in mem_map, and its address in
 * the kernel's direct map (page_address). These convert between them.
 *
 * Counterpart: Linux include/linux/mm.h, asm/page.h.
 */
#ifndef PAGODA_MM_H
#define PAGODA_MM_H

#include <pagoda/gfp.h>
#include <pagoda/mm_types.h>

#include <asm/page.h>

extern struct page *mem_map;  /* one struct page per frame, from pfn 0 */
extern unsigned long max_pfn; /* frames in mem_map: the end of RAM */

#define PHYS_PFN(pa)  ((unsigned long)((pa) >> PAGE_SHIFT))
#define PFN_PHYS(pfn) ((phys_addr_t)(pfn) << PAGE_SHIFT)

static inline unsigned long
page_to_pfn(const struct page *page)
{
	return (unsigned long)(page - mem_map);
}

static inline struct page *
pfn_to_page(unsigned long pfn)
{
	return mem_map + pfn;
}

static inline phys_addr_t
page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn(page));
}

static inline struct page *
phys_to_page(phys_addr_t pa)
{
	return pfn_to_page(PHYS_PFN(pa));
}

/* page_address - the frame's kernel virtual address, in the direct map. */
static inline void *
page_address(const struct page *page)
{
	return __va(page_to_phys(page));
}

/* virt_to_page - the struct page of a direct-map address. */
static inline struct page *
virt_to_page(const void *va)
{
	return phys_to_page(__pa(va));
}

static inline int
page_ref_count(const struct page *page)
{
	return page->_refcount;
}

/* get_page - one more user of the block @page heads (e.g. a COW sharer). */
static inline void
get_page(struct page *page)
{
	page->_refcount++;
}

/* put_page - one user less; the last one frees the block. */
static inline void
put_page(struct page *page)
{
	__free_pages(page, page->private);
}

/* ---- address spaces (kernel/mm/mm.c) ---- */

/* mm_alloc - an empty address space whose page tables share the kernel's half. */
struct mm_struct *mm_alloc(void);

/* mmput - one user less; the last one frees every VMA, frame and table. */
void mmput(struct mm_struct *mm);

/* dup_mm - a copy of @old for fork: private pages become copy-on-write. */
struct mm_struct *dup_mm(struct mm_struct *old);

/* Boot: the slab caches for mm_struct and vm_area_struct, the zero page. */
void mm_cache_init(void);

/* ---- VMAs (kernel/mm/vma.c) ---- */

/* find_vma - the first VMA that ends above @addr (it may start above it). */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/* find_vma_intersection - a VMA overlapping [start, end), or NULL. */
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start,
					     unsigned long end);

void vma_cache_init(void);
struct vm_area_struct *vm_area_alloc(struct mm_struct *mm);
void vm_area_free(struct vm_area_struct *vma);

/* vma_link - insert @vma into @mm's sorted list (it must not overlap). */
void vma_link(struct mm_struct *mm, struct vm_area_struct *vma);
void vma_unlink(struct mm_struct *mm, struct vm_area_struct *vma);

/* split_vma - cut @vma at @addr in two; 0 or -ENOMEM. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);

/* vma_merge_neighbours - merge @vma with neighbours it continues exactly. */
struct vm_area_struct *vma_merge_neighbours(struct mm_struct *mm, struct vm_area_struct *vma);

/* Add @npages (may be negative) to the mm's per-kind counters for @flags. */
void vm_stat_account(struct mm_struct *mm, unsigned long flags, long npages);

/* may_expand_vm - do RLIMIT_AS and RLIMIT_DATA allow @npages more of @flags? */
bool may_expand_vm(struct mm_struct *mm, unsigned long flags, unsigned long npages);

/* ---- changing the map (kernel/mm/mmap.c) ---- */

/*
 * The gap kept free below a stack (a VM_GROWSDOWN mapping): mmap places
 * nothing there and the stack grows no closer than this to the mapping
 * below it, so a stack that overflows faults instead of running into
 * other memory. 256 pages (1 MiB), Linux's default stack_guard_gap.
 */
#define STACK_GUARD_GAP (256UL * PAGE_SIZE)

struct file;
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);
unsigned long mmap_region(struct file *file, unsigned long addr, unsigned long len,
			  unsigned long vm_flags, unsigned long pgoff);
unsigned long do_mmap(struct file *file, unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, unsigned long pgoff);
unsigned long get_unmapped_area(unsigned long addr, unsigned long len, unsigned long flags);
int do_brk_flags(unsigned long addr, unsigned long len, unsigned long flags);

/* ---- page faults (kernel/mm/memory.c) ---- */

#define FAULT_FLAG_WRITE       0x01 /* the access was a write */
#define FAULT_FLAG_USER	       0x02 /* from user mode */
#define FAULT_FLAG_INSTRUCTION 0x04 /* an instruction fetch */

#define VM_FAULT_SIGSEGV       1 /* no mapping, or not allowed */
#define VM_FAULT_OOM	       2 /* no memory for the page */
#define VM_FAULT_SIGBUS	       3 /* a file page wholly past the end of the file */

/* handle_mm_fault - make @addr accessible for the access in @flags:
 * 0, or VM_FAULT_SIGSEGV / VM_FAULT_OOM / VM_FAULT_SIGBUS. */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);

/* zap_page_range - unmap [start, end) of @vma and free its private frames. */
void zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);

/* copy_page_range - share @vma's pages with @dst for fork (COW). */
int copy_page_range(struct mm_struct *dst, struct vm_area_struct *vma);

/* dup_rmap_range - count the mappings copy_page_range gave @dst (fork). */
void dup_rmap_range(struct mm_struct *dst, struct vm_area_struct *vma);

/* pagefault_out_of_memory - a user fault found no memory: kill the task. */
void pagefault_out_of_memory(void);

/* The shared zero page: what a never-written anonymous page reads as. */
extern struct page *zero_page;

/* ---- vm events (/proc/vmstat) ---- */
enum vm_event_item {
	PGFAULT,		/* page faults handled */
	PGALLOC_ANON,		/* anonymous pages allocated on first touch */
	COW_FAULT,		/* copy-on-write breaks */
	FLUSH_ICACHE_RANGE,	/* flush_icache_range() calls */
	NR_TLB_LOCAL_FLUSH_ONE, /* pages flushed one by one (invlpg) */
	NR_TLB_LOCAL_FLUSH_ALL, /* whole-TLB flushes of a user mm (CR3 reload) */
	NR_VM_EVENTS
};
extern unsigned long vm_events[NR_VM_EVENTS];

/*
 * count_vm_event - add one to @item's count in /proc/vmstat. Linux's is
 * inline; Pagoda's is a function of kernel/mm/vmstat.c, so that a
 * breakpoint on a function that counts first (flush_icache_range) is
 * reported in that function, not in this header.
 */
void count_vm_event(enum vm_event_item item);

/* ---- page counts (/proc/meminfo, the leak report) ---- */
enum node_stat_item {
	NR_FILE_PAGES,	/* pages in the page cache (Cached) */
	NR_FILE_MAPPED, /* of those, pages some PTE maps (Mapped) */
	NR_FILE_DIRTY,	/* of those, PG_dirty ones (Dirty) */
	NR_SHMEM,	/* of those, tmpfs pages (Shmem) */
	NR_VM_NODE_STAT_ITEMS
};
extern long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

/* mod_node_page_state - add @delta pages to @item (one CPU: no lock;
 * Linux keeps per-CPU deltas folded into a per-node atomic). */
static inline void
mod_node_page_state(enum node_stat_item item, long delta)
{
	vm_node_stat[item] += delta;
}

/* node_page_state - the pages counted in @item now. */
static inline unsigned long
node_page_state(enum node_stat_item item)
{
	return vm_node_stat[item];
}

#endif /* PAGODA_MM_H */
