/*
 * tests/host/bench_page_alloc.c - cost of the buddy allocator's hot paths.
 *
 * The allocator core compiled for the host with -O2 over a simulated
 * 1 GiB machine; prints nanoseconds per alloc_pages + __free_pages pair
 * for order 0 and order 3, in a steady state (some blocks held, so the
 * free lists are not all merged into 4 MiB blocks) and from a fully
 * merged state. Run by `make bench`; no assertion on the numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>

unsigned long host_page_offset;
bool oops_in_progress;

void
panic_at(const char *file, int line, const char *fmt, ...)
{
	fprintf(stderr, "panic at %s:%d\n", file, line);
	abort();
}

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Median of five timed rounds of @iters pairs of @order. */
static double
time_pairs(unsigned int order, long iters)
{
	double best[5];

	for (int r = 0; r < 5; r++) {
		double t0 = now_ns();

		for (long i = 0; i < iters; i++) {
			struct page *p = alloc_pages(GFP_KERNEL, order);

			__free_pages(p, order);
		}
		best[r] = (now_ns() - t0) / iters;
	}
	for (int i = 0; i < 5; i++) /* sort five numbers */
		for (int j = i + 1; j < 5; j++)
			if (best[j] < best[i]) {
				double t = best[i];
				best[i] = best[j];
				best[j] = t;
			}
	return best[2];
}

int
main(void)
{
	static struct page *held[4096];
	const long iters = 2000000;

	memblock_reset();
	memblock_add(0x100000, 1UL << 30);
	free_area_init(malloc(((1UL << 30) >> PAGE_SHIFT) * sizeof(struct page)),
		       (1UL << 30) >> PAGE_SHIFT);
	memblock_free_all();

	printf("page_alloc order-0 pair, merged lists: %.1f ns\n", time_pairs(0, iters));
	printf("page_alloc order-3 pair, merged lists: %.1f ns\n", time_pairs(3, iters));
	/* Hold every other page of a region, so frees cannot merge far. */
	for (int i = 0; i < 4096; i++)
		held[i] = alloc_pages(GFP_KERNEL, 0);
	for (int i = 0; i < 4096; i += 2)
		__free_pages(held[i], 0);
	printf("page_alloc order-0 pair, fragmented: %.1f ns\n", time_pairs(0, iters));
	return 0;
}
