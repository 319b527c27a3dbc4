/*
 * libc/src/internal/big_decimal.c - the exact decimal digits of m * 2^e.
 *
 * A finite double or long double is m * 2^e with an integer m of at most
 * 64 bits, so its value can be written out in decimal completely: m * 2^e
 * when e >= 0, and (m * 5^-e) / 10^-e when e < 0. The integer is built in
 * base-10^9 limbs by repeated multiplication, then turned into a string of
 * digits. printf rounds that string (src/stdio/fmt_fp.c); strtod compares
 * its input with it (src/stdlib/strtod.c).
 */
#include "decimal.h"

#define LIMB_BASE 1000000000U /* each limb holds 9 decimal digits */

/* multiply the @n limbs at @a by @m; returns the new limb count */
static int
big_mul(uint32_t *a, int n, uint32_t m)
{
	uint64_t carry = 0, t;
	int i;

	for (i = 0; i < n; i++) {
		t = (uint64_t)a[i] * m + carry;
		a[i] = t % LIMB_BASE;
		carry = t / LIMB_BASE;
	}
	while (carry) {
		a[n++] = carry % LIMB_BASE;
		carry /= LIMB_BASE;
	}
	return n;
}

/*
 * __big_decimal - the exact decimal digits of @mant * 2^@e2 into @dec (its
 * digit buffer given), using @limb (fp_limbs(@e2) of them) as the work
 * area. Multiplies by 2^29 or 5^13 at a time: factors below 2^32, so
 * limb * factor + carry stays below 2^64.
 */
void
__big_decimal(uint64_t mant, int e2, struct decimal *dec, uint32_t *limb)
{
	int n = 0, i, k;
	char *p = dec->d;

	for (; mant; mant /= LIMB_BASE)
		limb[n++] = mant % LIMB_BASE;
	for (k = e2; k >= 29; k -= 29)
		n = big_mul(limb, n, 1U << 29);
	if (k > 0)
		n = big_mul(limb, n, 1U << k);
	for (k = -e2; k >= 13; k -= 13)
		n = big_mul(limb, n, 1220703125U); /* 5^13 */
	for (; k > 0; k--)
		n = big_mul(limb, n, 5);

	/* the top limb without leading zeros, the others with all 9 digits */
	for (i = 1000000000, k = limb[n - 1]; i > 1; i /= 10) {
		if (k >= i / 10 || p > dec->d)
			*p++ = '0' + k / (i / 10) % 10;
	}
	for (i = n - 2; i >= 0; i--) {
		for (k = 100000000; k > 0; k /= 10)
			*p++ = '0' + limb[i] / k % 10;
	}
	dec->nd = p - dec->d;
	/* the value is that integer / 10^-e2 */
	dec->dp = dec->nd - (e2 < 0 ? -e2 : 0);
}
