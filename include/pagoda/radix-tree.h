/*
 * include/pagoda/radix-tree.h - a map from unsigned long to pointers,
 * fast for dense ranges of keys: the page cache's index of a file's pages
 * by page offset (page->index).
 *
 * A tree of nodes with RADIX_TREE_MAP_SIZE (64) slots; each level of the
 * tree uses 6 bits of the key, most significant level at the root. A tree
 * of height h holds keys below 64^h: one node for a 256 KiB file, three
 * levels (4,161 nodes at most) for a 1 GiB file, any lookup 3 steps. The
 * tree grows a level at the top when a larger key is inserted and frees
 * nodes as they empty.
 *
 * Locks: the caller's. The page cache holds its mapping's i_pages lock
 * (one CPU: nothing, see mm_types.h).
 *
 * Counterpart: Linux include/linux/radix-tree.h and lib/radix-tree.c, the
 * page cache's index until Linux 4.20, when the XArray (lib/xarray.c, the
 * same tree with a different interface) replaced it.
 */
#ifndef PAGODA_RADIX_TREE_H
#define PAGODA_RADIX_TREE_H

#include <pagoda/types.h>

#define RADIX_TREE_MAP_SHIFT 6
#define RADIX_TREE_MAP_SIZE  (1UL << RADIX_TREE_MAP_SHIFT)
#define RADIX_TREE_MAP_MASK  (RADIX_TREE_MAP_SIZE - 1)

/* One node: a level of the tree covering 64^height keys. */
struct radix_tree_node {
	unsigned int height;		  /* 1: the slots hold items */
	unsigned int count;		  /* slots in use */
	void *slots[RADIX_TREE_MAP_SIZE]; /* items (height 1) or child nodes */
};

/* The tree: empty when rnode is NULL. */
struct radix_tree_root {
	struct radix_tree_node *rnode; /* top node, or NULL */
	unsigned int height;	       /* levels below the root pointer: 0 when empty */
};

#define RADIX_TREE_INIT                                                                            \
	{                                                                                          \
		NULL, 0                                                                            \
	}

/* radix_tree_insert - store @item (not NULL) at @index: 0, -EEXIST, -ENOMEM. */
int radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item);

/* radix_tree_lookup - the item at @index, or NULL. */
void *radix_tree_lookup(const struct radix_tree_root *root, unsigned long index);

/* radix_tree_delete - remove and return the item at @index (NULL if none). */
void *radix_tree_delete(struct radix_tree_root *root, unsigned long index);

/*
 * radix_tree_gang_lookup - up to @max_items items with indices >= @first,
 * in index order, into @results: how many were found. Truncation walks a
 * file's pages with it.
 */
unsigned int radix_tree_gang_lookup(const struct radix_tree_root *root, void **results,
				    unsigned long first, unsigned int max_items);

#endif /* PAGODA_RADIX_TREE_H */
