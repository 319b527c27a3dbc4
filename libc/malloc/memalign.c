/*
 * libc/malloc/memalign.c - allocations with an alignment larger than 16:
 * memalign, posix_memalign, aligned_alloc, valloc, pvalloc.
 *
 * Chain: memalign -> __libc_memalign -> _int_memalign -> _int_malloc (a
 * chunk large enough to hold an aligned one) -> sysmalloc; the unaligned
 * head and the spare tail go back through _int_free.
 * glibc counterpart: _int_memalign, _mid_memalign, __posix_memalign,
 * __libc_valloc, __libc_pvalloc in malloc/malloc.c.
 */
#include "malloc-internal.h"

static inline bool
powerof2(size_t x)
{
	return (x & (x - 1)) == 0;
}

/*
 * Move the chunk @p, whose memory is not @alignment-aligned, forward to
 * the first aligned place at least MINSIZE in; the head left in front is
 * freed (a heap chunk) or becomes part of the mapping's offset (mmapped).
 */
static struct malloc_chunk *
align_chunk(struct malloc_state *av, struct malloc_chunk *p, size_t alignment)
{
	uintptr_t mem = (uintptr_t)chunk2mem(p);
	struct malloc_chunk *newp;
	size_t leadsize, newsize;

	newp = mem2chunk((void *)((mem + alignment - 1) & ~(alignment - 1)));
	if ((char *)newp - (char *)p < (ptrdiff_t)MINSIZE)
		newp = chunk_at_offset(newp, alignment);
	leadsize = (char *)newp - (char *)p;
	newsize = chunksize(p) - leadsize;
	if (chunk_is_mmapped(p)) {
		set_prev_size(newp, prev_size(p) + leadsize);
		set_head(newp, newsize | IS_MMAPPED);
		return newp;
	}
	set_head(newp, newsize | PREV_INUSE);
	set_inuse_bit_at_offset(newp, newsize);
	set_head_size(p, leadsize);
	_int_free(av, p);
	return newp;
}

/*
 * _int_memalign - @bytes bytes aligned to @alignment (a power of two above
 * 16): malloc enough to hold an aligned chunk anywhere in it, then trim
 * both ends. Returns the memory, or NULL with errno ENOMEM.
 */
void *
_int_memalign(struct malloc_state *av, size_t alignment, size_t bytes)
{
	struct malloc_chunk *p, *remainder;
	size_t nb, size;
	void *m;

	if (!checked_request2size(bytes, &nb) || nb > SIZE_MAX - alignment - MINSIZE) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	m = _int_malloc(av, nb + alignment + MINSIZE);
	if (m == NULL)
		return NULL;
	p = mem2chunk(m);
	if (((uintptr_t)m & (alignment - 1)) != 0)
		p = align_chunk(av, p, alignment);
	size = chunksize(p);
	if (!chunk_is_mmapped(p) && size > nb + MINSIZE) {
		remainder = chunk_at_offset(p, nb);
		set_head(remainder, (size - nb) | PREV_INUSE);
		set_head_size(p, nb);
		_int_free(av, remainder);
	}
	return chunk2mem(p);
}

/*
 * __libc_memalign - memalign(3). An alignment of 16 or less is malloc's
 * own; one that is not a power of two is rounded up to one (as glibc
 * does); one too large to ever satisfy fails with EINVAL.
 */
void *
__libc_memalign(size_t alignment, size_t bytes)
{
	void *mem;

	if (!__malloc_initialized)
		ptmalloc_init();
	if (alignment <= MALLOC_ALIGNMENT)
		return __libc_malloc(bytes);
	if (alignment > SIZE_MAX / 2 + 1) {
		__malloc_set_errno(EINVAL);
		return NULL;
	}
	if (!powerof2(alignment)) {
		size_t a = MALLOC_ALIGNMENT;

		while (a < alignment)
			a <<= 1;
		alignment = a;
	}
	mem = _int_memalign(&main_arena, alignment, bytes);
	check_after_op();
	return mem;
}

/* posix_memalign(3): 0, EINVAL (bad alignment) or ENOMEM; errno untouched. */
int
posix_memalign(void **memptr, size_t alignment, size_t size)
{
	int saved_errno = *__errno_location();
	int ret = 0;
	void *mem;

	if (alignment % sizeof(void *) != 0 || !powerof2(alignment) || alignment == 0)
		return EINVAL;
	mem = __libc_memalign(alignment, size);
	if (mem == NULL)
		ret = ENOMEM;
	else
		*memptr = mem;
	__malloc_set_errno(saved_errno);
	return ret;
}

/* aligned_alloc(3) (C11): like glibc 2.38+, the alignment must be a power of two. */
void *
aligned_alloc(size_t alignment, size_t size)
{
	if (!powerof2(alignment) || alignment == 0) {
		__malloc_set_errno(EINVAL);
		return NULL;
	}
	return __libc_memalign(alignment, size);
}

/* valloc(3): page-aligned. */
void *
valloc(size_t size)
{
	return __libc_memalign(MALLOC_PAGE_SIZE, size);
}

/* pvalloc(3): page-aligned, the size rounded up to whole pages. */
void *
pvalloc(size_t size)
{
	size_t rounded;

	if (__builtin_add_overflow(size, MALLOC_PAGE_SIZE - 1, &rounded)) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	return __libc_memalign(MALLOC_PAGE_SIZE, rounded & ~(MALLOC_PAGE_SIZE - 1));
}

void *memalign(size_t alignment, size_t size) __attribute__((alias("__libc_memalign")));
