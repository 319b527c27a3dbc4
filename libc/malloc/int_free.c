/*
 * libc/malloc/int_free.c - _int_free: give a heap chunk back to the arena.
 *
 * Chain: __libc_free (malloc.c) -> _int_free -> the tcache, or
 * _int_free_merge_chunk (coalesce with free neighbours, then the unsorted
 * bin or the top) -> systrim (sysmalloc.c) -> sbrk(-n) -> brk, when
 * the top has grown past the trim threshold. mmapped chunks never come
 * here: __libc_free hands them to munmap_chunk.
 * glibc counterpart: _int_free, _int_free_merge_chunk in malloc/malloc.c.
 * Pagoda has no fastbins (glibc's second small-chunk cache): the tcache is
 * the only fast path, every other chunk is coalesced at once.
 */
#include "malloc-internal.h"

/*
 * A chunk whose tcache key is set is either in the tcache (a double free)
 * or user data that happens to match; look for it to tell which.
 */
static void
tcache_double_free_verify(struct tcache_entry *e, size_t tc_idx)
{
	struct tcache_entry *tmp;
	unsigned int cnt = 0;

	for (tmp = tcache.entries[tc_idx]; tmp != NULL; tmp = REVEAL_PTR(&tmp->next), cnt++) {
		if (cnt >= TCACHE_FILL_COUNT)
			malloc_printerr("free(): too many chunks detected in tcache");
		if (!aligned_OK((uintptr_t)tmp))
			malloc_printerr("free(): unaligned chunk detected in tcache 2");
		if (tmp == e)
			malloc_printerr("free(): double free detected in tcache 2");
	}
}

/* Put @p (of @size) in the tcache if its bin has room; true if it did. */
static bool
tcache_try_put(struct malloc_chunk *p, size_t size)
{
	size_t tc_idx = csize2tidx(size);
	struct tcache_entry *e = chunk2mem(p);

	if (tc_idx >= TCACHE_MAX_BINS)
		return false;
	if (e->key == tcache_key)
		tcache_double_free_verify(e, tc_idx);
	if (tcache.counts[tc_idx] >= TCACHE_FILL_COUNT)
		return false;
	tcache_put(p, tc_idx);
	return true;
}

/* The checks glibc makes before it merges a chunk with its neighbours. */
static void
check_free_neighbours(struct malloc_state *av, struct malloc_chunk *p, size_t size)
{
	struct malloc_chunk *nextchunk = chunk_at_offset(p, size);

	if (p == av->top)
		malloc_printerr("double free or corruption (top)");
	if (contiguous(av) && (char *)nextchunk >= (char *)av->top + chunksize(av->top))
		malloc_printerr("double free or corruption (out)");
	if (!prev_inuse(nextchunk))
		malloc_printerr("double free or corruption (!prev)");
	if (nextchunk->mchunk_size <= CHUNK_HDR_SZ || chunksize(nextchunk) >= av->system_mem)
		malloc_printerr("free(): invalid next size (normal)");
}

/* Put the free chunk @p of @size at the front of the unsorted bin. */
static void
link_unsorted(struct malloc_state *av, struct malloc_chunk *p, size_t size)
{
	struct malloc_chunk *bck = unsorted_chunks(av);
	struct malloc_chunk *fwd = bck->fd;

	if (fwd->bk != bck)
		malloc_printerr("free(): corrupted unsorted chunks");
	p->fd = fwd;
	p->bk = bck;
	/* Only a large chunk has room for these (a 32-byte chunk ends before them). */
	if (!in_smallbin_range(size))
		p->fd_nextsize = p->bk_nextsize = NULL;
	bck->fd = p;
	fwd->bk = p;
	set_head(p, size | PREV_INUSE);
	set_foot(p, size);
}

/*
 * _int_free_merge_chunk - free the in-use chunk @p of @size: merge it with
 * a free chunk before and after it (so no two free chunks ever touch),
 * then file it in the unsorted bin, or make it part of the top.
 * Returns the size of the merged free chunk.
 */
size_t
_int_free_merge_chunk(struct malloc_state *av, struct malloc_chunk *p, size_t size)
{
	struct malloc_chunk *nextchunk = chunk_at_offset(p, size);
	size_t nextsize = chunksize(nextchunk);

	check_free_neighbours(av, p, size);
	if (!prev_inuse(p)) {
		size_t prevsize = prev_size(p);

		p = prev_chunk(p);
		if (chunksize(p) != prevsize)
			malloc_printerr("corrupted size vs. prev_size while consolidating");
		unlink_chunk(av, p);
		size += prevsize;
	}
	if (nextchunk == av->top) {
		size += nextsize;
		set_head(p, size | PREV_INUSE);
		av->top = p;
		return size;
	}
	if (!inuse_bit_at_offset(nextchunk, nextsize)) {
		unlink_chunk(av, nextchunk);
		size += nextsize;
	} else {
		clear_inuse_bit_at_offset(nextchunk, 0);
	}
	link_unsorted(av, p, size);
	return size;
}

/*
 * _int_free - free the heap chunk @p: into the tcache when its size has
 * room there, else merged into the bins or the top. A large free that
 * leaves more than mp_.trim_threshold bytes at the top shrinks the heap.
 */
void
_int_free(struct malloc_state *av, struct malloc_chunk *p)
{
	size_t size = chunksize(p);

	/* A pointer malloc never returned: wraps around, or is misaligned. */
	if ((uintptr_t)p > (uintptr_t)-size || misaligned_chunk(p))
		malloc_printerr("free(): invalid pointer");
	if (size < MINSIZE || !aligned_OK(size))
		malloc_printerr("free(): invalid size");
	if (tcache_try_put(p, size))
		return;
	size = _int_free_merge_chunk(av, p, size);
	if (size >= FASTBIN_CONSOLIDATION_THRESHOLD && chunksize(av->top) >= mp_.trim_threshold)
		systrim(mp_.top_pad, av);
}
