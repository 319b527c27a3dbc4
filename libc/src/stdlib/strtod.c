/*
 * libc/src/stdlib/strtod.c - text to double: strtod(), atof().
 *
 * Correctly rounded, as glibc's and musl's are, in two steps:
 *  1. an estimate: up to 19 significant digits in a 64-bit integer, scaled
 *     by a power of ten in long double; this is the nearest double or one
 *     of its neighbours;
 *  2. a check with exact arithmetic: the decimal input is compared with
 *     the exact decimal expansion (__big_decimal()) of the points halfway
 *     to the neighbouring doubles, and the estimate moves one step when
 *     the input lies beyond one of them. Ties go to the even mantissa.
 * Accepts white space, a sign, "inf", "infinity", "nan" (any case),
 * decimal numbers with an exponent, and hexadecimal ones as printf's %a
 * writes them ("0x1.8p+3"), which are exact in binary and need only one
 * rounding.
 */
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include "../internal/decimal.h"

#define MAX_DIGITS 800 /* more than any double needs to decide its rounding */

/* the number read: 0.d[0]d[1]...d[nd-1] * 10^dp, plus more if @sticky */
struct dec_input {
	char d[MAX_DIGITS]; /* significant digits, d[0] != '0' */
	int nd;		    /* how many (0: the value is zero) */
	long dp;	    /* decimal exponent of the point */
	bool sticky;	    /* nonzero digits beyond d[] were dropped */
};

/* read "[eE][+-]digits" at *@pp if it is there; returns the exponent */
static long
read_exponent(const char **pp)
{
	const char *p = *pp + 1;
	long e = 0;
	int neg = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return 0;
	for (; isdigit((unsigned char)*p); p++) {
		if (e < 1000000)
			e = e * 10 + (*p - '0');
	}
	*pp = p;
	return neg ? -e : e;
}

/*
 * read_digits - the digits and point at *@pp into @in (leading zeros
 * dropped, trailing ones too). Returns how many digits there were in all,
 * 0 if none.
 */
static int
read_digits(const char **pp, struct dec_input *in)
{
	const char *p = *pp;
	bool point = false;
	int ndigits = 0;

	in->nd = 0;
	in->dp = 0;
	in->sticky = false;
	for (; isdigit((unsigned char)*p) || (*p == '.' && !point); p++) {
		if (*p == '.') {
			point = true;
			continue;
		}
		ndigits++;
		if (*p == '0' && in->nd == 0) {
			in->dp -= point; /* a leading zero after the point */
			continue;
		}
		if (in->nd < MAX_DIGITS)
			in->d[in->nd++] = *p;
		else if (*p != '0')
			in->sticky = true;
		in->dp += !point;
	}
	while (in->nd > 0 && in->d[in->nd - 1] == '0')
		in->nd--;
	*pp = p;
	return ndigits;
}

/* the estimate: the first 19 digits, scaled in long double */
static double
estimate(const struct dec_input *in)
{
	int n = in->nd < 19 ? in->nd : 19, i;
	long e = in->dp - n;
	unsigned long long m = 0;
	long double v, p = 1.0L, b = 10.0L;

	for (i = 0; i < n; i++)
		m = m * 10 + (in->d[i] - '0');
	if (e > 400)
		return __builtin_inf();
	if (e < -400 - 19)
		return 0.0;
	for (i = e < 0 ? -e : e; i; i >>= 1, b *= b) {
		if (i & 1)
			p *= b;
	}
	v = e < 0 ? m / p : m * p;
	return (double)v;
}

/*
 * compare_exact - compare the input @in (nonzero) with @mant * 2^@e2
 * (mant > 0) exactly. Returns <0, 0 or >0.
 */
static int
compare_exact(const struct dec_input *in, uint64_t mant, int e2)
{
	uint32_t limb[fp_limbs(e2)];   /* variable-length: as the value needs */
	char digits[9 * fp_limbs(e2)]; /* likewise */
	struct decimal m = { .d = digits };
	int i, n;

	__big_decimal(mant, e2, &m, limb);
	if (in->dp != m.dp)
		return in->dp < m.dp ? -1 : 1;
	n = in->nd > m.nd ? in->nd : m.nd;
	for (i = 0; i < n; i++) {
		char a = i < in->nd ? in->d[i] : '0', b = i < m.nd ? m.d[i] : '0';

		if (a != b)
			return a < b ? -1 : 1;
	}
	return in->sticky ? 1 : 0;
}

/* a positive double's bits and back */
static inline uint64_t
double_bits(double d)
{
	uint64_t u;

	memcpy(&u, &d, sizeof(u));
	return u;
}

static inline double
bits_double(uint64_t u)
{
	double d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/*
 * refine - the double nearest to @in, starting from the estimate @d (a
 * positive double, 0 or inf). A finite double d is M * 2^q; the halfway
 * points to its neighbours are (2M + 1) * 2^(q-1) above and (2M - 1) *
 * 2^(q-1) below, or (4M - 1) * 2^(q-2) where the spacing halves below a
 * power of two. The positive doubles are ordered like their bit
 * patterns, so a neighbour is one bit pattern up or down.
 */
static double
refine(const struct dec_input *in, double d)
{
	uint64_t u, frac, mant;
	int bexp, q, step, c;

	for (step = 0; step < 8; step++) {
		u = double_bits(d);
		bexp = u >> 52;
		frac = u & ((1ULL << 52) - 1);
		if (bexp == 0x7ff) /* inf: is the input below DBL_MAX's upper half-way point? */
			return compare_exact(in, (1ULL << 54) - 1, 970) < 0 ? bits_double(u - 1)
									    : d;
		mant = bexp ? frac | (1ULL << 52) : frac;
		q = (bexp ? bexp : 1) - 1075;
		/* above the upper half-way point (or on it, with M odd): go up */
		c = compare_exact(in, 2 * mant + 1, q - 1);
		if (c > 0 || (c == 0 && (mant & 1))) {
			d = bits_double(u + 1);
			continue;
		}
		if (mant == 0)
			return d; /* zero has nothing below */
		if (frac == 0 && bexp > 1)
			c = compare_exact(in, 4 * mant - 1, q - 2);
		else
			c = compare_exact(in, 2 * mant - 1, q - 1);
		if (c < 0 || (c == 0 && (mant & 1))) {
			d = bits_double(u - 1);
			continue;
		}
		return d;
	}
	return d;
}

/* the value of hex digit @c */
static inline int
hex_value(int c)
{
	return isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/*
 * read_hex - "0x" hex digits, an optional point and more, an optional
 * "p" binary exponent, at *@pp (which points at the "0x"). The first 16
 * significant digits go into a 64-bit integer m, and any nonzero digit
 * beyond them sets m's lowest bit, far below a double's last place, so
 * the one rounding below sees it. Returns the value, rounded once; sets
 * ERANGE when it overflows or underflows to zero.
 */
static double
read_hex(const char **pp)
{
	const char *p = *pp + 2;
	double d;
	uint64_t m = 0;
	long e2 = 0, e;
	int ndig = 0, point = 0, shift;
	union {
		long double v;
		struct {
			uint64_t mant;
			uint16_t sexp;
		};
	} ld;

	for (; isxdigit((unsigned char)*p) || (*p == '.' && !point); p++) {
		if (*p == '.') {
			point = 1;
			continue;
		}
		if (ndig < 16) {
			m = m << 4 | hex_value(*p);
			ndig += m != 0; /* leading zeros do not count */
			e2 -= 4 * point;
		} else {
			m |= hex_value(*p) != 0;
			e2 += 4 * !point;
		}
	}
	if ((*p | 0x20) == 'p' && (isdigit((unsigned char)p[1]) ||
				   ((p[1] == '+' || p[1] == '-') && isdigit((unsigned char)p[2]))))
		e2 += read_exponent(&p);
	*pp = p;
	if (m == 0)
		return 0.0;
	/* m * 2^e2 as a long double: normalize m to bit 63, set the exponent */
	shift = __builtin_clzll(m);
	e = e2 - shift + 63 + 16383;
	if (e >= 0x7fff || e < 1) { /* far outside a double's range */
		errno = ERANGE;
		return e < 1 ? 0.0 : __builtin_inf();
	}
	ld.mant = m << shift;
	ld.sexp = e;
	d = (double)ld.v;
	if (d == 0.0 || d == __builtin_inf())
		errno = ERANGE;
	return d;
}

/*
 * strtod - the double that the text at @s spells, correctly rounded, with
 * *@end set past it. Returns 0 with *@end = @s when there is no number;
 * sets ERANGE when the value overflows to infinity or underflows to zero.
 */
double
strtod(const char *s, char **end)
{
	const char *p = s;
	struct dec_input in;
	int neg = 0;
	double v;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (strncasecmp(p, "inf", 3) == 0) {
		p += strncasecmp(p, "infinity", 8) == 0 ? 8 : 3;
		v = __builtin_inf();
	} else if (strncasecmp(p, "nan", 3) == 0) {
		p += 3;
		v = __builtin_nan("");
	} else if (p[0] == '0' && (p[1] | 0x20) == 'x' &&
		   (isxdigit((unsigned char)p[2]) ||
		    (p[2] == '.' && isxdigit((unsigned char)p[3])))) {
		v = read_hex(&p);
	} else if (read_digits(&p, &in) == 0) {
		p = s;
		v = 0;
	} else {
		if (*p == 'e' || *p == 'E')
			in.dp += read_exponent(&p);
		v = in.nd == 0 ? 0.0 : refine(&in, estimate(&in));
		if (in.nd && (v == 0.0 || v == __builtin_inf()))
			errno = ERANGE;
	}
	if (end)
		*end = (char *)p;
	return neg ? -v : v;
}

/* atof - strtod(@s, NULL) */
double
atof(const char *s)
{
	return strtod(s, NULL);
}
