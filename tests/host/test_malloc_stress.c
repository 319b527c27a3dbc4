/*
 * tests/host/test_malloc_stress.c - libc/malloc under seeded random load.
 *
 * Thousands of malloc, calloc, realloc, memalign and free calls with sizes
 * from 1 byte to 1 MiB (log-uniform, so small sizes dominate as in real
 * programs), with the consistency checker after every call
 * (MALLOC_CHECK_=3). Each live block is filled with a pattern derived from
 * its slot; the pattern is verified before every realloc and free, and
 * every new block is checked for alignment and overlap with the others.
 * The seeds are fixed, so a failure repeats; the seed is in the message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "malloc_test.h"

#define NSLOTS 128
#define NOPS   6000

struct block {
	unsigned char *p; /* NULL: slot empty */
	size_t size;	  /* bytes requested */
	size_t align;	  /* alignment asked for (16: malloc's own) */
};

static struct block slots[NSLOTS];
static uint64_t rng_state;

/* xorshift64: small, seeded, the same sequence on every machine. */
static uint64_t
rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

/* 1 byte .. 1 MiB, log-uniform. */
static size_t
random_size(void)
{
	unsigned int bits = rng() % 21;

	return 1 + rng() % (1UL << bits);
}

static unsigned char
pattern(int slot, size_t i)
{
	return (unsigned char)(slot * 31 + i * 7 + (i >> 8));
}

static void
fill_block(int slot)
{
	size_t i;

	for (i = 0; i < slots[slot].size; i++)
		slots[slot].p[i] = pattern(slot, i);
}

static void
verify_block(int slot, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (slots[slot].p[i] != pattern(slot, i))
			fail_msg("seed %lu: slot %d byte %zu changed", (unsigned long)rng_state,
				 slot, i);
}

/* The new block in @slot: aligned, usable, and overlapping no other. */
static void
check_new_block(int slot)
{
	struct block *b = &slots[slot];
	int i;

	assert_int_equal((uintptr_t)b->p % b->align, 0);
	assert_true(pagoda_malloc_usable_size(b->p) >= b->size);
	for (i = 0; i < NSLOTS; i++) {
		struct block *o = &slots[i];

		if (i == slot || o->p == NULL)
			continue;
		if (b->p < o->p + o->size && o->p < b->p + b->size)
			fail_msg("slot %d [%p+%zu] overlaps slot %d [%p+%zu]", slot, (void *)b->p,
				 b->size, i, (void *)o->p, o->size);
	}
}

static void
op_alloc(int slot, unsigned int kind)
{
	struct block *b = &slots[slot];

	b->size = random_size();
	b->align = 16;
	if (kind == 0) {
		b->align = 32UL << (rng() % 8); /* 32 .. 4096 */
		b->p = pagoda_memalign(b->align, b->size);
	} else if (kind == 1) {
		b->p = pagoda_calloc(1, b->size);
		assert_non_null(b->p);
		assert_true(b->p[0] == 0 && b->p[b->size - 1] == 0);
	} else {
		b->p = pagoda_malloc(b->size);
	}
	assert_non_null(b->p);
	check_new_block(slot);
	fill_block(slot);
}

static void
op_realloc(int slot)
{
	struct block *b = &slots[slot];
	size_t size = random_size();
	size_t keep = size < b->size ? size : b->size;

	verify_block(slot, b->size);
	b->p = pagoda_realloc(b->p, size);
	assert_non_null(b->p);
	b->size = size;
	b->align = 16;
	verify_block(slot, keep); /* the old contents survived the move */
	check_new_block(slot);
	fill_block(slot);
}

static void
op_free(int slot)
{
	verify_block(slot, slots[slot].size);
	pagoda_free(slots[slot].p);
	slots[slot].p = NULL;
}

static void
run_stress(uint64_t seed)
{
	int i, slot;

	rng_state = seed;
	memset(slots, 0, sizeof(slots));
	for (i = 0; i < NOPS; i++) {
		slot = rng() % NSLOTS;
		if (slots[slot].p == NULL)
			op_alloc(slot, rng() % 10);
		else if (rng() % 3 == 0)
			op_realloc(slot);
		else
			op_free(slot);
	}
	for (slot = 0; slot < NSLOTS; slot++)
		if (slots[slot].p != NULL)
			op_free(slot);
	/*
	 * Every mmapped chunk is unmapped; what stays mapped is heap that brk
	 * could not provide (never unmapped, as in glibc's main arena).
	 */
	assert_int_equal(mp_.n_mmaps, 0);
	assert_int_equal(mp_.mmapped_mem, 0);
	assert_true(fake_mmap_pages() * MALLOC_PAGE_SIZE <= main_arena.system_mem);
}

static void
test_stress_defaults(void **state)
{
	fake_malloc_reset(true);
	run_stress(0x9e3779b97f4a7c15UL);
}

/* Small thresholds: many mmapped chunks, trim whenever possible, no top pad. */
static void
test_stress_small_thresholds(void **state)
{
	fake_malloc_reset(true);
	pagoda_mallopt(M_MMAP_THRESHOLD, 16 * 1024);
	pagoda_mallopt(M_TRIM_THRESHOLD, 0);
	pagoda_mallopt(M_TOP_PAD, 0);
	run_stress(12345);
	assert_true(malloc_debug.n_mmap > 100);
}

/* No mmapped chunks at all: everything through the heap. */
static void
test_stress_no_mmap(void **state)
{
	fake_malloc_reset(true);
	pagoda_mallopt(M_MMAP_MAX, 0);
	run_stress(777);
	assert_int_equal(malloc_debug.n_mmap, 0);
	assert_int_equal(fake_mmap_pages(), 0);
}

/* brk fails early: the heap continues in mmapped regions. */
static void
test_stress_brk_fails(void **state)
{
	fake_malloc_reset(true);
	fake_set_brk_limit(256 * 1024);
	run_stress(4242);
	assert_true(malloc_debug.n_mmap_heap > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stress_defaults),
		cmocka_unit_test(test_stress_small_thresholds),
		cmocka_unit_test(test_stress_no_mmap),
		cmocka_unit_test(test_stress_brk_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
