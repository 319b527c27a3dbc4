/*
 * tests/host/test_radix_tree.c - the page cache's index (kernel/lib/radix-tree.c):
 * insert, lookup, delete, growth and shrinking, in-order gang lookup, and
 * the pages of a 1 GiB file.
 */
#include <pagoda/radix-tree.h>

#include <uapi/errno.h>

#include "host_test.h"

/* An item for key @i: any non-NULL pointer the test can recognise. */
static void *
item(unsigned long i)
{
	return (void *)((i << 4) | 8);
}

static void
test_insert_lookup_delete(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;

	assert_null(radix_tree_lookup(&root, 0));
	assert_int_equal(radix_tree_insert(&root, 0, item(0)), 0);
	assert_int_equal(root.height, 1);
	assert_ptr_equal(radix_tree_lookup(&root, 0), item(0));
	assert_null(radix_tree_lookup(&root, 1));
	assert_int_equal(radix_tree_insert(&root, 0, item(9)), -EEXIST);
	assert_ptr_equal(radix_tree_lookup(&root, 0), item(0));
	assert_null(radix_tree_delete(&root, 1));
	assert_ptr_equal(radix_tree_delete(&root, 0), item(0));
	assert_null(radix_tree_lookup(&root, 0));
	assert_null(root.rnode); /* every node freed */
	assert_int_equal(root.height, 0);
}

/* A large key grows the tree on top; deleting it shrinks it back. */
static void
test_growth_and_shrink(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;

	assert_int_equal(radix_tree_insert(&root, 5, item(5)), 0);
	assert_int_equal(root.height, 1);
	assert_int_equal(radix_tree_insert(&root, 64, item(64)), 0);
	assert_int_equal(root.height, 2);
	assert_int_equal(radix_tree_insert(&root, 0x1043, item(0x1043)), 0);
	assert_int_equal(root.height, 3);
	assert_ptr_equal(radix_tree_lookup(&root, 5), item(5)); /* moved down, still found */
	assert_ptr_equal(radix_tree_lookup(&root, 64), item(64));
	assert_ptr_equal(radix_tree_lookup(&root, 0x1043), item(0x1043));
	assert_null(radix_tree_lookup(&root, 0x1044));
	assert_null(radix_tree_lookup(&root, ~0UL));
	assert_ptr_equal(radix_tree_delete(&root, 0x1043), item(0x1043));
	assert_int_equal(root.height, 2);
	assert_ptr_equal(radix_tree_delete(&root, 64), item(64));
	assert_int_equal(root.height, 1);
	assert_ptr_equal(radix_tree_lookup(&root, 5), item(5));
	/* The largest key needs every level: 64 bits in 6-bit digits is 11. */
	assert_int_equal(radix_tree_insert(&root, ~0UL, item(1)), 0);
	assert_int_equal(root.height, 11);
	assert_ptr_equal(radix_tree_lookup(&root, ~0UL), item(1));
	assert_ptr_equal(radix_tree_lookup(&root, 5), item(5));
	assert_ptr_equal(radix_tree_delete(&root, ~0UL), item(1));
	assert_ptr_equal(radix_tree_delete(&root, 5), item(5));
	assert_null(root.rnode);
}

static void
test_gang_lookup(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	unsigned long keys[] = { 3, 70, 71, 4096, 4097, 300000 };
	void *res[8];

	for (unsigned int i = 0; i < 6; i++)
		assert_int_equal(radix_tree_insert(&root, keys[i], item(keys[i])), 0);
	assert_int_equal(radix_tree_gang_lookup(&root, res, 0, 8), 6);
	for (unsigned int i = 0; i < 6; i++)
		assert_ptr_equal(res[i], item(keys[i])); /* in index order */
	assert_int_equal(radix_tree_gang_lookup(&root, res, 71, 2), 2);
	assert_ptr_equal(res[0], item(71));
	assert_ptr_equal(res[1], item(4096));
	assert_int_equal(radix_tree_gang_lookup(&root, res, 4098, 8), 1);
	assert_ptr_equal(res[0], item(300000));
	assert_int_equal(radix_tree_gang_lookup(&root, res, 300001, 8), 0);
	for (unsigned int i = 0; i < 6; i++)
		assert_ptr_equal(radix_tree_delete(&root, keys[i]), item(keys[i]));
	assert_null(root.rnode);
}

/* Every page of a 1 GiB file (262,144 pages): three levels, all found. */
static void
test_one_gib_file(void **state)
{
	struct radix_tree_root root = RADIX_TREE_INIT;
	const unsigned long npages = (1UL << 30) >> 12;
	void *res[16];

	for (unsigned long i = 0; i < npages; i++)
		assert_int_equal(radix_tree_insert(&root, i, item(i)), 0);
	assert_int_equal(root.height, 3);
	for (unsigned long i = 0; i < npages; i += 997)
		assert_ptr_equal(radix_tree_lookup(&root, i), item(i));
	assert_null(radix_tree_lookup(&root, npages));
	assert_int_equal(radix_tree_gang_lookup(&root, res, npages - 3, 16), 3);
	/* Truncate to half, as truncate_inode_pages would, then free the rest. */
	for (unsigned long i = npages / 2; i < npages; i++)
		assert_ptr_equal(radix_tree_delete(&root, i), item(i));
	assert_int_equal(radix_tree_gang_lookup(&root, res, npages / 2 - 1, 16), 1);
	for (unsigned long i = 0; i < npages / 2; i++)
		assert_ptr_equal(radix_tree_delete(&root, i), item(i));
	assert_null(root.rnode); /* AddressSanitizer reports any node left */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_lookup_delete),
		cmocka_unit_test(test_growth_and_shrink),
		cmocka_unit_test(test_gang_lookup),
		cmocka_unit_test(test_one_gib_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
