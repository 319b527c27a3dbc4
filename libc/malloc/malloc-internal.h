/*
 * libc/malloc/malloc-internal.h - chunks, bins and the arena: what every
 * stage of Pagoda's malloc shares.
 *
 * The chain: malloc.c (__libc_malloc) -> int_malloc.c (_int_malloc) ->
 * sysmalloc.c (sysmalloc) -> sbrk (the brk system call) or mmap, declared
 * in malloc-os.h -> kernel; the kernel backs the new pages on first touch.
 * free() runs malloc.c (__libc_free) -> int_free.c (_int_free) ->
 * sysmalloc.c (systrim -> sbrk(-n), or munmap_chunk -> munmap).
 *
 * glibc counterpart: malloc/malloc.c (struct malloc_chunk, the chunk
 * macros, struct malloc_state, struct malloc_par). glibc's macros are
 * static inline functions here so that GDB can step into them and call
 * them ("p chunksize(p)").
 *
 * Pagoda's malloc is single-threaded: one arena (main_arena), no locks,
 * one tcache. glibc adds one arena per group of threads and a tcache per
 * thread; the NON_MAIN_ARENA bit is kept reserved for that reason.
 */
#ifndef MALLOC_INTERNAL_H
#define MALLOC_INTERNAL_H

#include "malloc-os.h"
#include "malloc.h"

/*
 * A chunk, as seen from its start (p = mem2chunk(mem)):
 *
 *   p ->  +----------------------------------------------+
 *         | mchunk_prev_size: size of the previous chunk, |  only valid when
 *         |   when that one is free (its "foot")          |  the previous is free
 *         +----------------------------------------------+
 *         | mchunk_size: this chunk's size | A | M | P   |  low 3 bits: flags
 * mem ->  +----------------------------------------------+
 *         | user data (in use) / fd, bk (free)            |
 *         | fd_nextsize, bk_nextsize (free, large bins)   |
 *         | ...                                           |
 *         +----------------------------------------------+
 *         | next chunk's mchunk_prev_size: the last 8     |  in use: user data
 *         |   bytes of this chunk's user data             |  free: the foot
 *
 * An in-use chunk lends the prev_size word of the next chunk to its user,
 * so a chunk of size S holds S - 8 bytes of data (S - 16 when mmapped: an
 * mmapped chunk has no next chunk to borrow from).
 */
struct malloc_chunk {
	size_t mchunk_prev_size;	  /* size of the previous chunk, if it is free */
	size_t mchunk_size;		  /* size in bytes, with PREV_INUSE, IS_MMAPPED */
	struct malloc_chunk *fd;	  /* free: next chunk in its bin */
	struct malloc_chunk *bk;	  /* free: previous chunk in its bin */
	struct malloc_chunk *fd_nextsize; /* large bins: next smaller size (first of a size) */
	struct malloc_chunk *bk_nextsize; /* large bins: next larger size (first of a size) */
};

#define SIZE_SZ				sizeof(size_t) /* one header word: 8 bytes */
#define CHUNK_HDR_SZ			(2 * SIZE_SZ)  /* prev_size + size */
#define MALLOC_ALIGNMENT		16UL	       /* System V AMD64 psABI: max_align_t is 16 */
#define MALLOC_ALIGN_MASK		(MALLOC_ALIGNMENT - 1)
/* The smallest chunk: header plus fd, bk (and the nextsize words, for 16-alignment). */
#define MINSIZE				32UL

/* Flag bits in mchunk_size: sizes are multiples of 16, so 3 low bits are free. */
#define PREV_INUSE			0x1UL /* the previous chunk is in use (do not coalesce) */
#define IS_MMAPPED			0x2UL /* this chunk is its own mmap() region */
#define NON_MAIN_ARENA			0x4UL /* glibc: belongs to a thread arena; never set here */
#define SIZE_BITS			(PREV_INUSE | IS_MMAPPED | NON_MAIN_ARENA)

/*
 * Bins: lists of free chunks, indexed by size.
 *   bin 1        the unsorted bin: freed chunks wait here for one malloc
 *   bins 2..63   small bins, one exact size each: 32, 48, ... 1008 bytes
 *   bins 64..126 large bins, size ranges, kept sorted (largest first)
 */
#define NBINS				128
#define NSMALLBINS			64
#define SMALLBIN_WIDTH			MALLOC_ALIGNMENT
#define MIN_LARGE_SIZE			((size_t)NSMALLBINS * SMALLBIN_WIDTH) /* 1024 */
#define BINMAPSHIFT			5
#define BITSPERMAP			(1U << BINMAPSHIFT)
#define BINMAPSIZE			(NBINS / BITSPERMAP)
#define UNSORTED_BIN			1
/* glibc's bound on the unsorted bin's sorting loop per malloc call. */
#define MAX_ITERS			10000

/* Default tunables (glibc's values, malloc/malloc.c). */
#define DEFAULT_MMAP_THRESHOLD		(128 * 1024UL)
#define DEFAULT_MMAP_THRESHOLD_MAX	(32 * 1024 * 1024UL) /* 4 * 1024 * 1024 * sizeof(long) */
#define DEFAULT_TRIM_THRESHOLD		(128 * 1024UL)
#define DEFAULT_TOP_PAD			(128 * 1024UL)
#define DEFAULT_MMAP_MAX		65536
/* A free of at least this many bytes checks whether the top should be trimmed. */
#define FASTBIN_CONSOLIDATION_THRESHOLD (64 * 1024UL)
/* The least a failed brk falls back to mmap for (glibc: MMAP_AS_MORECORE_SIZE). */
#define MMAP_AS_MORECORE_SIZE		(1024 * 1024UL)

/* main_arena.flags */
#define NONCONTIGUOUS_BIT		0x2 /* the heap is no longer one sbrk region */

/*
 * The arena: every free chunk of the heap is in exactly one bin, except
 * the top chunk (the free space at the end of the heap, next to the
 * break) and the chunks parked in the tcache.
 */
struct malloc_state {
	int flags;			     /* NONCONTIGUOUS_BIT */
	unsigned int binmap[BINMAPSIZE];     /* bit i set: bin i may be non-empty */
	struct malloc_chunk *top;	     /* the chunk that borders the break */
	struct malloc_chunk *last_remainder; /* the rest of the last small split */
	struct malloc_chunk bins[NBINS];     /* list heads; only fd, bk are used */
	size_t system_mem;		     /* bytes obtained with sbrk (or mmap as MORECORE) */
	size_t max_system_mem;		     /* the most system_mem ever was */
};

/* Parameters and statistics of the whole malloc (glibc: struct malloc_par). */
struct malloc_par {
	size_t trim_threshold;	/* trim the top when it is larger than this */
	size_t top_pad;		/* extra bytes to ask for on each sbrk */
	size_t mmap_threshold;	/* requests this large (chunk size) are mmapped */
	int n_mmaps;		/* mmapped chunks now */
	int n_mmaps_max;	/* at most this many at once (M_MMAP_MAX) */
	int max_n_mmaps;	/* the most there ever were */
	bool no_dyn_threshold;	/* mallopt fixed the thresholds: do not adapt them */
	size_t mmapped_mem;	/* bytes in mmapped chunks now */
	size_t max_mmapped_mem; /* the most there ever were */
	char *sbrk_base;	/* first byte of the heap obtained from sbrk */
	int check_action;	/* MALLOC_CHECK_ from the environment */
};

/*
 * The tcache: a small per-size stack of recently freed chunks that malloc
 * hands back without touching the bins (glibc 2.26+, per thread there).
 * The chunks stay marked in use; the entry overlays their user data.
 */
#define TCACHE_MAX_BINS	  64
#define TCACHE_FILL_COUNT 7
#define MAX_TCACHE_SIZE	  ((TCACHE_MAX_BINS - 1) * MALLOC_ALIGNMENT + MINSIZE - SIZE_SZ)

struct tcache_entry {
	struct tcache_entry *next; /* next entry, "safe-linked" (PROTECT_PTR) */
	uintptr_t key;		   /* tcache_key while cached: catches double frees */
};

struct tcache_perthread_struct {
	uint16_t counts[TCACHE_MAX_BINS];	       /* entries in each bin */
	struct tcache_entry *entries[TCACHE_MAX_BINS]; /* top of each stack */
};

extern struct malloc_state main_arena;
extern struct malloc_par mp_;
extern struct tcache_perthread_struct tcache;
extern uintptr_t tcache_key;
extern bool __malloc_initialized;

/* ---------------------------------------------------------------- chunks */

static inline void *
chunk2mem(struct malloc_chunk *p)
{
	return (char *)p + CHUNK_HDR_SZ;
}

static inline struct malloc_chunk *
mem2chunk(void *mem)
{
	return (struct malloc_chunk *)((char *)mem - CHUNK_HDR_SZ);
}

static inline struct malloc_chunk *
chunk_at_offset(struct malloc_chunk *p, size_t offset)
{
	return (struct malloc_chunk *)((char *)p + offset);
}

/* The size without the flag bits. */
static inline size_t
chunksize(struct malloc_chunk *p)
{
	return p->mchunk_size & ~SIZE_BITS;
}

static inline size_t
prev_size(struct malloc_chunk *p)
{
	return p->mchunk_prev_size;
}

static inline void
set_prev_size(struct malloc_chunk *p, size_t size)
{
	p->mchunk_prev_size = size;
}

static inline struct malloc_chunk *
next_chunk(struct malloc_chunk *p)
{
	return chunk_at_offset(p, chunksize(p));
}

/* Only meaningful when !prev_inuse(p): then prev_size is the previous chunk's size. */
static inline struct malloc_chunk *
prev_chunk(struct malloc_chunk *p)
{
	return (struct malloc_chunk *)((char *)p - prev_size(p));
}

static inline bool
prev_inuse(struct malloc_chunk *p)
{
	return p->mchunk_size & PREV_INUSE;
}

static inline bool
chunk_is_mmapped(struct malloc_chunk *p)
{
	return p->mchunk_size & IS_MMAPPED;
}

/* A chunk's own "in use" bit is the PREV_INUSE bit of the chunk after it. */
static inline bool
inuse_bit_at_offset(struct malloc_chunk *p, size_t offset)
{
	return chunk_at_offset(p, offset)->mchunk_size & PREV_INUSE;
}

static inline void
set_inuse_bit_at_offset(struct malloc_chunk *p, size_t offset)
{
	chunk_at_offset(p, offset)->mchunk_size |= PREV_INUSE;
}

static inline void
clear_inuse_bit_at_offset(struct malloc_chunk *p, size_t offset)
{
	chunk_at_offset(p, offset)->mchunk_size &= ~PREV_INUSE;
}

static inline bool
inuse(struct malloc_chunk *p)
{
	return inuse_bit_at_offset(p, chunksize(p));
}

/* Set size and flags at once. */
static inline void
set_head(struct malloc_chunk *p, size_t size_and_flags)
{
	p->mchunk_size = size_and_flags;
}

/* Set the size, keeping the flags. */
static inline void
set_head_size(struct malloc_chunk *p, size_t size)
{
	p->mchunk_size = (p->mchunk_size & SIZE_BITS) | size;
}

/* Write a free chunk's size into the next chunk's prev_size (its "foot"). */
static inline void
set_foot(struct malloc_chunk *p, size_t size)
{
	chunk_at_offset(p, size)->mchunk_prev_size = size;
}

static inline bool
aligned_OK(uintptr_t addr)
{
	return (addr & MALLOC_ALIGN_MASK) == 0;
}

static inline bool
misaligned_chunk(struct malloc_chunk *p)
{
	return !aligned_OK((uintptr_t)chunk2mem(p));
}

/*
 * request2size - the chunk size for a request of @req bytes: add the size
 * word (the prev_size word is borrowed from the next chunk), round up to
 * 16, at least MINSIZE.
 */
static inline size_t
request2size(size_t req)
{
	if (req + SIZE_SZ + MALLOC_ALIGN_MASK < MINSIZE)
		return MINSIZE;
	return (req + SIZE_SZ + MALLOC_ALIGN_MASK) & ~MALLOC_ALIGN_MASK;
}

/*
 * checked_request2size - request2size, refusing requests so large that the
 * size would wrap or not fit a ptrdiff_t (glibc 2.30+: PTRDIFF_MAX).
 * Returns false for those; *@sz is then unchanged.
 */
static inline bool
checked_request2size(size_t req, size_t *sz)
{
	if (req > (size_t)PTRDIFF_MAX - MINSIZE - MALLOC_ALIGN_MASK)
		return false;
	*sz = request2size(req);
	return true;
}

/* ---------------------------------------------------------------- bins */

static inline struct malloc_chunk *
bin_at(struct malloc_state *av, unsigned int i)
{
	return &av->bins[i];
}

static inline struct malloc_chunk *
unsorted_chunks(struct malloc_state *av)
{
	return bin_at(av, UNSORTED_BIN);
}

/*
 * Before the first sysmalloc the top is the unsorted bin's list head: its
 * size word is 0, so every request "does not fit the top" and goes to
 * sysmalloc, with no special case (glibc does the same).
 */
static inline struct malloc_chunk *
initial_top(struct malloc_state *av)
{
	return unsorted_chunks(av);
}

static inline bool
in_smallbin_range(size_t sz)
{
	return sz < MIN_LARGE_SIZE;
}

static inline unsigned int
smallbin_index(size_t sz)
{
	return sz >> 4;
}

/*
 * The large bins cover ranges that widen with the size: 32 bins 64 bytes
 * wide, then 16 of 512, 8 of 4 KiB, 4 of 32 KiB, 2 of 256 KiB, 1 for the
 * rest (glibc's largebin_index_64 ranges).
 */
static inline unsigned int
largebin_index(size_t sz)
{
	if ((sz >> 6) <= 48)
		return 48 + (sz >> 6);
	if ((sz >> 9) <= 20)
		return 91 + (sz >> 9);
	if ((sz >> 12) <= 10)
		return 110 + (sz >> 12);
	if ((sz >> 15) <= 4)
		return 119 + (sz >> 15);
	if ((sz >> 18) <= 2)
		return 124 + (sz >> 18);
	return 126;
}

static inline unsigned int
bin_index(size_t sz)
{
	return in_smallbin_range(sz) ? smallbin_index(sz) : largebin_index(sz);
}

static inline void
mark_bin(struct malloc_state *av, unsigned int i)
{
	av->binmap[i >> BINMAPSHIFT] |= 1U << (i & (BITSPERMAP - 1));
}

static inline void
unmark_bin(struct malloc_state *av, unsigned int i)
{
	av->binmap[i >> BINMAPSHIFT] &= ~(1U << (i & (BITSPERMAP - 1)));
}

static inline bool
contiguous(struct malloc_state *av)
{
	return !(av->flags & NONCONTIGUOUS_BIT);
}

/* The dynamic top pad is 1/2^TOP_PAD_SHIFT of the heap (see heap_top_pad). */
#define TOP_PAD_SHIFT 7

/*
 * heap_top_pad - the bytes sysmalloc adds beyond a request of @nb when it
 * grows the heap. glibc always pads by mp_.top_pad (128 KiB). Pagoda
 * scales the pad with the heap: 1/128 of what the heap already holds, at
 * most mp_.top_pad. So a small program gets a small heap (malloc(100)
 * grows it by one page, not 33) and a large one still grows in steps of
 * 128 KiB; the unused slack stays under 1 % of the heap. Below the heap's
 * high-water mark (after a trim) the full pad is used up to that mark:
 * those steps cannot raise the peak, so there is no reason to take them
 * small. The fraction was chosen on the malloc-lab traces
 * (tools/bench_malloc.py). Shrinking stays lazy, as in glibc: systrim
 * keeps the full mp_.top_pad, because memory given back costs a page fault
 * per page when it is used again, far dearer than a brk call. Like the
 * dynamic mmap threshold, mallopt turns the scaling off: after
 * mallopt(M_TOP_PAD, n) the pad is n, as in glibc.
 */
static inline size_t
heap_top_pad(struct malloc_state *av, size_t nb)
{
	size_t pad = av->system_mem >> TOP_PAD_SHIFT;
	size_t needed = av->system_mem + nb + MINSIZE;

	if (mp_.no_dyn_threshold)
		return mp_.top_pad;
	if (av->max_system_mem > needed && av->max_system_mem - needed > pad)
		pad = av->max_system_mem - needed;
	return pad < mp_.top_pad ? pad : mp_.top_pad;
}

/* ---------------------------------------------------------------- tcache */

/* A tcache bin per chunk size 32, 48, ... 1040. */
static inline size_t
csize2tidx(size_t sz)
{
	return (sz - MINSIZE + MALLOC_ALIGNMENT - 1) / MALLOC_ALIGNMENT;
}

/*
 * Safe-linking (glibc 2.32+): a tcache "next" pointer is stored XORed with
 * the address it is stored at, shifted by a page, so an overflow that
 * overwrites it with a plain address yields garbage that the alignment
 * check catches, instead of a pointer an attacker chose.
 */
static inline struct tcache_entry *
PROTECT_PTR(void *pos, struct tcache_entry *ptr)
{
	return (struct tcache_entry *)(((uintptr_t)pos >> 12) ^ (uintptr_t)ptr);
}

static inline struct tcache_entry *
REVEAL_PTR(struct tcache_entry **pos)
{
	return PROTECT_PTR(pos, *pos);
}

/* ---------------------------------------------------------------- functions */

/* malloc.c */
void ptmalloc_init(void);
/*
 * LAB_TODO - the first line of each function a lab's student tree leaves
 * to write (tools/lab.py): its first call says "lab LAB: FUNC() is not
 * written yet (FILE)" on standard error.
 */
void malloc_lab_todo(const char *lab, const char *func, const char *file);
#define LAB_TODO(lab)                                                                              \
	do {                                                                                       \
		static bool lab_todo_said_;                                                        \
		if (!lab_todo_said_) {                                                             \
			lab_todo_said_ = true;                                                     \
			malloc_lab_todo(lab, __func__, __FILE__);                                  \
		}                                                                                  \
	} while (0)
__attribute__((noreturn)) void malloc_printerr(const char *str);
void *tcache_get(size_t tc_idx);
void tcache_put(struct malloc_chunk *p, size_t tc_idx);
void *__libc_malloc(size_t bytes);
void __libc_free(void *mem);
void *__libc_calloc(size_t n, size_t elem_size);
void *__libc_realloc(void *oldmem, size_t bytes);

/* int_malloc.c */
void *_int_malloc(struct malloc_state *av, size_t bytes);
void unlink_chunk(struct malloc_state *av, struct malloc_chunk *p);
void place_in_bin(struct malloc_state *av, struct malloc_chunk *victim, size_t size);

/* int_free.c */
void _int_free(struct malloc_state *av, struct malloc_chunk *p);
size_t _int_free_merge_chunk(struct malloc_state *av, struct malloc_chunk *p, size_t size);

/* int_realloc.c */
void *_int_realloc(struct malloc_state *av, struct malloc_chunk *oldp, size_t oldsize, size_t nb);

/* sysmalloc.c */
void *sysmalloc(size_t nb, struct malloc_state *av);
int systrim(size_t pad, struct malloc_state *av);
void munmap_chunk(struct malloc_chunk *p);
struct malloc_chunk *mremap_chunk(struct malloc_chunk *p, size_t new_size);

/* memalign.c */
void *_int_memalign(struct malloc_state *av, size_t alignment, size_t bytes);
void *__libc_memalign(size_t alignment, size_t bytes);

/* check.c */
void do_check_malloc_state(struct malloc_state *av);

/*
 * Run the checker after a public call when MALLOC_CHECK_=3. Inline: every
 * malloc and free pays this test, so it must cost no call.
 */
static inline void
check_after_op(void)
{
	if (__builtin_expect(mp_.check_action == 3, 0))
		do_check_malloc_state(&main_arena);
}

#endif /* MALLOC_INTERNAL_H */
