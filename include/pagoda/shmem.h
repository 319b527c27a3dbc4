/*
 * include/pagoda/shmem.h - shared anonymous memory (MAP_SHARED|MAP_ANONYMOUS).
 *
 * Pages that several processes map and all see each other's writes to:
 * they belong to a shmem_object, not to any one address space, so fork
 * shares them instead of copying, and they live until the last mapping is
 * gone.
 */
#ifndef PAGODA_SHMEM_H
#define PAGODA_SHMEM_H

#include <pagoda/mm_types.h>

struct shmem_object {
	int refcount;	      /* VMAs that map it */
	unsigned long npages; /* its size */
	struct page **pages;  /* NULL until a page is first touched */
};

struct shmem_object *shmem_create(unsigned long npages);
void shmem_get(struct shmem_object *obj);
void shmem_put(struct shmem_object *obj);

/* shmem_fault - map the object's page for @addr into @pte (allocating it). */
int shmem_fault(struct vm_area_struct *vma, unsigned long addr, uint64_t *pte);

#endif /* PAGODA_SHMEM_H */
