/*
 * libc/malloc/check.c - the heap consistency checker.
 *
 * Beside the chain: with MALLOC_CHECK_=3 in the environment, every public
 * entry point (malloc.c, memalign.c) ends with check_after_op(), which
 * walks the whole arena and aborts at the first broken rule. That is slow
 * (each call costs time proportional to the heap), so it is for tests and
 * debugging. The checks that are always on live next to the code they
 * guard (malloc_printerr calls).
 * glibc counterpart: do_check_chunk, do_check_free_chunk,
 * do_check_inuse_chunk, do_check_malloc_state in malloc/malloc.c (built
 * only with MALLOC_DEBUG there).
 */
#include "malloc-internal.h"

/* A broken rule: say which (glibc's asserts would name the expression). */
static void
check_fail(const char *what)
{
	__malloc_write_error("malloc: consistency check failed:");
	malloc_printerr(what);
}

static void
check(bool ok, const char *what)
{
	if (!ok)
		check_fail(what);
}

/*
 * Any heap chunk: aligned, inside the heap when the heap is one piece.
 * (A non-contiguous heap, after a failed brk or a foreign sbrk, has
 * regions the arena does not record, so there are no bounds to check.)
 */
static void
do_check_chunk(struct malloc_state *av, struct malloc_chunk *p)
{
	check(!misaligned_chunk(p), "chunk misaligned");
	check(!chunk_is_mmapped(p), "mmapped chunk in the heap");
	if (contiguous(av) && mp_.sbrk_base != NULL) {
		check((char *)p >= mp_.sbrk_base, "chunk below the heap");
		check((char *)p < (char *)av->top, "chunk above the top");
	}
}

/*
 * A chunk in a bin: free, merged with both neighbours (free() coalesces
 * at once, so two touching free chunks mean a lost merge), its foot equal
 * to its size (the next free() reads it to merge backwards), and linked
 * both ways.
 */
static void
do_check_free_chunk(struct malloc_state *av, struct malloc_chunk *p)
{
	size_t sz = chunksize(p);
	struct malloc_chunk *next = chunk_at_offset(p, sz);

	do_check_chunk(av, p);
	check(sz >= MINSIZE && aligned_OK(sz), "free chunk size");
	check(!inuse(p), "free chunk marked in use");
	check(prev_inuse(p), "free chunk after a free chunk (not coalesced)");
	check(next == av->top || inuse(next), "free chunk before a free chunk (not coalesced)");
	check(prev_size(next) == sz, "free chunk foot does not match its size");
	check(p->fd->bk == p && p->bk->fd == p, "free chunk links");
}

/* An in-use heap chunk: its neighbours agree that it is in use. */
static void
do_check_inuse_chunk(struct malloc_state *av, struct malloc_chunk *p)
{
	do_check_chunk(av, p);
	check(inuse(p), "in-use chunk not marked in use");
	if (!prev_inuse(p))
		check(next_chunk(prev_chunk(p)) == p, "free chunk before does not end here");
}

/* A large bin: largest first, and its size list links the first of each size. */
static void
do_check_large_order(struct malloc_chunk *bin)
{
	struct malloc_chunk *p;

	for (p = bin->fd; p != bin; p = p->fd) {
		bool first = p->bk == bin || chunksize(p->bk) != chunksize(p);

		if (p->fd != bin)
			check(chunksize(p) >= chunksize(p->fd), "large bin not sorted");
		check(first == (p->fd_nextsize != NULL), "large bin size list");
		if (first) {
			check(p->fd_nextsize->bk_nextsize == p, "large bin size list links");
			check(p->bk_nextsize->fd_nextsize == p, "large bin size list links");
		}
	}
}

/* Every bin: its chunks belong there. Returns how many free chunks it holds. */
static size_t
do_check_bins(struct malloc_state *av)
{
	struct malloc_chunk *bin, *p;
	size_t nfree = 0;
	unsigned int i;

	for (i = 1; i < NBINS; i++) {
		bin = bin_at(av, i);
		for (p = bin->fd; p != bin; p = p->fd, nfree++) {
			do_check_free_chunk(av, p);
			if (i != UNSORTED_BIN)
				check(bin_index(chunksize(p)) == i, "chunk in the wrong bin");
		}
		if (bin->fd != bin && i != UNSORTED_BIN)
			check(av->binmap[i >> BINMAPSHIFT] & (1U << (i & (BITSPERMAP - 1))),
			      "non-empty bin not in the binmap");
		if (i >= NSMALLBINS)
			do_check_large_order(bin);
	}
	return nfree;
}

/*
 * The tcache: counts match the lists (malloc trusts the count, not the
 * list, to decide whether a bin is empty); entries are chunks still
 * marked in use, of their bin's size, carrying the key that free() uses
 * to catch double frees.
 */
static void
do_check_tcache(struct malloc_state *av)
{
	struct tcache_entry *e;
	unsigned int i, n;

	for (i = 0; i < TCACHE_MAX_BINS; i++) {
		n = 0;
		for (e = tcache.entries[i]; e != NULL; e = REVEAL_PTR(&e->next), n++) {
			struct malloc_chunk *p = mem2chunk(e);

			check(n < TCACHE_FILL_COUNT, "tcache bin too long");
			do_check_inuse_chunk(av, p);
			check(csize2tidx(chunksize(p)) == i, "chunk in the wrong tcache bin");
			check(e->key == tcache_key, "tcache entry without its key");
		}
		check(n == tcache.counts[i], "tcache count");
	}
}

/*
 * Walk the heap chunk by chunk from its start to the top. Returns how many
 * free chunks it met, which must equal the number in the bins: a free
 * chunk that no bin holds is memory malloc can never hand out again.
 */
static size_t
do_check_heap_walk(struct malloc_state *av)
{
	struct malloc_chunk *p = (struct malloc_chunk *)mp_.sbrk_base;
	size_t nfree = 0;

	check(prev_inuse(p), "first chunk must have PREV_INUSE");
	while (p != av->top) {
		check(chunksize(p) >= MINSIZE, "heap walk: chunk size too small");
		check((char *)p + chunksize(p) <= (char *)av->top, "heap walk ran past the top");
		if (inuse(p)) {
			do_check_inuse_chunk(av, p);
		} else {
			do_check_free_chunk(av, p);
			nfree++;
		}
		p = next_chunk(p);
	}
	return nfree;
}

/*
 * do_check_malloc_state - check the whole arena: top, bins, tcache, the
 * heap chunk by chunk, and the statistics. Aborts on the first problem.
 */
void
do_check_malloc_state(struct malloc_state *av)
{
	size_t nfree;

	if (av->top == initial_top(av))
		return; /* nothing obtained yet */
	check(prev_inuse(av->top), "top: previous chunk free (not coalesced)");
	check(chunksize(av->top) >= MINSIZE, "top smaller than MINSIZE");
	check(mp_.n_mmaps >= 0 && mp_.mmapped_mem >= (size_t)mp_.n_mmaps * MALLOC_PAGE_SIZE,
	      "mmap statistics");
	nfree = do_check_bins(av);
	do_check_tcache(av);
	if (contiguous(av)) {
		check(av->system_mem >= (size_t)((char *)av->top - mp_.sbrk_base),
		      "system_mem smaller than the heap");
		check(do_check_heap_walk(av) == nfree, "free chunks not in a bin (or lost)");
	}
}
