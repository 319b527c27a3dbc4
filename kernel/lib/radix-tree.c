/*
 * kernel/lib/radix-tree.c - the page cache's index (include/pagoda/radix-tree.h).
 *
 * The page cache (mm/filemap.c) keeps each file's pages here, keyed by
 * page offset; find_get_page() is radix_tree_lookup(), add_to_page_cache()
 * radix_tree_insert(), truncation radix_tree_gang_lookup() and
 * radix_tree_delete(). Nodes come from kmalloc (mm/slab.c).
 *
 * A key is cut into 6-bit digits, most significant first; a tree of
 * height h uses the low 6*h bits, so key 0x1043 in a tree of height 3 is
 * slot 1 of the root, slot 1 of its child, slot 3 of the leaf node:
 *
 *	root->rnode --> [ 0 | 1 | ... | 63 ]        height 3, bits 17..12
 *	                      |
 *	                      v
 *	                [ 0 | 1 | ... | 63 ]        height 2, bits 11..6
 *	                      |
 *	                      v
 *	                [ 0 | 1 | 2 | 3 | ... ]     height 1, bits 5..0
 *	                              |
 *	                              v  item (a struct page)
 *
 * Inserting a key that does not fit adds levels on top (the old root
 * becomes slot 0 of the new one); deleting frees nodes that become empty
 * and shrinks the tree while the root uses only slot 0.
 *
 * Counterpart: Linux lib/radix-tree.c as of 4.19 (before the XArray),
 * without tags, RCU or preloading.
 */
#include <pagoda/kernel.h>
#include <pagoda/radix-tree.h>
#include <pagoda/slab.h>

#include <uapi/errno.h>

#define BITS_PER_LONG (8 * sizeof(unsigned long))

/* The largest key a tree of @height levels can hold. */
static unsigned long
radix_tree_maxindex(unsigned int height)
{
	unsigned int shift = height * RADIX_TREE_MAP_SHIFT;

	if (shift >= BITS_PER_LONG)
		return ~0UL;
	return (1UL << shift) - 1;
}

/* The slot of @index in a node of @height. */
static unsigned int
radix_tree_offset(unsigned long index, unsigned int height)
{
	unsigned int shift = (height - 1) * RADIX_TREE_MAP_SHIFT;

	if (shift >= BITS_PER_LONG)
		return 0;
	return (index >> shift) & RADIX_TREE_MAP_MASK;
}

static struct radix_tree_node *
radix_tree_node_alloc(unsigned int height)
{
	struct radix_tree_node *node = kzalloc(sizeof(*node), GFP_KERNEL);

	if (node)
		node->height = height;
	return node;
}

/* radix_tree_extend - add levels on top until @index fits: 0 or -ENOMEM. */
static int
radix_tree_extend(struct radix_tree_root *root, unsigned long index)
{
	while (index > radix_tree_maxindex(root->height)) {
		struct radix_tree_node *node;

		if (!root->rnode) {
			root->height++; /* an empty tree: grow the number only */
			continue;
		}
		node = radix_tree_node_alloc(root->height + 1);
		if (!node)
			return -ENOMEM;
		node->slots[0] = root->rnode;
		node->count = 1;
		root->rnode = node;
		root->height++;
	}
	return 0;
}

int
radix_tree_insert(struct radix_tree_root *root, unsigned long index, void *item)
{
	struct radix_tree_node *node, *parent = NULL;
	unsigned int offset = 0;
	int err = radix_tree_extend(root, index);

	if (err)
		return err;
	if (root->height == 0)
		root->height = 1; /* even key 0 needs one node */
	if (!root->rnode) {
		root->rnode = radix_tree_node_alloc(root->height);
		if (!root->rnode)
			return -ENOMEM;
	}
	node = root->rnode;
	while (node->height > 1) {
		offset = radix_tree_offset(index, node->height);
		parent = node;
		node = parent->slots[offset];
		if (!node) {
			node = radix_tree_node_alloc(parent->height - 1);
			if (!node)
				return -ENOMEM; /* empty nodes above are freed on delete */
			parent->slots[offset] = node;
			parent->count++;
		}
	}
	offset = radix_tree_offset(index, 1);
	if (node->slots[offset])
		return -EEXIST;
	node->slots[offset] = item;
	node->count++;
	return 0;
}

void *
radix_tree_lookup(const struct radix_tree_root *root, unsigned long index)
{
	struct radix_tree_node *node = root->rnode;

	if (!node || index > radix_tree_maxindex(root->height))
		return NULL;
	while (node->height > 1) {
		node = node->slots[radix_tree_offset(index, node->height)];
		if (!node)
			return NULL;
	}
	return node->slots[radix_tree_offset(index, 1)];
}

/* radix_tree_shrink - drop top levels whose only child is in slot 0. */
static void
radix_tree_shrink(struct radix_tree_root *root)
{
	struct radix_tree_node *node = root->rnode;

	while (node && node->height > 1 && node->count == 1 && node->slots[0]) {
		root->rnode = node->slots[0];
		root->height--;
		kfree(node);
		node = root->rnode;
	}
	if (!root->rnode)
		root->height = 0;
}

/*
 * delete_in - remove @index below @node; frees @node's emptied children.
 * Returns the item removed, or NULL.
 */
static void *
delete_in(struct radix_tree_node *node, unsigned long index)
{
	unsigned int offset = radix_tree_offset(index, node->height);
	void *item;

	if (node->height == 1) {
		item = node->slots[offset];
		if (item) {
			node->slots[offset] = NULL;
			node->count--;
		}
		return item;
	}
	struct radix_tree_node *child = node->slots[offset];

	if (!child)
		return NULL;
	item = delete_in(child, index);
	if (item && child->count == 0) {
		kfree(child);
		node->slots[offset] = NULL;
		node->count--;
	}
	return item;
}

void *
radix_tree_delete(struct radix_tree_root *root, unsigned long index)
{
	void *item;

	if (!root->rnode || index > radix_tree_maxindex(root->height))
		return NULL;
	item = delete_in(root->rnode, index);
	if (item && root->rnode->count == 0) {
		kfree(root->rnode);
		root->rnode = NULL;
	}
	radix_tree_shrink(root);
	return item;
}

/*
 * gang_in - collect items of @node with indices >= @first into @results,
 * @base being the first index @node covers; stops at @max. Returns the
 * new number of results (@n on entry).
 */
static unsigned int
gang_in(const struct radix_tree_node *node, unsigned long base, unsigned long first, void **results,
	unsigned int n, unsigned int max)
{
	unsigned long span = radix_tree_maxindex(node->height - 1) + 1;

	for (unsigned int i = 0; i < RADIX_TREE_MAP_SIZE && n < max; i++) {
		unsigned long start = base + i * span;

		if (!node->slots[i] || start + (span - 1) < first)
			continue;
		if (node->height == 1)
			results[n++] = node->slots[i];
		else
			n = gang_in(node->slots[i], start, first, results, n, max);
	}
	return n;
}

unsigned int
radix_tree_gang_lookup(const struct radix_tree_root *root, void **results, unsigned long first,
		       unsigned int max_items)
{
	if (!root->rnode || first > radix_tree_maxindex(root->height))
		return 0;
	return gang_in(root->rnode, 0, first, results, 0, max_items);
}
