/*
 * libc/src/stdlib/strtod.c - text to double: strtod(), atof().
 *
 * A simple conversion, not a correctly rounded one: up to 19 significant
 * digits are gathered in a 64-bit integer and scaled by a power of ten in
 * long double (64-bit mantissa), which gives the nearest double for
 * ordinary inputs but may be one unit off in the last place for long or
 * extreme ones. glibc and musl convert exactly. Accepts "inf",
 * "infinity", "nan" (any case), decimal numbers with an exponent; not hex.
 */
#include <stdlib.h>
#include <strings.h>
#include <ctype.h>
#include <errno.h>

/* 10^@n in long double, by squaring */
static long double
pow10l_int(int n)
{
	long double r = 1.0L, b = 10.0L;

	for (; n; n >>= 1, b *= b) {
		if (n & 1)
			r *= b;
	}
	return r;
}

/* read "[eE][+-]digits" at *@pp if it is there; returns the exponent */
static int
read_exponent(const char **pp)
{
	const char *p = *pp + 1;
	int neg = 0, e = 0;

	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (!isdigit((unsigned char)*p))
		return 0;
	for (; isdigit((unsigned char)*p); p++) {
		if (e < 100000)
			e = e * 10 + (*p - '0');
	}
	*pp = p;
	return neg ? -e : e;
}

/* the value of @m * 10^@e, ERANGE when it is out of double's range */
static double
scale(unsigned long long m, int e)
{
	long double v = m;

	if (m == 0)
		return 0.0;
	v = e < 0 ? v / pow10l_int(-e) : v * pow10l_int(e);
	if ((double)v == 0.0 || (double)v > 1.7976931348623157e308)
		errno = ERANGE;
	return (double)v;
}

/*
 * strtod - the double that the text at @s spells, *@end set past it.
 * Returns 0 with *@end = @s when there is no number.
 */
double
strtod(const char *s, char **end)
{
	const char *p = s;
	unsigned long long m = 0;
	int neg = 0, ndigits = 0, e = 0, any = 0;
	double v;

	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		neg = *p++ == '-';
	if (strncasecmp(p, "inf", 3) == 0) {
		p += strncasecmp(p, "infinity", 8) == 0 ? 8 : 3;
		v = __builtin_inf();
		goto out;
	}
	if (strncasecmp(p, "nan", 3) == 0) {
		p += 3;
		v = __builtin_nan("");
		goto out;
	}
	for (; isdigit((unsigned char)*p) || (*p == '.' && !any); p++) {
		if (*p == '.') {
			any = 1; /* from now on digits are fractional */
			continue;
		}
		ndigits++;
		if (m < 1000000000000000000ULL)
			m = m * 10 + (*p - '0'), e -= any;
		else
			e += !any; /* a dropped integer digit still scales */
	}
	if (ndigits == 0) {
		p = s;
		v = 0;
		goto out;
	}
	if (*p == 'e' || *p == 'E')
		e += read_exponent(&p);
	v = scale(m, e);
out:
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
