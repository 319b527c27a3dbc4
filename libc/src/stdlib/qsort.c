/*
 * libc/src/stdlib/qsort.c - sorting and searching arrays: qsort(),
 * bsearch().
 *
 * qsort() is a heapsort: O(n log n) in every case, no recursion and no
 * memory beyond the array. Like every qsort() it is not stable: elements
 * that compare equal may end in any order (glibc's merge sort keeps their
 * order, so compare outputs only with distinct keys).
 */
#include <stdlib.h>
#include <stddef.h>

/* exchange the @size-byte elements at @a and @b */
static void
swap_bytes(char *a, char *b, size_t size)
{
	char t;

	while (size--) {
		t = *a;
		*a++ = *b;
		*b++ = t;
	}
}

/*
 * sift_down - restore the max-heap property below element @root of the
 * heap of @n elements at @base.
 */
static void
sift_down(char *base, size_t root, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	size_t child;

	while ((child = 2 * root + 1) < n) {
		/* pick the larger child */
		if (child + 1 < n && cmp(base + child * size, base + (child + 1) * size) < 0)
			child++;
		if (cmp(base + root * size, base + child * size) >= 0)
			return;
		swap_bytes(base + root * size, base + child * size, size);
		root = child;
	}
}

/*
 * qsort - sort @nmemb elements of @size bytes at @base into the order
 * @compar gives (<0: first argument goes first).
 */
void
qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
	char *b = base;
	size_t i;

	if (nmemb < 2)
		return;
	/* build a max-heap, then move its top to the end, one at a time */
	for (i = nmemb / 2; i-- > 0;)
		sift_down(b, i, nmemb, size, compar);
	for (i = nmemb - 1; i > 0; i--) {
		swap_bytes(b, b + i * size, size);
		sift_down(b, 0, i, size, compar);
	}
}

/*
 * bsearch - find @key in the sorted array of @nmemb elements at @base.
 * Returns a matching element, or NULL.
 */
void *
bsearch(const void *key, const void *base, size_t nmemb, size_t size,
	int (*compar)(const void *, const void *))
{
	const char *b = base;
	size_t lo = 0, hi = nmemb, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = compar(key, b + mid * size);
		if (c == 0)
			return (void *)(b + mid * size);
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
