/*
 * tests/host/test_page_alloc.c - the buddy allocator, on simulated RAM.
 *
 * The allocator core (kernel/mm/page_alloc.c, memblock.c) is compiled
 * unchanged. A test describes a machine's memory map (holes, odd sizes,
 * RAM above 4 GiB) and reservations, builds mem_map for it in host memory
 * and checks the allocator's invariants after every step. Frames are
 * never touched by the allocator except to zero them, so most tests need
 * no memory behind their "physical" addresses; the zeroing test backs the
 * first 16 MiB with a real buffer.
 */
#include <stdlib.h>
#include <string.h>

#include <pagoda/gfp.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>

#include "host_test.h"

#define MB (1024ULL * 1024)
#define GB (1024 * MB)

/* A PC with 8 GiB: low RAM, the 640 KiB hole, RAM to 3.5 GiB, the PCI
 * hole, RAM from 4 GiB to an odd end; the low 1 MiB and a 3 MiB kernel
 * are reserved. */
static const struct memblock_region pc_ram[] = {
	{ 0, 0x9fc00 },
	{ 0x100000, 0xdfff0000 },
	{ 0x100000000ULL, 0x220000000ULL + 0x1234 },
};
static const struct memblock_region pc_reserved[] = {
	{ 0, 0x100000 },
	{ 0x100000, 0x400000 },
};

static struct page *map;

/* boot_machine - what kernel/mm/init.c does at boot, for a memory map. */
static unsigned long
boot_machine(const struct memblock_region *ram, size_t nram, const struct memblock_region *res,
	     size_t nres)
{
	memblock_reset();
	for (size_t i = 0; i < nram; i++)
		assert_int_equal(memblock_add(ram[i].start, ram[i].end), 0);
	for (size_t i = 0; i < nres; i++)
		assert_int_equal(memblock_reserve(res[i].start, res[i].end), 0);
	unsigned long nr_pfns = memblock_end_of_ram() >> PAGE_SHIFT;

	free(map);
	map = malloc(nr_pfns * sizeof(struct page));
	assert_non_null(map);
	free_area_init(map, nr_pfns);
	return memblock_free_all();
}

static unsigned long
boot_pc(void)
{
	return boot_machine(pc_ram, 3, pc_reserved, 2);
}

/* Whole free pages the PC map should give to the allocator. */
static unsigned long
pc_expected_pages(void)
{
	/* the odd 0x1234 bytes at the top do not make a whole page */
	return (0xdfff0000 - 0x400000) / 4096 + (0x120001234ULL) / 4096;
}

/*
 * check_free_lists - the buddy invariants: every free block is aligned to
 * its order, marked, on the right list, not overlapping another, and
 * never with a whole free buddy of the same order (it would have merged);
 * the counts add up.
 */
static void
check_free_lists(void)
{
	unsigned long total = 0;

	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++) {
		unsigned long n = 0;
		unsigned long want = nr_free_blocks(order);

		for (unsigned long pfn = 0; pfn < max_pfn; pfn++) {
			struct page *p = pfn_to_page(pfn);

			if (!(p->flags & PG_buddy) || p->private != order)
				continue;
			assert_int_equal(pfn & ((1UL << order) - 1), 0);
			assert_true(pfn + (1UL << order) <= max_pfn);
			for (unsigned long i = 1; i < (1UL << order); i++)
				assert_int_equal(pfn_to_page(pfn + i)->flags & (PG_buddy | PG_head),
						 0);
			unsigned long buddy = pfn ^ (1UL << order);

			if (order < MAX_PAGE_ORDER && buddy < max_pfn) {
				struct page *b = pfn_to_page(buddy);

				assert_false((b->flags & PG_buddy) && b->private == order);
			}
			n++;
		}
		assert_int_equal(n, want);
		total += n << order;
	}
	assert_int_equal(total, nr_free_pages());
}

static void
snapshot(unsigned long *counts)
{
	for (unsigned int order = 0; order <= MAX_PAGE_ORDER; order++)
		counts[order] = nr_free_blocks(order);
}

static void
test_totals_from_memory_map(void **state)
{
	unsigned long pages = boot_pc();

	assert_int_equal(pages, pc_expected_pages());
	assert_int_equal(nr_free_pages(), pages);
	assert_int_equal(totalram_pages(), pages);
	check_free_lists();
	/* RAM above 4 GiB is in use: the highest free frame is beyond it. */
	assert_true(max_pfn > (4 * GB) >> PAGE_SHIFT);
}

/* Take every frame one at a time: none twice, none reserved or in a hole. */
static void
test_every_frame_once(void **state)
{
	unsigned long pages = boot_pc(), got = 0, before[NR_PAGE_ORDERS], after[NR_PAGE_ORDERS];
	unsigned char *seen = calloc(max_pfn, 1);
	struct page **all = malloc(pages * sizeof(*all));
	struct page *p;

	snapshot(before);
	while ((p = alloc_pages(GFP_KERNEL, 0)) != NULL) {
		unsigned long pfn = page_to_pfn(p);
		phys_addr_t pa = page_to_phys(p);

		assert_false(seen[pfn]);
		seen[pfn] = 1;
		assert_true(pa >= 0x400000);		       /* not reserved */
		assert_false(pa >= 0xdfff0000 && pa < 4 * GB); /* not in the hole */
		all[got++] = p;
	}
	assert_int_equal(got, pages);
	assert_int_equal(nr_free_pages(), 0);
	for (unsigned long i = 0; i < got; i++)
		__free_pages(all[got - 1 - i], 0);
	snapshot(after);
	assert_memory_equal(before, after, sizeof(before)); /* fully coalesced */
	check_free_lists();
	free(seen);
	free(all);
}

/* Seeded random mix of orders; at the end the lists are as at boot. */
static void
test_random_stress(void **state)
{
	enum { SLOTS = 512, STEPS = 20000 };
	struct {
		struct page *page;
		unsigned int order;
	} slot[SLOTS] = { 0 };
	unsigned long before[NR_PAGE_ORDERS], after[NR_PAGE_ORDERS];

	boot_machine(pc_ram, 2, pc_reserved, 2); /* below 4 GiB only: faster */
	snapshot(before);
	srand(12345);
	for (int step = 0; step < STEPS; step++) {
		int i = rand() % SLOTS;

		if (slot[i].page) {
			__free_pages(slot[i].page, slot[i].order);
			slot[i].page = NULL;
		} else {
			slot[i].order = rand() % 4 == 0 ? rand() % NR_PAGE_ORDERS : rand() % 3;
			slot[i].page = alloc_pages(GFP_KERNEL, slot[i].order);
			/* At most 512 blocks of 4 MiB: there is always room. */
			assert_non_null(slot[i].page);
			assert_int_equal(page_to_pfn(slot[i].page) & ((1UL << slot[i].order) - 1),
					 0);
		}
		if (step % 5000 == 0)
			check_free_lists();
	}
	for (int i = 0; i < SLOTS; i++)
		if (slot[i].page)
			__free_pages(slot[i].page, slot[i].order);
	snapshot(after);
	assert_memory_equal(before, after, sizeof(before));
	check_free_lists();
}

/* Splitting a 4 MiB block for one page leaves one free block of each
 * smaller order; freeing the page merges them all back. */
static void
test_split_and_coalesce(void **state)
{
	static const struct memblock_region one_block[] = { { 0x400000, 0x800000 } };

	boot_machine(one_block, 1, NULL, 0);
	assert_int_equal(nr_free_blocks(MAX_PAGE_ORDER), 1);
	struct page *p = alloc_pages(GFP_KERNEL, 0);

	assert_non_null(p);
	assert_int_equal(page_to_phys(p), 0x400000); /* the lower half each time */
	for (unsigned int order = 0; order < MAX_PAGE_ORDER; order++)
		assert_int_equal(nr_free_blocks(order), 1);
	assert_int_equal(nr_free_blocks(MAX_PAGE_ORDER), 0);
	check_free_lists();
	__free_pages(p, 0);
	for (unsigned int order = 0; order < MAX_PAGE_ORDER; order++)
		assert_int_equal(nr_free_blocks(order), 0);
	assert_int_equal(nr_free_blocks(MAX_PAGE_ORDER), 1);
}

static void
test_out_of_memory_returns_null(void **state)
{
	static const struct memblock_region small[] = { { 0x400000, 0x400000 + 64 * 4096 } };

	boot_machine(small, 1, NULL, 0);
	assert_null(alloc_pages(GFP_KERNEL, 7)); /* 128 pages > 64 */
	assert_null(alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER + 1));
	assert_non_null(alloc_pages(GFP_KERNEL, 6));
	assert_null(alloc_pages(GFP_KERNEL, 0));
}

static void
test_refcount(void **state)
{
	boot_pc();
	unsigned long free0 = nr_free_pages();
	struct page *p = alloc_pages(GFP_KERNEL, 2);

	assert_int_equal(page_ref_count(p), 1);
	get_page(p);
	put_page(p);
	assert_int_equal(nr_free_pages(), free0 - 4); /* one user left */
	put_page(p);
	assert_int_equal(nr_free_pages(), free0);
}

/* What alloc_pages leaves in the struct page of the block it returns
 * (include/pagoda/mm_types.h): the head is PG_head with the order in
 * private and one reference; the other pages of the block are untouched. */
static void
test_allocated_block(void **state)
{
	boot_pc();
	struct page *p = alloc_pages(GFP_KERNEL, 3);

	assert_non_null(p);
	assert_int_equal(p->flags, PG_head);
	assert_int_equal(p->private, 3);
	assert_int_equal(page_ref_count(p), 1);
	for (int i = 1; i < 8; i++)
		assert_int_equal(p[i].flags, 0);
	__free_pages(p, 3);
	check_free_lists();
}

static void
test_bad_frees_panic(void **state)
{
	boot_pc();
	struct page *p = alloc_pages(GFP_KERNEL, 1);
	struct page *never = pfn_to_page(0x500); /* reserved, never allocated */

	expect_assert_failure(__free_pages(p, 0));
	assert_non_null(strstr(host_last_panic(), "wrong order"));
	__free_pages(p, 1);
	expect_assert_failure(__free_pages(p, 1));
	assert_non_null(strstr(host_last_panic(), "double free"));
	expect_assert_failure(__free_pages(never, 0));
	assert_non_null(strstr(host_last_panic(), "not an allocated block"));
	expect_assert_failure(__free_pages(mem_map + max_pfn + 10, 0));
	assert_non_null(strstr(host_last_panic(), "not a page the allocator owns"));
	check_free_lists();
}

/* __GFP_ZERO clears the block: back 16 MiB of "physical" memory. */
static void
test_zeroed_pages(void **state)
{
	static const struct memblock_region ram16[] = { { 0, 16 * MB } };
	unsigned char *ram = aligned_alloc(4096, 16 * MB);

	host_page_offset = (unsigned long)ram;
	boot_machine(ram16, 1, NULL, 0);
	struct page *p = alloc_pages(GFP_KERNEL, 3);

	memset(page_address(p), 0xaa, 8 * 4096);
	__free_pages(p, 3);
	p = alloc_pages(GFP_KERNEL | __GFP_ZERO, 3);
	for (size_t i = 0; i < 8 * 4096; i++)
		assert_int_equal(((unsigned char *)page_address(p))[i], 0);
	unsigned long va = get_zeroed_page(GFP_KERNEL);

	assert_int_equal(*(unsigned long *)va, 0);
	free_page(va);
	__free_pages(p, 3);
	host_page_offset = 0;
	free(ram);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_totals_from_memory_map),
		cmocka_unit_test(test_every_frame_once),
		cmocka_unit_test(test_random_stress),
		cmocka_unit_test(test_split_and_coalesce),
		cmocka_unit_test(test_out_of_memory_returns_null),
		cmocka_unit_test(test_refcount),
		cmocka_unit_test(test_allocated_block),
		cmocka_unit_test(test_bad_frees_panic),
		cmocka_unit_test(test_zeroed_pages),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);

	free(map);
	return failed;
}
