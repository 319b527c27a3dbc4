/*
 * libc/src/stdio/fmt_fp.c - floating-point conversions of printf: %f %e
 * %g and %a (and their upper-case forms).
 *
 * Decimal output is exact. A finite double or long double is m * 2^e with
 * an integer m of at most 64 bits, so its value can be written out in
 * decimal completely: m * 2^e when e >= 0, and (m * 5^-e) / 10^-e when e
 * < 0. __big_decimal() (src/internal/big_decimal.c) computes that integer
 * in base-10^9 limbs and turns it into a string of digits; round_digits()
 * then rounds the digit string at the requested place, to nearest with
 * ties to even, as glibc does in the default rounding mode. This is slower than the Steele-White/Ryu family
 * of algorithms, but short, and its output matches glibc's byte for byte,
 * also for 0.125 with %.2f ("0.12") and 2.675 with %.2f ("2.67": the
 * double just below 2.675).
 *
 * %a prints the bits directly: for a double "0x1.<52 bits in hex>p<exp>",
 * for a long double glibc's form "0x<top 4 bits>.<60 bits>p<exp>".
 */
#include <string.h>
#include <stdint.h>
#include "stdio_impl.h"
#include "../internal/decimal.h"

/* an x87 80-bit long double: 64-bit mantissa with explicit integer bit */
union ldouble_bits {
	long double v;
	struct {
		uint64_t mant; /* bit 63 is the integer bit */
		uint16_t sexp; /* bit 15: sign, bits 0-14: biased exponent */
	};
};

/*
 * round_digits - keep the first @keep digits of @dec, rounding to nearest
 * with ties to even (a tie is an exact 5 with nothing after it; the digits
 * are exact, so that can be seen). @keep may be 0 or negative: the value
 * then rounds to 0 or, at @keep == 0, possibly up to one unit at
 * position dp.
 */
static void
round_digits(struct decimal *dec, int keep)
{
	bool up = false, rest = false;
	int i;

	if (keep >= dec->nd)
		return;
	if (keep < 0) {
		dec->nd = 0;
		return;
	}
	for (i = keep + 1; i < dec->nd && !rest; i++)
		rest = dec->d[i] != '0';
	if (dec->d[keep] > '5' || (dec->d[keep] == '5' && rest))
		up = true;
	else if (dec->d[keep] == '5') /* a tie: go to the even neighbour */
		up = keep > 0 && (dec->d[keep - 1] - '0') % 2 == 1;
	dec->nd = keep;
	if (!up)
		return;
	for (i = keep - 1; i >= 0 && dec->d[i] == '9'; i--)
		dec->d[i] = '0';
	if (i >= 0) {
		dec->d[i]++;
		return;
	}
	/* 9...9 became 10...0: one more digit in front */
	dec->d[0] = '1';
	if (keep == 0)
		dec->nd = 1;
	dec->dp++;
}

/* the digit of @dec at position @i from its start, '0' outside */
static inline char
digit_at(const struct decimal *dec, int i)
{
	return i >= 0 && i < dec->nd ? dec->d[i] : '0';
}

/* emit digits @from .. @to - 1 of @dec (zeros outside what is stored) */
static void
emit_digits(struct fmt_out *o, const struct decimal *dec, int from, int to)
{
	int a = from < 0 ? 0 : from, b = to < dec->nd ? to : dec->nd;

	if (from >= to)
		return;
	if (a >= b) {
		__fmt_pad(o, '0', to - from);
		return;
	}
	__fmt_pad(o, '0', a - from);
	__fmt_emit(o, dec->d + a, b - a);
	__fmt_pad(o, '0', to - b);
}

/* pad in front of a number of @len bytes after the sign @sign */
static void
emit_lead(struct fmt_out *o, const char *sign, long len, int width, int flags)
{
	long pad = width - len - (long)strlen(sign);

	if (!(flags & (FMT_MINUS | FMT_ZERO)))
		__fmt_pad(o, ' ', pad);
	__fmt_emit(o, sign, strlen(sign));
	if ((flags & (FMT_MINUS | FMT_ZERO)) == FMT_ZERO)
		__fmt_pad(o, '0', pad);
}

/* pad after a left-justified number */
static void
emit_trail(struct fmt_out *o, const char *sign, long len, int width, int flags)
{
	if (flags & FMT_MINUS)
		__fmt_pad(o, ' ', width - len - (long)strlen(sign));
}

/*
 * emit_fixed - %f style: the integer digits (at least "0"), then '.' and
 * @prec fraction digits; the point also for '#' when @prec is 0.
 */
static void
emit_fixed(struct fmt_out *o, const struct decimal *dec, int prec, int width, int flags,
	   const char *sign)
{
	int ilen = dec->dp > 0 ? dec->dp : 1;
	bool point = prec > 0 || (flags & FMT_ALT);
	long len = ilen + point + prec;

	emit_lead(o, sign, len, width, flags);
	if (dec->dp > 0)
		emit_digits(o, dec, 0, dec->dp);
	else
		__fmt_emit(o, "0", 1);
	if (point)
		__fmt_emit(o, ".", 1);
	emit_digits(o, dec, dec->dp, dec->dp + prec);
	emit_trail(o, sign, len, width, flags);
}

/*
 * emit_exp - %e style: one digit, '.', @prec digits, then "e+XX" with at
 * least two exponent digits.
 */
static void
emit_exp(struct fmt_out *o, const struct decimal *dec, int prec, int width, int flags,
	 const char *sign)
{
	int x = dec->nd ? dec->dp - 1 : 0;
	char ebuf[8], *p = ebuf + sizeof(ebuf);
	unsigned ux = x < 0 ? -x : x;
	bool point = prec > 0 || (flags & FMT_ALT);
	long len;

	do {
		*--p = '0' + ux % 10;
		ux /= 10;
	} while (ux || p > ebuf + sizeof(ebuf) - 2);
	*--p = x < 0 ? '-' : '+';
	*--p = (flags & FMT_UPPER) ? 'E' : 'e';
	len = 1 + point + prec + (ebuf + sizeof(ebuf) - p);

	emit_lead(o, sign, len, width, flags);
	__fmt_emit(o, dec->nd ? dec->d : "0", 1);
	if (point)
		__fmt_emit(o, ".", 1);
	emit_digits(o, dec, 1, 1 + prec);
	__fmt_emit(o, p, ebuf + sizeof(ebuf) - p);
	emit_trail(o, sign, len, width, flags);
}

/*
 * fmt_general - %g: the precision P is the number of significant digits
 * (6 if none, 1 if 0). With X the exponent %e would show, use %f style
 * when P > X >= -4 and %e style otherwise, then drop trailing zeros of the
 * fraction (and a bare point) unless '#' (C11 7.21.6.1p8).
 */
static void
fmt_general(struct fmt_out *o, struct decimal *dec, int prec, int width, int flags,
	    const char *sign)
{
	int p = prec < 0 ? 6 : prec == 0 ? 1 : prec;
	int x, frac;

	round_digits(dec, p);
	x = dec->nd ? dec->dp - 1 : 0;
	if (p > x && x >= -4) {
		frac = p - 1 - x;
		while (!(flags & FMT_ALT) && frac > 0 && digit_at(dec, dec->dp + frac - 1) == '0')
			frac--;
		emit_fixed(o, dec, frac, width, flags, sign);
	} else {
		frac = p - 1;
		while (!(flags & FMT_ALT) && frac > 0 && digit_at(dec, frac) == '0')
			frac--;
		emit_exp(o, dec, frac, width, flags, sign);
	}
}

/*
 * hex_round - keep @prec of the @nibbles fraction digits of @lead.@frac,
 * rounding to nearest with ties to even. The carry may reach @lead.
 */
static void
hex_round(uint64_t *lead, uint64_t *frac, int nibbles, int prec)
{
	int drop = 4 * (nibbles - prec);
	uint64_t rem = *frac & ((1ULL << drop) - 1), half = 1ULL << (drop - 1);
	uint64_t kept = *frac >> drop;
	bool up = rem > half || (rem == half && ((prec ? kept : *lead) & 1));

	if (up && ++kept >> (4 * prec)) {
		kept = 0; /* the fraction overflowed into the leading digit */
		++*lead;
	}
	*frac = kept;
}

/*
 * fmt_hex - %a: @lead is the digit before the point, @frac holds @nibbles
 * hex digits after it, and the value is lead.frac * 2^@exp. Without a
 * precision, trailing zero digits are dropped.
 */
static void
fmt_hex(struct fmt_out *o, uint64_t lead, uint64_t frac, int nibbles, int exp, int prec, int width,
	int flags, const char *sign)
{
	const char *xd = (flags & FMT_UPPER) ? "0123456789ABCDEF" : "0123456789abcdef";
	char head[4] = { '0', (flags & FMT_UPPER) ? 'X' : 'x' };
	char body[40], *p = body;
	int i, n;
	long len;

	if (prec >= 0 && prec < nibbles) {
		hex_round(&lead, &frac, nibbles, prec);
		nibbles = prec;
		if (lead > 15) { /* long double: 0xf.f... rounded up to 0x10 */
			lead = 1;
			exp += 4;
		}
	}
	n = nibbles;
	if (prec < 0)
		while (n > 0 && ((frac >> 4 * (nibbles - n)) & 0xf) == 0)
			n--;
	*p++ = xd[lead];
	if (n > 0 || prec > 0 || (flags & FMT_ALT))
		*p++ = '.';
	for (i = 1; i <= n; i++)
		*p++ = xd[(frac >> 4 * (nibbles - i)) & 0xf];
	for (; i <= prec; i++)
		*p++ = '0';
	p += snprintf(p, body + sizeof(body) - p, "%c%+d", (flags & FMT_UPPER) ? 'P' : 'p', exp);
	/* the "0x" goes between the sign and any zero padding */
	head[2] = '\0';
	len = (long)strlen(sign) + 2 + (p - body);
	if (!(flags & (FMT_MINUS | FMT_ZERO)))
		__fmt_pad(o, ' ', width - len);
	__fmt_emit(o, sign, strlen(sign));
	__fmt_emit(o, head, 2);
	if ((flags & (FMT_MINUS | FMT_ZERO)) == FMT_ZERO)
		__fmt_pad(o, '0', width - len);
	__fmt_emit(o, body, p - body);
	if (flags & FMT_MINUS)
		__fmt_pad(o, ' ', width - len);
}

/* %a of a double: "1.<13 hex digits>" (or "0." for a subnormal) */
static void
fmt_hex_double(struct fmt_out *o, double v, int prec, int width, int flags, const char *sign)
{
	union {
		double d;
		uint64_t u;
	} bits = { .d = v };
	int bexp = (bits.u >> 52) & 0x7ff;
	uint64_t frac = bits.u & ((1ULL << 52) - 1);

	if (bexp == 0 && frac == 0)
		fmt_hex(o, 0, 0, 13, 0, prec, width, flags, sign);
	else if (bexp == 0)
		fmt_hex(o, 0, frac, 13, -1022, prec, width, flags, sign);
	else
		fmt_hex(o, 1, frac, 13, bexp - 1023, prec, width, flags, sign);
}

/* %La of a long double: "<top 4 bits>.<15 hex digits>", as glibc prints */
static void
fmt_hex_long(struct fmt_out *o, union ldouble_bits b, int prec, int width, int flags,
	     const char *sign)
{
	int bexp = b.sexp & 0x7fff;

	if (b.mant == 0) {
		fmt_hex(o, 0, 0, 15, 0, prec, width, flags, sign);
		return;
	}
	/* a subnormal has the exponent of the smallest normal number */
	fmt_hex(o, b.mant >> 60, b.mant & ((1ULL << 60) - 1), 15, (bexp ? bexp : 1) - 16383 - 3,
		prec, width, flags, sign);
}

/* what goes before the digits: '-', or '+'/' ' as the flags ask, or nothing */
static const char *
sign_prefix(bool negative, int flags)
{
	if (negative)
		return "-";
	if (flags & FMT_PLUS)
		return "+";
	return (flags & FMT_SPACE) ? " " : "";
}

/* inf and nan: no zero padding, upper case for F E G A */
static void
fmt_nonfinite(struct fmt_out *o, bool nan, int width, int flags, const char *sign)
{
	const char *s =
		nan ? ((flags & FMT_UPPER) ? "NAN" : "nan") : ((flags & FMT_UPPER) ? "INF" : "inf");

	flags &= ~FMT_ZERO;
	emit_lead(o, sign, 3, width, flags);
	__fmt_emit(o, s, 3);
	emit_trail(o, sign, 3, width, flags);
}

/* %f %e %g of the finite value @mant * 2^@e2 */
static void
fmt_decimal(struct fmt_out *o, uint64_t mant, int e2, int width, int prec, int flags, char conv,
	    const char *sign)
{
	uint32_t limb[fp_limbs(e2)];   /* variable-length: as large as the value needs */
	char digits[9 * fp_limbs(e2)]; /* likewise */
	struct decimal dec = { .d = digits, .nd = 0, .dp = 1 };

	if (mant)
		__big_decimal(mant, e2, &dec, limb);
	if (conv == 'g') {
		fmt_general(o, &dec, prec, width, flags, sign);
		return;
	}
	if (prec < 0)
		prec = 6;
	if (conv == 'f') {
		round_digits(&dec, dec.dp + prec);
		emit_fixed(o, &dec, prec, width, flags, sign);
	} else {
		round_digits(&dec, prec + 1);
		emit_exp(o, &dec, prec, width, flags, sign);
	}
}

/*
 * __fmt_fp - one floating-point conversion: @conv is 'f', 'e', 'g' or
 * 'a' (FMT_UPPER in @flags for the capital forms), @prec < 0 for none
 * (6 for f/e/g; exact for a). @value holds a double or, with @is_long, a
 * long double; a double converts to long double exactly.
 */
void
__fmt_fp(struct fmt_out *o, long double value, int width, int prec, int flags, char conv,
	 bool is_long)
{
	union ldouble_bits b = { .v = value };
	int bexp = b.sexp & 0x7fff, e2 = 0;
	uint64_t mant = b.mant;
	const char *sign = sign_prefix(b.sexp & 0x8000, flags);

	if (bexp == 0x7fff) {
		fmt_nonfinite(o, (mant << 1) != 0, width, flags, sign);
		return;
	}
	if (conv == 'a') {
		if (is_long)
			fmt_hex_long(o, b, prec, width, flags, sign);
		else
			fmt_hex_double(o, (double)value, prec, width, flags, sign);
		return;
	}
	if (mant) {
		/* value = mant * 2^e2; shed factors of 2 to keep the numbers small */
		e2 = (bexp ? bexp : 1) - 16383 - 63;
		while (!(mant & 1)) {
			mant >>= 1;
			e2++;
		}
	}
	fmt_decimal(o, mant, e2, width, prec, flags, conv, sign);
}
