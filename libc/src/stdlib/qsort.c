/*
 * libc/src/stdlib/qsort.c - sorting and searching arrays: qsort(),
 * bsearch().
 *
 * qsort() is a merge sort, as glibc's is: O(n log n) comparisons and
 * stable, so elements that compare equal keep their order and a program
 * prints the same sorted list on Pagoda as on Linux (C does not promise
 * stability; glibc happens to give it, and programs come to rely on it).
 * The merge needs a scratch copy of the array: on the stack up to 1 KiB,
 * like glibc, else from malloc(); without memory it falls back to an
 * insertion sort, slow but still stable.
 */
#include <stdlib.h>
#include <string.h>
#include <stddef.h>

#define QSORT_STACK_BYTES 1024 /* arrays this small sort without malloc() */

/* the element comparison, with the element size */
struct sort_ctx {
	size_t size;				/* bytes per element */
	int (*cmp)(const void *, const void *); /* the caller's order */
};

/*
 * merge_sort - sort the @n elements at @b, using @tmp (room for @n
 * elements) as scratch: sort each half, then merge them into @tmp and
 * copy back. Taking from the left half on ties keeps the sort stable.
 */
static void
merge_sort(char *b, size_t n, char *tmp, const struct sort_ctx *c)
{
	size_t n1 = n / 2, n2 = n - n1, s = c->size;
	char *left = b, *right = b + n1 * s, *out = tmp;

	if (n < 2)
		return;
	merge_sort(left, n1, tmp, c);
	merge_sort(right, n2, tmp, c);
	while (n1 > 0 && n2 > 0) {
		if (c->cmp(left, right) <= 0) {
			memcpy(out, left, s);
			left += s;
			n1--;
		} else {
			memcpy(out, right, s);
			right += s;
			n2--;
		}
		out += s;
	}
	/* what is left of the right half is already in place */
	memcpy(out, left, n1 * s);
	memcpy(b, tmp, (n - n2) * s);
}

/* insertion_sort - the fallback without scratch memory (stable, O(n^2)) */
static void
insertion_sort(char *b, size_t n, const struct sort_ctx *c)
{
	size_t i, j, k, s = c->size;
	char t;

	for (i = 1; i < n; i++) {
		for (j = i; j > 0 && c->cmp(b + (j - 1) * s, b + j * s) > 0; j--) {
			for (k = 0; k < s; k++) { /* swap elements j - 1 and j */
				t = b[(j - 1) * s + k];
				b[(j - 1) * s + k] = b[j * s + k];
				b[j * s + k] = t;
			}
		}
	}
}

/*
 * qsort - sort @nmemb elements of @size bytes at @base into the order
 * @compar gives (<0: first argument goes first), keeping equal elements
 * in their original order.
 */
void
qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
	struct sort_ctx c = { size, compar };
	char stack_tmp[QSORT_STACK_BYTES];
	char *tmp = stack_tmp;

	if (nmemb < 2 || size == 0)
		return;
	if (nmemb > QSORT_STACK_BYTES / size) {
		tmp = malloc(nmemb * size);
		if (!tmp) {
			insertion_sort(base, nmemb, &c);
			return;
		}
	}
	merge_sort(base, nmemb, tmp, &c);
	if (tmp != stack_tmp)
		free(tmp);
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
