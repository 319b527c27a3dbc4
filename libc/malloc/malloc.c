/*
 * libc/malloc/malloc.c - the entry points: malloc, free, calloc, realloc,
 * and the tcache in front of them.
 *
 * Top of the chain: a program's malloc(100) is __libc_malloc here, which
 * serves it from the tcache or calls _int_malloc (int_malloc.c), which may
 * call sysmalloc (sysmalloc.c) -> sbrk (-> brk) or mmap.
 * free(p) is __libc_free -> _int_free (int_free.c) or munmap_chunk.
 * glibc counterpart: malloc/malloc.c (__libc_malloc, __libc_free,
 * __libc_calloc, __libc_realloc, tcache_get, tcache_put, malloc_printerr)
 * and malloc/arena.c (ptmalloc_init).
 *
 * Single-threaded: one arena (main_arena), one tcache, no locks.
 */
#include "malloc-internal.h"

struct malloc_state main_arena;
struct malloc_par mp_;
struct tcache_perthread_struct tcache;
struct malloc_debug malloc_debug;
uintptr_t tcache_key;
bool __malloc_initialized;

/*
 * ptmalloc_init - set every piece of malloc state to its start value.
 * Called by the first malloc (or by a test, to start over). Reads
 * MALLOC_CHECK_: 3 runs the consistency checker (check.c) after every call.
 */
void
ptmalloc_init(void)
{
	const char *check;
	unsigned int i;

	memset(&main_arena, 0, sizeof(main_arena));
	for (i = 1; i < NBINS; i++)
		main_arena.bins[i].fd = main_arena.bins[i].bk = bin_at(&main_arena, i);
	main_arena.top = initial_top(&main_arena);
	memset(&tcache, 0, sizeof(tcache));
	memset(&malloc_debug, 0, sizeof(malloc_debug));
	mp_ = (struct malloc_par){
		.trim_threshold = DEFAULT_TRIM_THRESHOLD,
		.top_pad = DEFAULT_TOP_PAD,
		.mmap_threshold = DEFAULT_MMAP_THRESHOLD,
		.n_mmaps_max = DEFAULT_MMAP_MAX,
	};
	/*
	 * glibc draws tcache_key from getrandom(); without an entropy source
	 * yet, Pagoda mixes an address into a constant. It only has to be a
	 * value that user data is unlikely to hold by chance.
	 */
	tcache_key = ((uintptr_t)&tcache * 0x9e3779b97f4a7c15UL) ^ 0x5061676f64614d61UL;
	check = getenv("MALLOC_CHECK_");
	if (check && check[0] >= '0' && check[0] <= '9')
		mp_.check_action = check[0] - '0';
	__malloc_initialized = true;
}

/*
 * malloc_printerr - report heap corruption the way glibc does (its exact
 * message on standard error) and abort: a corrupt heap cannot be trusted
 * to keep running.
 */
void
malloc_printerr(const char *str)
{
	__malloc_write_error(str);
	abort();
}

/* What a lab's unwritten function says on its first call (LAB_TODO). */
void
malloc_lab_todo(const char *lab, const char *func, const char *file)
{
	const char *parts[] = { "lab ", lab, ": ", func, "() is not written yet (", file, ")\n" };

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		(void)!write(2, parts[i], strlen(parts[i]));
}

/* Take the most recently cached chunk of tcache bin @tc_idx; returns its memory. */
void *
tcache_get(size_t tc_idx)
{
	struct tcache_entry *e = tcache.entries[tc_idx];

	if (!aligned_OK((uintptr_t)e))
		malloc_printerr("malloc(): unaligned tcache chunk detected");
	tcache.entries[tc_idx] = REVEAL_PTR(&e->next);
	tcache.counts[tc_idx]--;
	e->key = 0; /* no longer "in the tcache": a later free is legal */
	return e;
}

/* Cache the (still in-use) chunk @p in tcache bin @tc_idx. */
void
tcache_put(struct malloc_chunk *p, size_t tc_idx)
{
	struct tcache_entry *e = chunk2mem(p);

	e->key = tcache_key;
	e->next = PROTECT_PTR(&e->next, tcache.entries[tc_idx]);
	tcache.entries[tc_idx] = e;
	tcache.counts[tc_idx]++;
}

/*
 * __libc_malloc - malloc(3): at least @bytes bytes, 16-byte aligned.
 * Returns NULL with errno ENOMEM when the request is too large or the
 * kernel has no memory left.
 */
void *
__libc_malloc(size_t bytes)
{
	size_t nb, tc_idx;
	void *mem;

	if (!__malloc_initialized)
		ptmalloc_init();
	if (!checked_request2size(bytes, &nb)) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	/* The fast path: a chunk of exactly this size, freed recently. */
	tc_idx = csize2tidx(nb);
	if (tc_idx < TCACHE_MAX_BINS && tcache.counts[tc_idx] > 0)
		mem = tcache_get(tc_idx);
	else
		mem = _int_malloc(&main_arena, bytes);
	check_after_op();
	return mem;
}

/*
 * __libc_free - free(3). An mmapped chunk goes back to the kernel at once;
 * freeing one also raises the mmap threshold to its size (glibc's dynamic
 * threshold: a program that frees large blocks will likely allocate them
 * again, and the heap serves them faster than fresh mmaps).
 */
void
__libc_free(void *mem)
{
	struct malloc_chunk *p;

	if (mem == NULL)
		return;
	p = mem2chunk(mem);
	if (chunk_is_mmapped(p)) {
		if (!mp_.no_dyn_threshold && chunksize(p) > mp_.mmap_threshold &&
		    chunksize(p) <= DEFAULT_MMAP_THRESHOLD_MAX) {
			mp_.mmap_threshold = chunksize(p);
			mp_.trim_threshold = 2 * mp_.mmap_threshold;
		}
		munmap_chunk(p);
	} else {
		_int_free(&main_arena, p);
	}
	check_after_op();
}

/*
 * __libc_calloc - calloc(3): @n elements of @elem_size bytes, zeroed.
 * NULL with ENOMEM when n * elem_size overflows.
 */
void *
__libc_calloc(size_t n, size_t elem_size)
{
	size_t bytes;
	void *mem;

	if (__builtin_mul_overflow(n, elem_size, &bytes)) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	mem = __libc_malloc(bytes);
	/* A fresh mmap is already zero (the kernel hands out zeroed pages). */
	if (mem != NULL && !chunk_is_mmapped(mem2chunk(mem)))
		memset(mem, 0, chunksize(mem2chunk(mem)) - SIZE_SZ);
	return mem;
}

/* Reallocate an mmapped chunk: mremap it, or copy into a new chunk. */
static void *
realloc_mmapped(struct malloc_chunk *oldp, size_t bytes, size_t nb)
{
	struct malloc_chunk *newp = mremap_chunk(oldp, nb);
	size_t oldsize = chunksize(oldp);
	void *newmem;

	if (newp != NULL)
		return chunk2mem(newp);
	if (oldsize - CHUNK_HDR_SZ >= bytes)
		return chunk2mem(oldp); /* still fits: keep it */
	newmem = __libc_malloc(bytes);
	if (newmem == NULL)
		return NULL;
	memcpy(newmem, chunk2mem(oldp), oldsize - CHUNK_HDR_SZ);
	munmap_chunk(oldp);
	return newmem;
}

/*
 * __libc_realloc - realloc(3). realloc(NULL, n) is malloc(n);
 * realloc(p, 0) frees p and returns NULL (glibc's behaviour).
 * A heap chunk grows in place when it can (int_realloc.c).
 */
void *
__libc_realloc(void *oldmem, size_t bytes)
{
	struct malloc_chunk *oldp;
	size_t nb;
	void *newmem;

	if (oldmem == NULL)
		return __libc_malloc(bytes);
	if (bytes == 0) {
		__libc_free(oldmem);
		return NULL;
	}
	oldp = mem2chunk(oldmem);
	if ((uintptr_t)oldp > (uintptr_t)-chunksize(oldp) || misaligned_chunk(oldp))
		malloc_printerr("realloc(): invalid pointer");
	if (!checked_request2size(bytes, &nb)) {
		__malloc_set_errno(ENOMEM);
		return NULL;
	}
	if (chunk_is_mmapped(oldp))
		newmem = realloc_mmapped(oldp, bytes, nb);
	else
		newmem = _int_realloc(&main_arena, oldp, chunksize(oldp), nb);
	check_after_op();
	return newmem;
}

/* The chunk size malloc(@bytes) uses: for lectures (user/malloc_demo.c). */
size_t
malloc_request2size(size_t bytes)
{
	return request2size(bytes);
}

/* The C library's names are the __libc_ functions themselves. */
void *malloc(size_t size) __attribute__((alias("__libc_malloc")));
void free(void *ptr) __attribute__((alias("__libc_free")));
void *calloc(size_t nmemb, size_t size) __attribute__((alias("__libc_calloc")));
void *realloc(void *ptr, size_t size) __attribute__((alias("__libc_realloc")));
