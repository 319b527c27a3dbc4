/*
 * tests/linux/malloc_heavy.c - many allocations of every size class, with
 * realloc and calloc, checked and summarized. Deterministic (its own
 * random generator), so any C library on any kernel prints the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 512

static uint64_t rng = 88172645463325252ULL;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t
pick_size(void)
{
	switch (next() % 8) {
	case 0: return 1 + next() % 16;
	case 1: return 1 + next() % 256;
	case 2: return 1 + next() % 4096;
	case 3: return 1 + next() % 65536;
	case 4: return 128 * 1024 + next() % (256 * 1024); /* mmap-sized */
	default: return 1 + next() % 1024;
	}
}

int
main(void)
{
	static unsigned char *p[SLOTS];
	static size_t len[SLOTS];
	unsigned long sum = 0, bad = 0;

	for (int step = 0; step < 20000; step++) {
		int i = next() % SLOTS;

		if (p[i] && next() % 3 == 0) {
			size_t n = pick_size();
			unsigned char *q = realloc(p[i], n);

			for (size_t k = 0; k < (n < len[i] ? n : len[i]); k += 97)
				bad += q[k] != (unsigned char)(i + k);
			p[i] = q;
			len[i] = n;
		} else if (p[i]) {
			for (size_t k = 0; k < len[i]; k += 97)
				bad += p[i][k] != (unsigned char)(i + k);
			free(p[i]);
			p[i] = NULL;
			continue;
		} else {
			len[i] = pick_size();
			p[i] = next() % 4 == 0 ? calloc(1, len[i]) : malloc(len[i]);
			if (!p[i]) {
				printf("allocation failed at step %d\n", step);
				return 1;
			}
		}
		for (size_t k = 0; k < len[i]; k++)
			p[i][k] = (unsigned char)(i + k);
		sum += len[i];
	}
	for (int i = 0; i < SLOTS; i++)
		free(p[i]);
	printf("bytes requested: %lu\n", sum);
	printf("corrupted bytes: %lu\n", bad);
	printf("16-byte aligned: %d\n", ((uintptr_t)malloc(1) & 15) == 0);
	return 0;
}
