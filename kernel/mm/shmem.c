/*
 * kernel/mm/shmem.c - shared anonymous memory.
 *
 * A MAP_SHARED|MAP_ANONYMOUS mapping is backed by a shmem_object: an
 * array of frames, filled on first touch, that every VMA mapping it (in
 * this process and in forked children) uses. Each frame carries one
 * reference for the object and one per page-table entry mapping it.
 *
 * Counterpart: Linux mm/shmem.c (which backs it with a tmpfs file).
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/rmap.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>

#include <asm/pgtable.h>

#include <uapi/errno.h>

struct shmem_object *
shmem_create(unsigned long npages)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	obj->pages = kzalloc(npages * sizeof(struct page *), GFP_KERNEL);
	if (!obj->pages) {
		kfree(obj);
		return NULL;
	}
	obj->refcount = 1;
	obj->npages = npages;
	return obj;
}

void
shmem_get(struct shmem_object *obj)
{
	obj->refcount++;
}

void
shmem_put(struct shmem_object *obj)
{
	if (--obj->refcount > 0)
		return;
	for (unsigned long i = 0; i < obj->npages; i++)
		if (obj->pages[i])
			put_page(obj->pages[i]);
	kfree(obj->pages);
	kfree(obj);
}

int
shmem_fault(struct vm_area_struct *vma, unsigned long addr, uint64_t *pte)
{
	struct shmem_object *obj = vma->vm_shared;
	unsigned long index = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);

	/* The object keeps its size when mremap grows a mapping of it: a page
	 * past its end does not exist (Linux: the shmem file's size, SIGBUS). */
	if (index >= obj->npages)
		return VM_FAULT_SIGBUS;
	if (!obj->pages[index]) {
		obj->pages[index] = alloc_pages(GFP_USER | __GFP_ZERO, 0);
		if (!obj->pages[index])
			return VM_FAULT_OOM;
	}
	get_page(obj->pages[index]);
	/* The entry was empty: nothing to flush (asm/tlbflush.h). */
	spin_lock(&vma->vm_mm->page_table_lock);
	*pte = pfn_pte(page_to_pfn(obj->pages[index]), vma->vm_page_prot);
	page_add_new_anon_rmap(obj->pages[index]);
	spin_unlock(&vma->vm_mm->page_table_lock);
	vma->vm_mm->rss[MM_ANONPAGES]++;
	return 0;
}
