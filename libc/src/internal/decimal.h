/*
 * libc/src/internal/decimal.h - exact decimal expansions of binary
 * floating-point values, shared by printf (src/stdio/fmt_fp.c) and strtod
 * (src/stdlib/strtod.c).
 */
#ifndef LIBC_INTERNAL_DECIMAL_H
#define LIBC_INTERNAL_DECIMAL_H

#include <stdint.h>

/* a digit string: value = 0.d[0]d[1]... * 10^dp, d[0] != '0' unless zero */
struct decimal {
	char *d; /* the digits, as characters */
	int nd;	 /* how many */
	int dp;	 /* position of the decimal point */
};

/*
 * fp_limbs - how many limbs mant * 2^e2 can need, mant < 2^64: at most
 * 20 digits for mant, and for each unit of |e2| at most log10(5) = 0.7
 * more digits (5^-e2 when e2 < 0, 2^e2 otherwise), i.e. 1/12.8 limb.
 * The buffers are sized by this on the stack: about 600 bytes for 1.5,
 * 12 KiB for the smallest long double subnormal (2^-16445, some 11500
 * digits).
 */
static inline int
fp_limbs(int e2)
{
	return 4 + (e2 < 0 ? -e2 : e2) / 12;
}

/* __big_decimal - the exact decimal digits of @mant * 2^@e2 (big_decimal.c) */
void __big_decimal(uint64_t mant, int e2, struct decimal *dec, uint32_t *limb);

#endif /* LIBC_INTERNAL_DECIMAL_H */
