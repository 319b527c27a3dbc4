/*
 * libc/src/stdlib/strtol.c - text to integer: strtoull(), strtoll(),
 * strtoul(), strtol(), strtoimax(), strtoumax(), atoi(), atol(), atoll().
 *
 * All of them share parse_integer(): optional white space, an optional
 * sign, a "0x" prefix for base 16 or 0, a leading 0 meaning octal for
 * base 0, then digits (C11 7.22.1.4). The result saturates and errno is
 * ERANGE when the value does not fit. As C requires, the unsigned
 * functions accept a minus sign and negate in unsigned arithmetic
 * (strtoul("-1") is ULONG_MAX).
 */
#include <stdlib.h>
#include <inttypes.h>
#include <limits.h>
#include <ctype.h>
#include <errno.h>
#include <stdbool.h>

/* the value of digit @c in bases up to 36, or 99 for a non-digit */
static int
digit_value(int c)
{
	if (isdigit(c))
		return c - '0';
	if (islower(c))
		return c - 'a' + 10;
	if (isupper(c))
		return c - 'A' + 10;
	return 99;
}

/*
 * parse_integer - read an integer from @s in @base (0 or 2..36).
 * Stores the magnitude in *@mag (saturated at ULLONG_MAX, *@overflow set)
 * and the sign in *@neg; *@end gets the first unread byte (@s itself when
 * there are no digits). Returns false for a bad base (errno EINVAL).
 */
static bool
parse_integer(const char *s, char **end, int base, unsigned long long *mag, bool *neg,
	      bool *overflow)
{
	const char *p = s;
	const char *digits;
	unsigned long long v = 0;
	int d;

	*mag = 0;
	*neg = *overflow = false;
	if (end)
		*end = (char *)s;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return false;
	}
	while (isspace((unsigned char)*p))
		p++;
	if (*p == '+' || *p == '-')
		*neg = *p++ == '-';
	/* "0x" counts only if a hex digit follows; else the "0" is the number */
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 0x20) == 'x' &&
	    digit_value((unsigned char)p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = p[0] == '0' ? 8 : 10;
	}
	for (digits = p; (d = digit_value((unsigned char)*p)) < base; p++) {
		if (v > (ULLONG_MAX - d) / base)
			*overflow = true;
		else
			v = v * base + d;
	}
	if (p == digits)
		return true;
	*mag = *overflow ? ULLONG_MAX : v;
	if (end)
		*end = (char *)p;
	return true;
}

/* strtoull - unsigned long long from text; ULLONG_MAX and ERANGE on overflow */
unsigned long long
strtoull(const char *s, char **end, int base)
{
	unsigned long long mag;
	bool neg, overflow;

	if (!parse_integer(s, end, base, &mag, &neg, &overflow))
		return 0;
	if (overflow) {
		errno = ERANGE;
		return ULLONG_MAX;
	}
	return neg ? -mag : mag;
}

/* strtoll - long long from text; LLONG_MIN/LLONG_MAX and ERANGE if too big */
long long
strtoll(const char *s, char **end, int base)
{
	unsigned long long mag;
	bool neg, overflow;
	unsigned long long limit;

	if (!parse_integer(s, end, base, &mag, &neg, &overflow))
		return 0;
	/* the magnitude of LLONG_MIN is one more than LLONG_MAX */
	limit = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	if (overflow || mag > limit) {
		errno = ERANGE;
		return neg ? LLONG_MIN : LLONG_MAX;
	}
	return neg ? (long long)-mag : (long long)mag;
}

/* long is long long's size on x86-64: the same functions serve both */
unsigned long
strtoul(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

long
strtol(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

uintmax_t
strtoumax(const char *s, char **end, int base)
{
	return strtoull(s, end, base);
}

intmax_t
strtoimax(const char *s, char **end, int base)
{
	return strtoll(s, end, base);
}

/* atoi - strtol(@s, NULL, 10) as an int; no error reporting */
int
atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long
atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long
atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
