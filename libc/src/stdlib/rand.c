/*
 * libc/src/stdlib/rand.c - pseudo-random numbers: rand(), srand().
 */
#include <stdlib.h>
#include <stdint.h>
#include <stdbool.h>

/*
 * rand() gives glibc's sequence, so a program that prints random numbers
 * prints the same ones on Pagoda as on Linux. glibc's generator (its
 * random(), "TYPE_3") is an additive lagged Fibonacci generator:
 *   r[i] = r[i-3] + r[i-31] (mod 2^32),  output r[i] >> 1,
 * whose 34 first words come from the seed through the Park-Miller
 * "minimal standard" step r[i] = 16807 * r[i-1] mod (2^31 - 1), and whose
 * first 310 outputs are thrown away. Only the last 31 words are needed,
 * kept in a ring.
 */
#define RAND_DEG    31	/* the long lag */
#define RAND_SEP    3	/* the short lag */
#define RAND_WARMUP 310 /* outputs discarded after seeding */

static uint32_t rand_ring[RAND_DEG]; /* the last 31 words */
static int rand_pos;		     /* where the oldest word is */
static bool rand_seeded;

/* one step of the generator: the next 31-bit output */
static int
rand_step(void)
{
	uint32_t v = rand_ring[rand_pos] + rand_ring[(rand_pos + RAND_DEG - RAND_SEP) % RAND_DEG];

	rand_ring[rand_pos] = v;
	rand_pos = (rand_pos + 1) % RAND_DEG;
	return (int)(v >> 1);
}

/*
 * srand - restart the sequence from @seed (0 counts as 1, as in glibc).
 * The seed is taken as a signed 32-bit word, and the Park-Miller step is
 * computed by Schrage's method (16807 * lo - 2836 * hi, with hi and lo
 * the quotient and remainder by 127773), which keeps every product in 32
 * bits; both choices matter for the sequence of seeds of 2^31 and up.
 */
void
srand(unsigned int seed)
{
	int32_t word = (int32_t)(seed ? seed : 1);
	int32_t hi, lo;
	int i;

	rand_ring[0] = word;
	for (i = 1; i < RAND_DEG; i++) {
		hi = word / 127773;
		lo = word % 127773;
		word = 16807 * lo - 2836 * hi;
		if (word < 0)
			word += 2147483647;
		rand_ring[i] = word;
	}
	/* the first sum is r[3] + r[0]: r[3] plays the oldest word */
	rand_pos = RAND_SEP;
	rand_seeded = true;
	for (i = 0; i < RAND_WARMUP; i++)
		rand_step();
}

/* rand - the next pseudo-random number, 0..RAND_MAX; seeded with 1 at first */
int
rand(void)
{
	if (!rand_seeded)
		srand(1);
	return rand_step();
}
