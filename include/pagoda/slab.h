/*
 * include/pagoda/slab.h - allocating kernel objects smaller than a page.
 *
 * A kmem_cache hands out objects of one size (an mm_struct, a
 * vm_area_struct, a task_struct) carved from slabs: blocks of pages from
 * the buddy allocator. kmalloc() picks one of a set of general caches by
 * size (8 bytes to 2 KiB) and takes larger requests straight from the
 * buddy allocator. kernel/mm/slab.c explains the layout.
 *
 * Counterpart: Linux include/linux/slab.h.
 */
#ifndef PAGODA_SLAB_H
#define PAGODA_SLAB_H

#include <pagoda/gfp.h>
#include <pagoda/list.h>

struct kmem_cache {
	const char *name;	   /* shown in /proc/slabinfo */
	unsigned int object_size;  /* bytes the user asked for */
	unsigned int size;	   /* bytes per object in the slab (aligned) */
	unsigned int offset;	   /* where the first object starts in a slab */
	unsigned int order;	   /* a slab is 2^order pages */
	unsigned int objects;	   /* objects per slab */
	struct list_head partial;  /* slabs with free objects (slab_list) */
	unsigned long nr_slabs;	   /* slabs allocated */
	unsigned long active_objs; /* objects handed out */
	unsigned long marked_objs; /* active_objs at the last kmem_cache_mark() */
	struct list_head list;	   /* in the list of all caches */
};

/* kmem_cache_create - a cache of @size-byte objects aligned to @align
 * (0: 8 bytes); NULL when out of memory. */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align);

/* kmem_cache_alloc - one object, zeroed if @gfp has __GFP_ZERO; or NULL. */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);

/* kmem_cache_free - give back an object of @cache. Freeing twice or
 * freeing a pointer that is not one of its objects panics. */
void kmem_cache_free(struct kmem_cache *cache, void *obj);

/* kmalloc - @size bytes, at least 8-byte aligned; NULL when out of memory
 * or @size is 0. kzalloc also zeroes them. kfree(NULL) does nothing. */
void *kmalloc(size_t size, gfp_t gfp);
void *kzalloc(size_t size, gfp_t gfp);
void kfree(const void *obj);

/* Pages held by all slabs (for /proc/meminfo's Slab line and leak checks). */
unsigned long nr_slab_pages(void);

/*
 * Leak checks: kmem_cache_mark() records every cache's active objects;
 * kmem_cache_report_changes() prints one line per cache whose count has
 * changed since and returns how many objects more (or fewer) are in use
 * in all caches together.
 */
void kmem_cache_mark(void);
long kmem_cache_report_changes(void);

/* All caches, for /proc/slabinfo. */
extern struct list_head slab_caches;

/* Boot: set up the general kmalloc caches. */
void kmem_cache_init(void);

#endif /* PAGODA_SLAB_H */
