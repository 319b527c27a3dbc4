/*
 * tests/host/shim_mm.c - what vma.c and mmap.c need from the rest of the
 * kernel, faked for host tests of the VMA list and of brk/mmap/munmap/
 * mprotect's rules: a slab cache is calloc, page tables do not exist
 * (no page is ever present, so there is nothing to zap or flush); shared
 * memory objects are mm/shmem.c's own. host_mm_* give a test a current
 * task with an empty mm.
 */
#include <stdlib.h>
#include <string.h>

#include <pagoda/arch.h>
#include <pagoda/kallsyms.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>

#include <asm/cacheflush.h>
#include <asm/pgtable.h>

#include "host_mm.h"

struct shmem_object;
void shmem_put(struct shmem_object *obj); /* mm/shmem.c (its header needs fs.h's loff_t) */

pgprot_t __supported_pte_mask = ~0ULL;
unsigned long host_icache_flushes;

/* A cache hands out zeroed objects of its size, from calloc. */
struct kmem_cache *
kmem_cache_create(const char *name, unsigned int size, unsigned int align)
{
	struct kmem_cache *cache = calloc(1, sizeof(*cache));

	cache->name = name;
	cache->object_size = cache->size = size;
	return cache;
}

void *
kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	return calloc(1, cache->size);
}

void
kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	free(obj);
}

pte_t *
walk_pgtable(pte_t *pgd, unsigned long va, enum pg_level level, bool alloc)
{
	return NULL; /* no page tables: no page is ever present */
}

void
free_pgtables(pte_t *pgd, unsigned long start, unsigned long end)
{
}

/* No tables at all: a page loop may skip to the end of the address space. */
unsigned long
pgtable_next(pte_t *pgd, unsigned long va)
{
	return ~0UL;
}

void
zap_page_range(struct vm_area_struct *vma, unsigned long start, unsigned long end)
{
}

/* No page tables, so no TLB: nothing to flush. */
void
flush_tlb_mm_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
}

/* The lock checker's reports end with a call trace: none on the host. */
void
arch_dump_stack(void)
{
}

const char *
kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	return NULL;
}

int
handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	return 0;
}

void
flush_icache_range(unsigned long start, unsigned long end)
{
	host_icache_flushes++;
}

static struct task_struct host_mm_task;
static struct mm_struct host_mm;

/* host_mm_up - a current task with an empty mm (heap at @start_brk),
 * every resource limit infinite. */
struct mm_struct *
host_mm_up(unsigned long start_brk)
{
	static bool cache_made;

	if (!cache_made)
		vma_cache_init();
	cache_made = true;
	memset(&host_mm, 0, sizeof(host_mm));
	memset(&host_mm_task, 0, sizeof(host_mm_task));
	mmap_init_lock(&host_mm);
	spin_lock_init(&host_mm.page_table_lock);
	for (int i = 0; i < RLIM_NLIMITS; i++)
		host_mm_task.rlim[i].rlim_cur = host_mm_task.rlim[i].rlim_max = RLIM_INFINITY;
	host_mm.start_brk = host_mm.brk = start_brk;
	host_mm.mmap_base = MMAP_BASE;
	host_mm_task.mm = &host_mm;
	current_task = &host_mm_task;
	return &host_mm;
}

/* host_mm_down - free every VMA left, and forget the task. */
void
host_mm_down(void)
{
	while (host_mm.mmap) {
		struct vm_area_struct *vma = host_mm.mmap;

		vma_unlink(&host_mm, vma);
		if (vma->vm_shared)
			shmem_put(vma->vm_shared);
		vm_area_free(vma);
	}
	current_task = NULL;
}
