/*
 * libc/malloc/sysmalloc.c - where malloc meets the kernel: grow the heap,
 * shrink it, map and unmap large chunks.
 *
 * Chain: _int_malloc (int_malloc.c) -> sysmalloc -> sbrk (-> the brk
 * system call, __do_sys_brk in kernel/mm/mmap.c), or mmap for a request
 * of mp_.mmap_threshold bytes or more. The kernel only moves the break or
 * creates the VMA; the first write to each new page faults it in.
 * Going back: _int_free -> systrim -> sbrk(-n); __libc_free ->
 * munmap_chunk -> munmap; __libc_realloc -> mremap_chunk -> mremap.
 * Pagoda's own counters (malloc_debug, malloc.h) are kept by one call at
 * the end of each of these functions, update_stats(), out of the
 * algorithm's way.
 * glibc counterpart: sysmalloc, sysmalloc_mmap, systrim, munmap_chunk,
 * mremap_chunk in malloc/malloc.c (glibc calls sbrk through MORECORE).
 */
#include "malloc-internal.h"

static inline size_t
align_up(size_t n, size_t align)
{
	return (n + align - 1) & ~(align - 1);
}

/*
 * The statistics after a call into the kernel: glibc's peaks (max_system_mem,
 * max_mmapped_mem, max_n_mmaps) and Pagoda's malloc_debug, for which @path
 * says how sysmalloc got memory (SYSMALLOC_NONE: it did not, or the caller
 * is not sysmalloc).
 */
static void
update_stats(enum sysmalloc_path path)
{
	if (main_arena.system_mem > main_arena.max_system_mem)
		main_arena.max_system_mem = main_arena.system_mem;
	if (mp_.mmapped_mem > mp_.max_mmapped_mem)
		mp_.max_mmapped_mem = mp_.mmapped_mem;
	if (mp_.n_mmaps > mp_.max_n_mmaps)
		mp_.max_n_mmaps = mp_.n_mmaps;
	malloc_debug.kernel_bytes = main_arena.system_mem + mp_.mmapped_mem;
	if (malloc_debug.kernel_bytes > malloc_debug.max_kernel_bytes)
		malloc_debug.max_kernel_bytes = malloc_debug.kernel_bytes;
	if (path != SYSMALLOC_NONE)
		malloc_debug.last_path = path;
	if (path == SYSMALLOC_BRK)
		malloc_debug.n_brk++;
	else if (path == SYSMALLOC_MMAP)
		malloc_debug.n_mmap++;
	else if (path == SYSMALLOC_MMAP_HEAP)
		malloc_debug.n_mmap_heap++;
}

/*
 * Give the request of chunk size @nb a mapping of its own. The chunk
 * starts the mapping, so its memory is 16 bytes into a page: aligned.
 * Its prev_size holds the bytes before the chunk in the mapping (0 here;
 * memalign may move the chunk forward). Returns its memory, or NULL.
 */
static void *
sysmalloc_mmap(size_t nb)
{
	size_t size = align_up(nb + SIZE_SZ, MALLOC_PAGE_SIZE);
	struct malloc_chunk *p;
	char *mm;

	if (size <= nb)
		return NULL; /* wrapped around */
	mm = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mm == MAP_FAILED)
		return NULL;
	p = (struct malloc_chunk *)mm;
	set_prev_size(p, 0);
	set_head(p, size | IS_MMAPPED);
	mp_.n_mmaps++;
	mp_.mmapped_mem += size;
	return chunk2mem(p);
}

/*
 * The old top chunk can no longer grow (the new memory is elsewhere): end
 * it with two "fencepost" chunks of 16 bytes that look in use, so a free
 * never merges past its end, and free what is left of it. (Not through
 * _int_free: that might trim the new top before sysmalloc has used it.)
 */
static void
fence_old_top(struct malloc_state *av, struct malloc_chunk *old_top, size_t old_size)
{
	old_size = (old_size - 2 * CHUNK_HDR_SZ) & ~MALLOC_ALIGN_MASK;
	set_head(old_top, old_size | PREV_INUSE);
	set_head(chunk_at_offset(old_top, old_size), CHUNK_HDR_SZ | PREV_INUSE);
	set_head(chunk_at_offset(old_top, old_size + CHUNK_HDR_SZ), CHUNK_HDR_SZ | PREV_INUSE);
	if (old_size >= MINSIZE)
		_int_free_merge_chunk(av, old_top, old_size);
}

/*
 * Make [@base, @base + @size) the new top chunk. @base comes from sbrk
 * (any alignment, if someone else moved the break) or mmap (page-aligned);
 * the bytes before the first 16-byte boundary are skipped.
 */
static void
new_top_region(struct malloc_state *av, char *base, size_t size)
{
	struct malloc_chunk *old_top = av->top;
	size_t old_size = chunksize(old_top);
	size_t correction =
		(MALLOC_ALIGNMENT - ((uintptr_t)base & MALLOC_ALIGN_MASK)) & MALLOC_ALIGN_MASK;

	av->top = (struct malloc_chunk *)(base + correction);
	set_head(av->top, ((size - correction) & ~MALLOC_ALIGN_MASK) | PREV_INUSE);
	if (mp_.sbrk_base == NULL)
		mp_.sbrk_base = (char *)av->top;
	else if (old_top != initial_top(av))
		av->flags |= NONCONTIGUOUS_BIT;
	if (old_top != initial_top(av) && old_size >= MINSIZE)
		fence_old_top(av, old_top, old_size);
}

/*
 * Grow the heap with sbrk so that the top can hold @nb bytes. Returns the
 * bytes added to the heap, or 0 when the kernel refused to move the break.
 */
static size_t
sysmalloc_sbrk(struct malloc_state *av, size_t nb)
{
	struct malloc_chunk *old_top = av->top;
	size_t old_size = chunksize(old_top);
	char *old_end = (char *)old_top + old_size;
	/* Ask for more than needed: fewer, larger brk calls. */
	size_t size = nb + heap_top_pad(av, nb) + MINSIZE;
	char *brk, *snd_brk;

	if (contiguous(av) && old_size != 0)
		size -= old_size; /* the top's free space is part of it */
	size = align_up(size, MALLOC_PAGE_SIZE);
	if (size >= PTRDIFF_MAX)
		return 0;
	brk = sbrk(size);
	if (brk == MORECORE_FAILURE)
		return 0;
	if (brk == old_end && old_size != 0) {
		set_head(old_top, (old_size + size) | PREV_INUSE);
		return size;
	}
	/*
	 * Someone else moved the break: the old top is not below the new
	 * memory, so ask for the part of the request it was to cover as well
	 * (glibc's "correction"). sbrk returns the old break: brk + size if
	 * nobody moved it in between.
	 */
	if (contiguous(av) && old_size != 0) {
		snd_brk = sbrk(align_up(old_size, MALLOC_PAGE_SIZE));
		if (snd_brk == brk + size)
			size += align_up(old_size, MALLOC_PAGE_SIZE);
	}
	new_top_region(av, brk, size);
	return size;
}

/*
 * The kernel refused to move the break: grow the heap with an mmap'd
 * region of at least MMAP_AS_MORECORE_SIZE instead (glibc's "mmap as
 * MORECORE"). Returns the bytes added to the heap, or 0.
 */
static size_t
sysmalloc_mmap_heap(struct malloc_state *av, size_t nb)
{
	size_t size = align_up(nb + heap_top_pad(av, nb) + MINSIZE, MALLOC_PAGE_SIZE);
	char *mbrk;

	if (size < MMAP_AS_MORECORE_SIZE)
		size = MMAP_AS_MORECORE_SIZE;
	mbrk = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mbrk == MAP_FAILED)
		return 0;
	av->flags |= NONCONTIGUOUS_BIT; /* the break can never reach it */
	new_top_region(av, mbrk, size);
	return size;
}

/*
 * sysmalloc - get memory from the kernel for a request of chunk size @nb
 * that no free chunk and not the top could hold. Large requests get their
 * own mapping; others grow the heap (sbrk, else mmap) and are carved from
 * the new top. Returns the memory, or NULL with errno ENOMEM.
 */
void *
sysmalloc(size_t nb, struct malloc_state *av)
{
	enum sysmalloc_path path = SYSMALLOC_NONE;
	struct malloc_chunk *p;
	size_t size;
	void *mem;

	if (nb >= mp_.mmap_threshold && mp_.n_mmaps < mp_.n_mmaps_max) {
		mem = sysmalloc_mmap(nb);
		if (mem != NULL) {
			path = SYSMALLOC_MMAP;
			goto out;
		}
	}
	size = sysmalloc_sbrk(av, nb);
	path = SYSMALLOC_BRK;
	if (size == 0) {
		size = sysmalloc_mmap_heap(av, nb);
		path = size != 0 ? SYSMALLOC_MMAP_HEAP : SYSMALLOC_NONE;
	}
	if (size == 0)
		goto out_enomem;
	av->system_mem += size;
	p = av->top;
	size = chunksize(p);
	if (size < nb + MINSIZE)
		goto out_enomem;
	av->top = chunk_at_offset(p, nb);
	set_head(p, nb | PREV_INUSE);
	set_head(av->top, (size - nb) | PREV_INUSE);
	mem = chunk2mem(p);
	goto out;

out_enomem:
	__malloc_set_errno(ENOMEM);
	mem = NULL;
out:
	malloc_debug.last_nb = nb;
	malloc_debug.last_threshold = mp_.mmap_threshold;
	update_stats(path);
	return mem;
}

/*
 * systrim - give the free memory at the top of the heap back to the
 * kernel by lowering the break, keeping @pad bytes (and a minimal top).
 * Only whole pages go, and only when the top still ends at the break
 * (someone else may have moved it). Returns 1 if memory was released.
 */
int
systrim(size_t pad, struct malloc_state *av)
{
	size_t top_size = chunksize(av->top);
	size_t top_area = top_size - MINSIZE - 1;
	size_t extra, released;
	char *current_brk, *new_brk;

	if (av->top == initial_top(av) || top_size <= MINSIZE || top_area <= pad)
		return 0;
	extra = (top_area - pad) & ~(MALLOC_PAGE_SIZE - 1);
	if (extra == 0)
		return 0;
	current_brk = sbrk(0);
	if (current_brk != (char *)av->top + top_size)
		return 0;
	sbrk(-(intptr_t)extra);
	new_brk = sbrk(0);
	if (new_brk == MORECORE_FAILURE || new_brk >= current_brk)
		return 0;
	released = current_brk - new_brk;
	av->system_mem -= released;
	set_head(av->top, (top_size - released) | PREV_INUSE);
	malloc_debug.n_trim++;
	update_stats(SYSMALLOC_NONE);
	return 1;
}

/*
 * The mapping that holds the mmapped chunk @p, checked: it must start and
 * end on page boundaries, as sysmalloc_mmap and memalign leave it.
 */
static void
mmapped_region(struct malloc_chunk *p, const char *errstr, uintptr_t *block, size_t *total)
{
	uintptr_t mem = (uintptr_t)chunk2mem(p) & (MALLOC_PAGE_SIZE - 1);

	*block = (uintptr_t)p - prev_size(p);
	*total = prev_size(p) + chunksize(p);
	if (((*block | *total) & (MALLOC_PAGE_SIZE - 1)) != 0 || (mem & (mem - 1)) != 0)
		malloc_printerr(errstr);
}

/* munmap_chunk - return the mmapped chunk @p's mapping to the kernel. */
void
munmap_chunk(struct malloc_chunk *p)
{
	uintptr_t block;
	size_t total;

	mmapped_region(p, "munmap_chunk(): invalid pointer", &block, &total);
	mp_.n_mmaps--;
	mp_.mmapped_mem -= total;
	munmap((void *)block, total);
	update_stats(SYSMALLOC_NONE);
}

/*
 * mremap_chunk - resize the mmapped chunk @p to hold chunk size @nb,
 * letting the kernel move it (no copy in user space). Returns the chunk
 * at its new place, or NULL when the kernel refused.
 */
struct malloc_chunk *
mremap_chunk(struct malloc_chunk *p, size_t nb)
{
	size_t offset = prev_size(p);
	size_t new_size = align_up(nb + offset + SIZE_SZ, MALLOC_PAGE_SIZE);
	uintptr_t block;
	size_t total;
	char *cp;

	mmapped_region(p, "mremap_chunk(): invalid pointer", &block, &total);
	if (total == new_size)
		return p;
	cp = mremap((void *)block, total, new_size, MREMAP_MAYMOVE);
	if (cp == MAP_FAILED)
		return NULL;
	p = (struct malloc_chunk *)(cp + offset);
	set_head(p, (new_size - offset) | IS_MMAPPED);
	mp_.mmapped_mem = mp_.mmapped_mem - total + new_size;
	update_stats(SYSMALLOC_NONE);
	return p;
}
