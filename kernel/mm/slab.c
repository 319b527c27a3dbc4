/*
 * kernel/mm/slab.c - kernel objects smaller than a page.
 *
 * Each kmem_cache serves objects of one size. It gets memory a slab at a
 * time: a block of 2^order pages from alloc_pages(), with a small header
 * (struct slab) at its start and the rest cut into equal objects. Free
 * objects are chained through their own first eight bytes, starting at
 * slab->freelist, so a free object costs no extra memory:
 *
 *   slab:  [struct slab][obj 0][obj 1][obj 2] ... [obj n-1]
 *   slab->freelist -> obj 2 -> obj 0 -> NULL     (the free ones)
 *
 * A cache keeps its slabs that still have free objects on its partial
 * list. Allocation takes from the first partial slab (or a new slab);
 * freeing puts the object back on its slab's chain, found from the
 * object's address with virt_to_page(). A slab whose objects are all free
 * goes back to the buddy allocator, so an idle kernel holds no empty slabs.
 *
 * Counterpart: Linux mm/slub.c (which keeps the header in struct page and
 * adds per-CPU slabs, debugging and NUMA; the "freelist in the object"
 * idea is the same). The header in the slab is the older SLAB's choice.
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

struct list_head slab_caches = LIST_HEAD_INIT(slab_caches);

/* The header at the start of every slab. */
struct slab {
	struct list_head slab_list; /* in the cache's partial list */
	struct kmem_cache *cache;   /* the cache it belongs to */
	void *freelist;		    /* first free object, or NULL */
	unsigned int inuse;	    /* objects handed out */
};

static struct kmem_cache cache_cache; /* the cache of struct kmem_cache */
static unsigned long slab_pages;

#define MIN_OBJECTS_PER_SLAB 8
#define MAX_SLAB_ORDER	     3

/* The next free object after @obj on a slab's chain. */
static inline void *
get_freepointer(void *obj)
{
	return *(void **)obj;
}

static inline void
set_freepointer(void *obj, void *next)
{
	*(void **)obj = next;
}

/* cache_setup - fill in a cache's geometry: the object stride and order. */
static void
cache_setup(struct kmem_cache *c, const char *name, unsigned int size, unsigned int align)
{
	if (align < sizeof(void *))
		align = sizeof(void *);
	c->name = name;
	c->object_size = size;
	c->size = ALIGN_UP(max(size, (unsigned int)sizeof(void *)), align);
	c->offset = ALIGN_UP((unsigned int)sizeof(struct slab), align);
	c->order = 0;
	while (c->order < MAX_SLAB_ORDER &&
	       ((PAGE_SIZE << c->order) - c->offset) / c->size < MIN_OBJECTS_PER_SLAB)
		c->order++;
	c->objects = ((PAGE_SIZE << c->order) - c->offset) / c->size;
	INIT_LIST_HEAD(&c->partial);
	c->nr_slabs = c->active_objs = 0;
	list_add_tail(&c->list, &slab_caches);
}

struct kmem_cache *
kmem_cache_create(const char *name, unsigned int size, unsigned int align)
{
	struct kmem_cache *c = kmem_cache_alloc(&cache_cache, GFP_KERNEL);

	if (c)
		cache_setup(c, name, size, align);
	return c;
}

static inline void *
slab_object(struct kmem_cache *c, struct slab *slab, unsigned int i)
{
	return (char *)slab + c->offset + i * c->size;
}

/* new_slab - a slab of free objects for @c, all chained; NULL if no memory. */
static struct slab *
new_slab(struct kmem_cache *c)
{
	struct page *page = alloc_pages(GFP_KERNEL, c->order);

	if (!page)
		return NULL;
	struct slab *slab = page_address(page);

	page->flags |= PG_slab;
	slab->cache = c;
	slab->inuse = 0;
	slab->freelist = slab_object(c, slab, 0);
	for (unsigned int i = 0; i < c->objects; i++)
		set_freepointer(slab_object(c, slab, i),
				i + 1 < c->objects ? slab_object(c, slab, i + 1) : NULL);
	list_add(&slab->slab_list, &c->partial);
	c->nr_slabs++;
	slab_pages += 1UL << c->order;
	return slab;
}

static void
discard_slab(struct kmem_cache *c, struct slab *slab)
{
	struct page *page = virt_to_page(slab);

	list_del(&slab->slab_list);
	page->flags &= ~PG_slab;
	c->nr_slabs--;
	slab_pages -= 1UL << c->order;
	__free_pages(page, c->order);
}

void *
kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	struct slab *slab;
	void *obj;

	if (list_empty(&c->partial) && !new_slab(c))
		return NULL;
	slab = list_first_entry(&c->partial, struct slab, slab_list);
	obj = slab->freelist;
	slab->freelist = get_freepointer(obj);
	slab->inuse++;
	c->active_objs++;
	if (!slab->freelist)
		list_del(&slab->slab_list); /* full: off the partial list */
	if (gfp & __GFP_ZERO)
		memset(obj, 0, c->object_size);
	return obj;
}

/*
 * slab_of - the slab holding @obj, or NULL if @obj is in no slab. A slab is
 * a buddy block, aligned to its own size, so its first page is the nearest
 * page below @obj, at an alignment of at most 2^MAX_SLAB_ORDER pages,
 * that is marked PG_slab and heads a block that reaches @obj.
 */
static struct slab *
slab_of(const void *obj)
{
	unsigned long pfn = page_to_pfn(virt_to_page(obj));

	for (unsigned int order = 0; order <= MAX_SLAB_ORDER; order++) {
		struct page *head = pfn_to_page(pfn & ~((1UL << order) - 1));

		if ((head->flags & PG_slab) && head->private >= order)
			return page_address(head);
		if (head->flags & PG_head)
			return NULL; /* the start of a block that is not a slab */
	}
	return NULL;
}

/*
 * check_free - is @obj one of @c's objects, not already free? A bad free is
 * a kernel bug; it stops here, before the chain is corrupted.
 */
static void
check_free(struct kmem_cache *c, struct slab *slab, void *obj)
{
	if (!slab || slab->cache != c)
		panic("kmem_cache_free(%s): %p is not in a slab of this cache", c->name, obj);
	unsigned long offset = (char *)obj - (char *)slab_object(c, slab, 0);

	if ((char *)obj < (char *)slab_object(c, slab, 0) || offset % c->size != 0)
		panic("kmem_cache_free(%s): %p is not the start of an object", c->name, obj);
	for (void *p = slab->freelist; p; p = get_freepointer(p))
		if (p == obj)
			panic("kmem_cache_free(%s): double free of %p", c->name, obj);
}

void
kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct slab *slab = slab_of(obj);

	check_free(c, slab, obj);
	if (!slab->freelist)
		list_add(&slab->slab_list, &c->partial); /* was full: partial again */
	set_freepointer(obj, slab->freelist);
	slab->freelist = obj;
	slab->inuse--;
	c->active_objs--;
	if (slab->inuse == 0)
		discard_slab(c, slab);
}

/* The general caches, Linux's kmalloc-N sizes; larger requests are pages. */
static const unsigned int kmalloc_sizes[] = { 8, 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048 };
static const char *const kmalloc_names[] = { "kmalloc-8",   "kmalloc-16",  "kmalloc-32",
					     "kmalloc-64",  "kmalloc-96",  "kmalloc-128",
					     "kmalloc-192", "kmalloc-256", "kmalloc-512",
					     "kmalloc-1k",  "kmalloc-2k" };
static struct kmem_cache kmalloc_caches[ARRAY_SIZE(kmalloc_sizes)];

void *
kmalloc(size_t size, gfp_t gfp)
{
	if (size == 0)
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		if (size <= kmalloc_sizes[i])
			return kmem_cache_alloc(&kmalloc_caches[i], gfp);
	/* Larger: whole pages, straight from the buddy allocator. */
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return (void *)__get_free_pages(gfp, order);
}

void *
kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void
kfree(const void *obj)
{
	if (!obj)
		return;
	struct slab *slab = slab_of(obj);

	if (slab) {
		kmem_cache_free(slab->cache, (void *)obj);
	} else {
		struct page *page = virt_to_page(obj);

		__free_pages(page, page->private);
	}
}

unsigned long
nr_slab_pages(void)
{
	return slab_pages;
}

void
kmem_cache_mark(void)
{
	struct kmem_cache *c;

	list_for_each_entry(c, &slab_caches, list) c->marked_objs = c->active_objs;
}

long
kmem_cache_report_changes(void)
{
	struct kmem_cache *c;
	long total = 0;

	list_for_each_entry(c, &slab_caches, list)
	{
		long delta = (long)c->active_objs - (long)c->marked_objs;

		if (delta)
			pr_notice("slab: %s: %lu objects in use, %lu at the mark\n", c->name,
				  c->active_objs, c->marked_objs);
		total += delta;
	}
	return total;
}

void
kmem_cache_init(void)
{
	cache_setup(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 0);
	for (size_t i = 0; i < ARRAY_SIZE(kmalloc_sizes); i++)
		cache_setup(&kmalloc_caches[i], kmalloc_names[i], kmalloc_sizes[i], 0);
}
