/*
 * libc/src/stdlib/misc.c - small stdlib functions: abs(), labs(), llabs(),
 * div(), ldiv(), rand(), srand().
 */
#include <stdlib.h>

int
abs(int x)
{
	return x < 0 ? -x : x;
}

long
labs(long x)
{
	return x < 0 ? -x : x;
}

long long
llabs(long long x)
{
	return x < 0 ? -x : x;
}

div_t
div(int num, int den)
{
	div_t r = { num / den, num % den };

	return r;
}

ldiv_t
ldiv(long num, long den)
{
	ldiv_t r = { num / den, num % den };

	return r;
}

/*
 * rand() is a 64-bit linear congruential generator (multiplier from Knuth,
 * TAOCP Vol. 2, 3.3.4) returning the high 31 bits of its state, which are
 * the good ones. Deterministic: the same seed gives the same sequence; it
 * is not glibc's sequence (glibc uses an additive feedback generator).
 */
static unsigned long long rand_state = 1;

/* srand - restart the sequence from @seed */
void
srand(unsigned int seed)
{
	rand_state = seed;
}

/* rand - the next pseudo-random number, 0..RAND_MAX */
int
rand(void)
{
	rand_state = rand_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (int)(rand_state >> 33);
}
