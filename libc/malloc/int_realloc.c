/*
 * libc/malloc/int_realloc.c - _int_realloc: resize a heap chunk, in place
 * when its neighbour allows.
 *
 * Chain: __libc_realloc (malloc.c) -> _int_realloc -> grow into the top or
 * a free next chunk, else _int_malloc + copy + _int_free; a shrink gives
 * its tail to _int_free. (mmapped chunks take __libc_realloc ->
 * mremap_chunk in sysmalloc.c instead.)
 * glibc counterpart: _int_realloc in malloc/malloc.c.
 */
#include "malloc-internal.h"

/*
 * Make @p, now of @size bytes, hold exactly @nb: if the difference can be
 * a chunk, it is split off and freed (merging with a free neighbour).
 */
static void *
realloc_trim(struct malloc_state *av, struct malloc_chunk *p, size_t size, size_t nb)
{
	struct malloc_chunk *remainder;

	if (size - nb < MINSIZE) {
		set_head_size(p, size);
		set_inuse_bit_at_offset(p, size);
		return chunk2mem(p);
	}
	remainder = chunk_at_offset(p, nb);
	set_head_size(p, nb);
	set_head(remainder, (size - nb) | PREV_INUSE);
	set_inuse_bit_at_offset(remainder, size - nb);
	_int_free(av, remainder);
	return chunk2mem(p);
}

/*
 * Grow @oldp (@oldsize bytes) in place to @nb if the chunk after it is the
 * top or free and large enough. Returns its memory, or NULL if it cannot.
 */
static void *
realloc_grow_in_place(struct malloc_state *av, struct malloc_chunk *oldp, size_t oldsize, size_t nb)
{
	struct malloc_chunk *next = chunk_at_offset(oldp, oldsize);
	size_t nextsize = chunksize(next);

	if (next == av->top) {
		/* The top must stay at least MINSIZE: it is always a chunk. */
		if (oldsize + nextsize < nb + MINSIZE)
			return NULL;
		set_head_size(oldp, nb);
		av->top = chunk_at_offset(oldp, nb);
		set_head(av->top, (oldsize + nextsize - nb) | PREV_INUSE);
		return chunk2mem(oldp);
	}
	if (inuse(next) || oldsize + nextsize < nb)
		return NULL;
	unlink_chunk(av, next);
	return realloc_trim(av, oldp, oldsize + nextsize, nb);
}

/*
 * _int_realloc - resize the in-use heap chunk @oldp of @oldsize bytes to
 * chunk size @nb: shrink in place, grow in place, or move (allocate,
 * copy the old contents, free the old chunk). Returns the memory, or NULL
 * with errno ENOMEM (the old chunk is then untouched).
 */
void *
_int_realloc(struct malloc_state *av, struct malloc_chunk *oldp, size_t oldsize, size_t nb)
{
	struct malloc_chunk *next = chunk_at_offset(oldp, oldsize);
	void *newmem;

	if (oldsize <= CHUNK_HDR_SZ || oldsize >= av->system_mem)
		malloc_printerr("realloc(): invalid old size");
	if (next->mchunk_size <= CHUNK_HDR_SZ || chunksize(next) >= av->system_mem)
		malloc_printerr("realloc(): invalid next size");
	if (oldsize >= nb)
		return realloc_trim(av, oldp, oldsize, nb);
	newmem = realloc_grow_in_place(av, oldp, oldsize, nb);
	if (newmem != NULL)
		return newmem;
	/* nb - MALLOC_ALIGN_MASK bytes make a chunk of exactly nb. */
	newmem = _int_malloc(av, nb - MALLOC_ALIGN_MASK);
	if (newmem == NULL)
		return NULL;
	/*
	 * The top was too small, sysmalloc grew it, and the new chunk is
	 * the one right after ours: merge the two instead of copying.
	 */
	if (mem2chunk(newmem) == next) {
		size_t size = oldsize + chunksize(next);

		return realloc_trim(av, oldp, size, nb);
	}
	memcpy(newmem, chunk2mem(oldp), oldsize - SIZE_SZ);
	_int_free(av, oldp);
	return newmem;
}
