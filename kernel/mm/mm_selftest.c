/*
 * kernel/mm/mm_selftest.c - self-tests of memory management, run at boot
 * with `selftest` on the command line (kernel/init/boot_tests.c).
 *
 * They check, inside the running kernel, what the host unit tests cannot:
 * that the allocator's frames are real memory reachable through the
 * direct map, that the kernel's page tables map what they should, and
 * that everything borrowed is given back.
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/selftest.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <asm/pgtable.h>

extern char _text[], _etext[], _rodata[], _data[];

/* Every order: allocate, write the whole block, free; counts come back. */
bool
selftest_buddy(void)
{
	unsigned long free0 = nr_free_pages();
	struct page *blocks[NR_PAGE_ORDERS];

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		blocks[order] = alloc_pages(GFP_KERNEL, order);
		SELFTEST_CHECK(blocks[order] != NULL);
		SELFTEST_CHECK((page_to_pfn(blocks[order]) & ((1UL << order) - 1)) == 0);
		memset(page_address(blocks[order]), 0x5a, PAGE_SIZE << order);
	}
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		__free_pages(blocks[order], order);
	SELFTEST_CHECK(nr_free_pages() == free0);

	unsigned long va = get_zeroed_page(GFP_KERNEL);

	SELFTEST_CHECK(va != 0);
	for (unsigned long i = 0; i < PAGE_SIZE / sizeof(long); i++)
		SELFTEST_CHECK(((unsigned long *)va)[i] == 0);
	free_page(va);
	SELFTEST_CHECK(nr_free_pages() == free0);
	return true;
}

/*
 * Drain all of memory in order-0 pages and give it back: every free frame
 * is handed out exactly once. The taken pages are chained through their
 * struct pages' lru (unused while allocated), so the test touches no frame:
 * on an 8 GiB guest that would make the emulator allocate all 8 GiB.
 */
bool
selftest_buddy_drain(void)
{
	unsigned long free0 = nr_free_pages(), n = 0;
	struct list_head taken = LIST_HEAD_INIT(taken);
	struct page *page;

	while ((page = alloc_pages(GFP_KERNEL, 0)) != NULL) {
		SELFTEST_CHECK(page->flags == PG_head && page_ref_count(page) == 1);
		list_add(&page->lru, &taken);
		n++;
	}
	SELFTEST_CHECK(n == free0);
	SELFTEST_CHECK(nr_free_pages() == 0);
	while (!list_empty(&taken)) {
		page = list_first_entry(&taken, struct page, lru);
		list_del(&page->lru);
		__free_pages(page, 0);
	}
	SELFTEST_CHECK(nr_free_pages() == free0);
	for (unsigned int order = 0; order < MAX_PAGE_ORDER; order++)
		SELFTEST_CHECK(nr_free_blocks(order) <= 2 * totalram_pages() / (1UL << order));
	return true;
}

/* The kernel's page tables: W^X image, direct map to the end of RAM,
 * no identity map, and map/protect/unmap of a scratch address. */
bool
selftest_paging(void)
{
	const unsigned long scratch = 0xffffe90000000000UL;
	pte_t *pte;

	SELFTEST_CHECK(lookup_phys(init_pgd, 0) == (phys_addr_t)-1);
	pte = walk_pgtable(init_pgd, (unsigned long)_text, PG_LEVEL_4K, false);
	SELFTEST_CHECK(pte && !pte_write(*pte) && pte_exec(*pte));
	pte = walk_pgtable(init_pgd, (unsigned long)_rodata, PG_LEVEL_4K, false);
	SELFTEST_CHECK(pte && !pte_write(*pte));
	pte = walk_pgtable(init_pgd, (unsigned long)_data, PG_LEVEL_4K, false);
	SELFTEST_CHECK(pte && pte_write(*pte));
	SELFTEST_CHECK(!pgtable_nx_supported() || !pte_exec(*pte));

	phys_addr_t last = memblock_end_of_ram() - PAGE_SIZE;

	SELFTEST_CHECK(lookup_phys(init_pgd, (unsigned long)__va(last)) == last);

	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	unsigned long free0 = nr_free_pages();

	SELFTEST_CHECK(map_pages(init_pgd, scratch, page_to_phys(page), PAGE_SIZE, PAGE_KERNEL) ==
		       0);
	SELFTEST_CHECK(nr_free_pages() == free0 - 3); /* a new PDPT, PD and PT */
	/* A new kernel mapping, tables and all, is the kernel's alone. */
	SELFTEST_CHECK(kernel_half_user_entries(init_pgd) == 0);
	*(volatile unsigned long *)scratch = 0x1234;
	SELFTEST_CHECK(*(unsigned long *)page_address(page) == 0x1234);
	set_pages_prot(init_pgd, scratch, PAGE_SIZE, PAGE_KERNEL_RO);
	SELFTEST_CHECK(!pte_write(*walk_pgtable(init_pgd, scratch, PG_LEVEL_4K, false)));
	unmap_pages(init_pgd, scratch, PAGE_SIZE);
	SELFTEST_CHECK(lookup_phys(init_pgd, scratch) == (phys_addr_t)-1);
	free_pgtables(init_pgd, scratch, scratch + PAGE_SIZE);
	/* The PT and PD came back; a kernel-half PDPT stays (every address
	 * space shares it). */
	SELFTEST_CHECK(nr_free_pages() == free0 - 1);
	__free_pages(page, 0);
	return true;
}

/* kmalloc of every size class and beyond; slabs are returned when empty. */
bool
selftest_slab(void)
{
	static const size_t sizes[] = {
		1, 8, 24, 64, 100, 200, 512, 1000, 3000, 4096, 8192, 20000
	};
	void *objs[ARRAY_SIZE(sizes)][16];
	unsigned long free0 = nr_free_pages(), slab0 = nr_slab_pages();

	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (int i = 0; i < 16; i++) {
			objs[s][i] = kmalloc(sizes[s], GFP_KERNEL);
			SELFTEST_CHECK(objs[s][i] != NULL);
			SELFTEST_CHECK(((unsigned long)objs[s][i] & 7) == 0);
			memset(objs[s][i], (int)s, sizes[s]);
		}
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (int i = 0; i < 16; i++) {
			SELFTEST_CHECK(((unsigned char *)objs[s][i])[sizes[s] - 1] == s);
			kfree(objs[s][i]);
		}
	SELFTEST_CHECK(nr_slab_pages() == slab0);
	SELFTEST_CHECK(nr_free_pages() == free0);

	struct kmem_cache *c = kmem_cache_create("selftest", 40, 16);
	void *a = kmem_cache_alloc(c, GFP_KERNEL | __GFP_ZERO);

	SELFTEST_CHECK(a && ((unsigned long)a & 15) == 0 && ((char *)a)[39] == 0);
	kmem_cache_free(c, a);
	SELFTEST_CHECK(c->active_objs == 0 && c->nr_slabs == 0);
	return true;
}
