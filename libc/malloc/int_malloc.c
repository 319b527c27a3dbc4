/*
 * libc/malloc/int_malloc.c - _int_malloc: find a free chunk for a request,
 * and the bin operations it shares with free.
 *
 * Chain: __libc_malloc (malloc.c) -> _int_malloc -> [bins, top] ->
 * sysmalloc (sysmalloc.c) when nothing fits. The order is glibc's:
 *   1. the small bin of exactly this size;
 *   2. the unsorted bin (recently freed chunks), sorting each into its bin;
 *   3. for a large request, the best fit in its large bin;
 *   4. the next non-empty larger bin (found through the binmap);
 *   5. the top chunk; 6. sysmalloc.
 * glibc counterpart: _int_malloc, unlink_chunk in malloc/malloc.c.
 */
#include "malloc-internal.h"

/*
 * unlink_nextsize - take the first chunk of its size, @p, off its large
 * bin's size list. The size list links only the first chunk of each size
 * (largest first, circular), so a best-fit search skips runs of equal sizes;
 * when @p has a twin behind it, the twin takes its place in the list.
 */
static void
unlink_nextsize(struct malloc_chunk *p)
{
	struct malloc_chunk *twin = p->fd;

	if (p->fd_nextsize->bk_nextsize != p || p->bk_nextsize->fd_nextsize != p)
		malloc_printerr("corrupted double-linked list (not small)");
	if (chunksize(twin) == chunksize(p)) {
		if (p->fd_nextsize == p) {
			twin->fd_nextsize = twin->bk_nextsize = twin;
		} else {
			twin->fd_nextsize = p->fd_nextsize;
			twin->bk_nextsize = p->bk_nextsize;
			p->fd_nextsize->bk_nextsize = twin;
			p->bk_nextsize->fd_nextsize = twin;
		}
	} else {
		p->fd_nextsize->bk_nextsize = p->bk_nextsize;
		p->bk_nextsize->fd_nextsize = p->fd_nextsize;
	}
}

/*
 * unlink_chunk - take the free chunk @p out of whatever bin holds it.
 * The checks catch a chunk whose neighbours or links were overwritten.
 */
void
unlink_chunk(struct malloc_state *av, struct malloc_chunk *p)
{
	struct malloc_chunk *fd = p->fd;
	struct malloc_chunk *bk = p->bk;

	if (chunksize(p) != prev_size(next_chunk(p)))
		malloc_printerr("corrupted size vs. prev_size");
	if (fd->bk != p || bk->fd != p)
		malloc_printerr("corrupted double-linked list");
	if (!in_smallbin_range(chunksize(p)) && p->fd_nextsize != NULL)
		unlink_nextsize(p);
	fd->bk = bk;
	bk->fd = fd;
}

/*
 * Find where @victim (of @size) goes in large bin @bin, kept sorted
 * largest first, and link it into the bin's size list if it is the first
 * of its size. Returns the chunk to insert @victim after.
 */
static struct malloc_chunk *
largebin_position(struct malloc_chunk *bin, struct malloc_chunk *victim, size_t size)
{
	struct malloc_chunk *h = bin->fd; /* the largest */
	bool smallest_yet;

	if (h == bin) { /* empty: a size list of one */
		victim->fd_nextsize = victim->bk_nextsize = victim;
		return bin;
	}
	smallest_yet = size < chunksize(bin->bk);
	if (!smallest_yet) {
		while (size < chunksize(h))
			h = h->fd_nextsize;
		if (size == chunksize(h)) {
			/* A twin: behind the first of its size, off the size list. */
			victim->fd_nextsize = victim->bk_nextsize = NULL;
			return h;
		}
	}
	/*
	 * A new size: into the size list just before h. When it is the
	 * smallest yet, h is still the largest, and "before the largest" in
	 * the circular list is "after the smallest".
	 */
	victim->fd_nextsize = h;
	victim->bk_nextsize = h->bk_nextsize;
	h->bk_nextsize->fd_nextsize = victim;
	h->bk_nextsize = victim;
	return smallest_yet ? bin->bk : h->bk;
}

/* place_in_bin - file the free chunk @victim of @size in its small or large bin. */
void
place_in_bin(struct malloc_state *av, struct malloc_chunk *victim, size_t size)
{
	unsigned int idx = bin_index(size);
	struct malloc_chunk *bin = bin_at(av, idx);
	struct malloc_chunk *bck, *fwd;

	if (in_smallbin_range(size))
		bck = bin; /* small bins are FIFO: in at the front, out at the back */
	else
		bck = largebin_position(bin, victim, size);
	fwd = bck->fd;
	victim->bk = bck;
	victim->fd = fwd;
	fwd->bk = victim;
	bck->fd = victim;
	mark_bin(av, idx);
}

/*
 * Hand out the free, unlinked chunk @victim for a request of chunk size
 * @nb. What is left over, if it can be a chunk, goes to the unsorted bin;
 * a small request remembers it as last_remainder, so a run of small
 * mallocs is carved from one place (locality).
 */
static void *
split_chunk(struct malloc_state *av, struct malloc_chunk *victim, size_t nb)
{
	size_t size = chunksize(victim);
	struct malloc_chunk *remainder, *bck, *fwd;

	if (size - nb < MINSIZE) { /* too little to keep: give it all */
		set_inuse_bit_at_offset(victim, size);
		return chunk2mem(victim);
	}
	remainder = chunk_at_offset(victim, nb);
	bck = unsorted_chunks(av);
	fwd = bck->fd;
	if (fwd->bk != bck)
		malloc_printerr("malloc(): corrupted unsorted chunks");
	remainder->bk = bck;
	remainder->fd = fwd;
	bck->fd = remainder;
	fwd->bk = remainder;
	if (!in_smallbin_range(size - nb))
		remainder->fd_nextsize = remainder->bk_nextsize = NULL;
	if (in_smallbin_range(nb))
		av->last_remainder = remainder;
	set_head(victim, nb | PREV_INUSE);
	set_head(remainder, (size - nb) | PREV_INUSE);
	set_foot(remainder, size - nb);
	return chunk2mem(victim);
}

/* The checks glibc makes on each chunk it takes from the unsorted bin. */
static void
check_unsorted_chunk(struct malloc_state *av, struct malloc_chunk *victim)
{
	size_t size = chunksize(victim);
	struct malloc_chunk *next = chunk_at_offset(victim, size);

	if (size <= CHUNK_HDR_SZ || size > av->system_mem)
		malloc_printerr("malloc(): invalid size (unsorted)");
	if (chunksize(next) < CHUNK_HDR_SZ || chunksize(next) > av->system_mem)
		malloc_printerr("malloc(): invalid next size (unsorted)");
	if (prev_size(next) != size)
		malloc_printerr("malloc(): mismatching next->prev_size (unsorted)");
	if (victim->bk->fd != victim || victim->fd != unsorted_chunks(av))
		malloc_printerr("malloc(): unsorted double linked list corrupted");
	if (prev_inuse(next))
		malloc_printerr("malloc(): invalid next->prev_inuse (unsorted)");
}

/*
 * Empty the unsorted bin (oldest first) into the small and large bins,
 * stopping early at a chunk of exactly @nb bytes, which is returned.
 */
static void *
process_unsorted(struct malloc_state *av, size_t nb)
{
	struct malloc_chunk *unsorted = unsorted_chunks(av);
	struct malloc_chunk *victim, *bck;
	unsigned int iters = 0;
	size_t size;

	while ((victim = unsorted->bk) != unsorted && iters++ < MAX_ITERS) {
		check_unsorted_chunk(av, victim);
		bck = victim->bk;
		size = chunksize(victim);
		unsorted->bk = bck;
		bck->fd = unsorted;
		/* Small request, only the last remainder left: keep carving it. */
		if (in_smallbin_range(nb) && bck == unsorted && victim == av->last_remainder &&
		    size > nb + MINSIZE)
			return split_chunk(av, victim, nb);
		if (size == nb) {
			set_inuse_bit_at_offset(victim, size);
			return chunk2mem(victim);
		}
		place_in_bin(av, victim, size);
	}
	return NULL;
}

/*
 * The smallest chunk of at least @nb bytes in large bin @idx, unlinked,
 * or NULL. Walks the size list from the smallest size up; takes a twin
 * over the first of a size, so the size list need not change.
 */
static struct malloc_chunk *
largebin_best_fit(struct malloc_state *av, unsigned int idx, size_t nb)
{
	struct malloc_chunk *bin = bin_at(av, idx);
	struct malloc_chunk *victim = bin->fd;

	if (victim == bin || chunksize(victim) < nb)
		return NULL;
	victim = victim->bk_nextsize; /* the smallest size */
	while (chunksize(victim) < nb)
		victim = victim->bk_nextsize;
	if (chunksize(victim->fd) == chunksize(victim))
		victim = victim->fd;
	unlink_chunk(av, victim);
	return victim;
}

/*
 * The smallest chunk of the first non-empty bin above @idx, unlinked, or
 * NULL. The binmap has a bit per bin; bits of bins found empty are
 * cleared here, lazily, rather than on every unlink.
 */
static struct malloc_chunk *
binmap_search(struct malloc_state *av, unsigned int idx)
{
	unsigned int block, map, i;
	struct malloc_chunk *bin;

	for (block = idx >> BINMAPSHIFT; block < BINMAPSIZE; block++) {
		map = av->binmap[block];
		if (block == idx >> BINMAPSHIFT)
			map &= ~0U << (idx & (BITSPERMAP - 1));
		for (; map != 0; map &= map - 1) {
			i = block * BITSPERMAP + __builtin_ctz(map);
			bin = bin_at(av, i);
			if (bin->bk != bin) {
				struct malloc_chunk *victim = bin->bk;

				unlink_chunk(av, victim);
				return victim;
			}
			unmark_bin(av, i);
		}
	}
	return NULL;
}

/* Carve @nb bytes from the top chunk, or ask sysmalloc for more. */
static void *
use_top(struct malloc_state *av, size_t nb)
{
	struct malloc_chunk *victim = av->top;
	size_t size = chunksize(victim);

	if (size > av->system_mem)
		malloc_printerr("malloc(): corrupted top size");
	if (size >= nb + MINSIZE) {
		av->top = chunk_at_offset(victim, nb);
		set_head(victim, nb | PREV_INUSE);
		set_head(av->top, (size - nb) | PREV_INUSE);
		return chunk2mem(victim);
	}
	return sysmalloc(nb, av);
}

/* LAB(malloc) BEGIN: find a chunk for a request: bins, then the top, then sysmalloc */
/*
 * _int_malloc - a chunk for @bytes bytes from arena @av (the steps are in
 * the file comment). Returns its memory, or NULL with errno ENOMEM.
 */
void *
_int_malloc(struct malloc_state *av, size_t bytes)
{
	struct malloc_chunk *victim = NULL;
	size_t nb;
	void *mem;

	if (!checked_request2size(bytes, &nb)) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	if (in_smallbin_range(nb)) {
		struct malloc_chunk *bin = bin_at(av, smallbin_index(nb));

		if (bin->bk != bin) {
			victim = bin->bk;
			unlink_chunk(av, victim);
			set_inuse_bit_at_offset(victim, nb);
			return chunk2mem(victim);
		}
	}
	mem = process_unsorted(av, nb);
	if (mem != NULL)
		return mem;
	if (!in_smallbin_range(nb))
		victim = largebin_best_fit(av, largebin_index(nb), nb);
	if (victim == NULL)
		victim = binmap_search(av, bin_index(nb) + 1);
	if (victim != NULL)
		return split_chunk(av, victim, nb);
	return use_top(av, nb);
}
/* LAB(malloc) END */
