/*
 * libc/malloc/malloc_info.c - tuning and statistics: mallopt, malloc_trim,
 * malloc_stats, mallinfo2, malloc_usable_size.
 *
 * Beside the chain rather than on it: mallopt changes the numbers that
 * sysmalloc (mmap threshold, top pad) and _int_free (trim threshold)
 * consult; malloc_trim calls systrim directly; the others only read.
 * glibc counterpart: __libc_mallopt, __malloc_trim, __malloc_stats,
 * __libc_mallinfo2, __malloc_usable_size in malloc/malloc.c.
 */
#include "malloc-internal.h"

/*
 * mallopt - set one tunable: M_MMAP_THRESHOLD, M_TRIM_THRESHOLD,
 * M_TOP_PAD or M_MMAP_MAX. Any of them turns the dynamic mmap threshold
 * off, as in glibc: the program has said what it wants. Returns 1 on
 * success, 0 for an unknown parameter or a bad value (glibc's protocol).
 */
int
mallopt(int param, int value)
{
	int ret = 1;

	if (!__malloc_initialized)
		ptmalloc_init();
	switch (param) {
	case M_MMAP_THRESHOLD:
		/* glibc's limit: HEAP_MAX_SIZE / 2 */
		if (value < 0 || (size_t)value > DEFAULT_MMAP_THRESHOLD_MAX) {
			ret = 0;
			break;
		}
		mp_.mmap_threshold = value;
		mp_.no_dyn_threshold = true;
		break;
	case M_TRIM_THRESHOLD:
		mp_.trim_threshold = (size_t)(long)value; /* -1: never trim */
		mp_.no_dyn_threshold = true;
		break;
	case M_TOP_PAD:
		mp_.top_pad = value < 0 ? 0 : value;
		mp_.no_dyn_threshold = true;
		break;
	case M_MMAP_MAX:
		mp_.n_mmaps_max = value < 0 ? 0 : value;
		mp_.no_dyn_threshold = true;
		break;
	default: ret = 0;
	}
	return ret;
}

/*
 * malloc_trim - give the free memory at the top of the heap back to the
 * kernel, keeping @pad bytes. Returns 1 if any was released. (glibc also
 * returns free pages from the middle of the heap with madvise; Pagoda
 * does not yet.)
 */
int
malloc_trim(size_t pad)
{
	if (!__malloc_initialized)
		ptmalloc_init();
	return systrim(pad, &main_arena);
}

/* Free bytes and free chunks in the bins (the tcache counts as in use, as in glibc). */
static void
count_free(size_t *bytes, size_t *chunks)
{
	struct malloc_chunk *bin, *p;
	unsigned int i;

	*bytes = chunksize(main_arena.top);
	*chunks = 1;
	for (i = 1; i < NBINS; i++) {
		bin = bin_at(&main_arena, i);
		for (p = bin->fd; p != bin; p = p->fd) {
			*bytes += chunksize(p);
			(*chunks)++;
		}
	}
}

/* mallinfo2 - the heap's statistics; the fields are described in malloc.h. */
struct mallinfo2
mallinfo2(void)
{
	struct mallinfo2 mi = { 0 };
	size_t free_bytes, free_chunks;

	if (!__malloc_initialized)
		ptmalloc_init();
	count_free(&free_bytes, &free_chunks);
	mi.arena = main_arena.system_mem;
	mi.ordblks = free_chunks;
	mi.hblks = mp_.n_mmaps;
	mi.hblkhd = mp_.mmapped_mem;
	mi.uordblks = main_arena.system_mem - free_bytes;
	mi.fordblks = free_bytes;
	mi.keepcost = chunksize(main_arena.top);
	return mi;
}

/* Write "@label@value" with the value right-aligned in 10 columns, and a newline. */
static void
stats_line(const char *label, size_t value)
{
	char buf[80];
	char digits[24];
	size_t n = 0, len = strlen(label), i;

	do
		digits[n++] = '0' + value % 10;
	while ((value /= 10) != 0);
	memcpy(buf, label, len);
	for (i = n; i < 10; i++)
		buf[len++] = ' ';
	while (n > 0)
		buf[len++] = digits[--n];
	buf[len] = '\0';
	__malloc_write_error(buf);
}

/*
 * malloc_stats - print glibc's summary of the heap to standard error.
 * Written with write() directly: malloc cannot lean on stdio, which
 * itself calls malloc.
 */
void
malloc_stats(void)
{
	struct mallinfo2 mi = mallinfo2();

	__malloc_write_error("Arena 0:");
	stats_line("system bytes     = ", mi.arena);
	stats_line("in use bytes     = ", mi.uordblks);
	__malloc_write_error("Total (incl. mmap):");
	stats_line("system bytes     = ", mi.arena + mi.hblkhd);
	stats_line("in use bytes     = ", mi.uordblks + mi.hblkhd);
	stats_line("max mmap regions = ", mp_.max_n_mmaps);
	stats_line("max mmap bytes   = ", mp_.max_mmapped_mem);
}

/*
 * malloc_usable_size - how many bytes the block at @mem can really hold
 * (at least what was asked for). 0 for NULL.
 */
size_t
malloc_usable_size(void *mem)
{
	struct malloc_chunk *p;

	if (mem == NULL)
		return 0;
	p = mem2chunk(mem);
	if (chunk_is_mmapped(p))
		return chunksize(p) - CHUNK_HDR_SZ;
	if (inuse(p))
		return chunksize(p) - SIZE_SZ;
	return 0;
}
