/*
 * tests/host/test_memblock.c - the boot-time range allocator.
 */
#include <pagoda/memblock.h>

#include "host_test.h"

static void
assert_regions(const struct memblock_type *t, const struct memblock_region *want, unsigned int n)
{
	assert_int_equal(t->cnt, n);
	for (unsigned int i = 0; i < n; i++) {
		assert_int_equal(t->regions[i].start, want[i].start);
		assert_int_equal(t->regions[i].end, want[i].end);
	}
}

/* Ranges are kept sorted, and merged when they overlap or touch. */
static void
test_add_merges(void **state)
{
	static const struct memblock_region want[] = { { 0x1000, 0x5000 }, { 0x8000, 0x9000 } };

	memblock_reset();
	memblock_add(0x8000, 0x9000);
	memblock_add(0x1000, 0x2000);
	memblock_add(0x3000, 0x4000);
	memblock_add(0x2000, 0x3000); /* touches both neighbours */
	memblock_add(0x3800, 0x5000); /* overlaps */
	memblock_add(0x4000, 0x4000); /* empty: ignored */
	assert_regions(&memblock.memory, want, 2);
	assert_int_equal(memblock_phys_mem_size(), 0x5000);
	assert_int_equal(memblock_end_of_ram(), 0x9000);
}

/* Allocation is top-down, below the limit, around reservations, aligned. */
static void
test_alloc_top_down(void **state)
{
	memblock_reset();
	memblock_add(0x100000, 0x800000);
	memblock_add(0x100000000ULL, 0x200000000ULL);
	memblock_reserve(0x700000, 0x800000);

	assert_int_equal(memblock_alloc(0x1000, 0x1000, 0x100000000ULL), 0x6ff000);
	assert_int_equal(memblock_alloc(0x2000, 0x200000, 0x100000000ULL), 0x600000);
	assert_int_equal(memblock_alloc(0x1000, 0x1000, ~0ULL), 0x1fffff000ULL);
	assert_int_equal(memblock_alloc(0x10000000, 0x1000, 0x100000000ULL), 0); /* too big */
	assert_int_equal(memblock_reserved_size(), 0x100000 + 0x1000 + 0x2000 + 0x1000);
}

static void
test_reserved_outside_ram_not_counted(void **state)
{
	memblock_reset();
	memblock_add(0x100000, 0x200000);
	memblock_reserve(0, 0x180000); /* half of it is not RAM */
	assert_int_equal(memblock_reserved_size(), 0x80000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_merges),
		cmocka_unit_test(test_alloc_top_down),
		cmocka_unit_test(test_reserved_outside_ram_not_counted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
