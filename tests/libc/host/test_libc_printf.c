/*
 * tests/libc/host/test_libc_printf.c - Pagoda's printf engine, string and
 * stdlib functions against glibc's, in one process, under AddressSanitizer
 * and UBSan.
 *
 * libc/libc.mk compiles the pure parts of libc/src for this machine and
 * renames every symbol they define to pagoda_NAME, so both libraries can
 * be called side by side. The inputs are hundreds of thousands of
 * pseudo-random doubles, long doubles, integers and format strings; any
 * difference fails the test and names the input.
 */
#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

/* Pagoda's functions under their renamed host names */
int pagoda_snprintf(char *buf, size_t size, const char *fmt, ...);
long pagoda_strtol(const char *s, char **end, int base);
unsigned long pagoda_strtoul(const char *s, char **end, int base);
double pagoda_strtod(const char *s, char **end);
int pagoda_rand(void);
void pagoda_srand(unsigned int seed);
char *pagoda_strerror(int errnum);
void pagoda_qsort(void *base, size_t nmemb, size_t size, int (*cmp)(const void *, const void *));
void *pagoda_memmove(void *dest, const void *src, size_t n);
int pagoda_memcmp(const void *s1, const void *s2, size_t n);
char *pagoda_strstr(const char *haystack, const char *needle);

#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat"

static uint64_t rng = 0x9e3779b97f4a7c15ULL;

/* xorshift64: a fixed sequence, so a failure can be reproduced */
static uint64_t
next_bits(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* format @fmt with both libraries (one double argument) and compare */
static void
same_double(const char *fmt, double v)
{
	char ours[2048], theirs[2048];
	int n1 = pagoda_snprintf(ours, sizeof(ours), fmt, v);
	int n2 = snprintf(theirs, sizeof(theirs), fmt, v);

	if (n1 != n2 || strcmp(ours, theirs) != 0)
		fail_msg("%s of %a: Pagoda \"%s\" (%d), glibc \"%s\" (%d)", fmt, v, ours, n1,
			 theirs, n2);
}

static void
same_long_double(const char *fmt, long double v)
{
	static char ours[8192], theirs[8192];
	int n1 = pagoda_snprintf(ours, sizeof(ours), fmt, v);
	int n2 = snprintf(theirs, sizeof(theirs), fmt, v);

	if (n1 != n2 || strcmp(ours, theirs) != 0)
		fail_msg("%s of %La: Pagoda \"%.60s\" (%d), glibc \"%.60s\" (%d)", fmt, v, ours, n1,
			 theirs, n2);
}

/* random bit patterns: every exponent, subnormals, all rounding cases */
static void
test_random_doubles(void **state)
{
	static const char *const fmts[] = { "%.17g", "%e",   "%.3e",  "%g",	 "%.1g",    "%a",
					    "%.2a",  "%.0e", "%#.5g", "%+12.4E", "%-30.20a" };
	double d;
	uint64_t bits;
	size_t i, j;

	for (i = 0; i < 100000; i++) {
		bits = next_bits();
		memcpy(&d, &bits, sizeof(d));
		for (j = 0; j < sizeof(fmts) / sizeof(fmts[0]); j++)
			same_double(fmts[j], d);
		if (d > -1e40 && d < 1e40) {
			same_double("%f", d);
			same_double("%.25f", d);
		}
	}
}

/* decimal values with few digits: ties and carries in %f rounding */
static void
test_short_decimals(void **state)
{
	static const char *const fmts[] = { "%.0f", "%.1f", "%.2f", "%.3f", "%.1e", "%.2g" };
	double d;
	size_t i, j;

	for (i = 0; i < 100000; i++) {
		d = (double)(int64_t)(next_bits() % 2000001 - 1000000) / 1000.0;
		for (j = 0; j < sizeof(fmts) / sizeof(fmts[0]); j++)
			same_double(fmts[j], d);
		same_double("%.0f", d * 0.5);
	}
}

static void
test_long_doubles(void **state)
{
	long double v;
	uint64_t mant;
	uint16_t sexp;
	size_t i;

	for (i = 0; i < 20000; i++) {
		mant = next_bits() | (1ULL << 63); /* a normal number: integer bit set */
		sexp = 16383 - 200 + next_bits() % 400 + (next_bits() & 0x8000);
		memcpy(&v, &mant, 8);
		memcpy((char *)&v + 8, &sexp, 2);
		same_long_double("%Lg", v);
		same_long_double("%.20Le", v);
		same_long_double("%La", v);
		same_long_double("%.3La", v);
		same_long_double("%.10Lf", v);
	}
	same_long_double("%Lf", LDBL_MAX);
	same_long_double("%.30Le", LDBL_TRUE_MIN);
	same_long_double("%.30Le", LDBL_MIN);
	same_long_double("%La", LDBL_MAX);
}

static void
test_extremes(void **state)
{
	same_double("%.1100f", DBL_TRUE_MIN);
	same_double("%f", DBL_MAX);
	same_double("%.40e", DBL_MAX);
	same_double("%.40e", DBL_TRUE_MIN);
	same_double("%a", DBL_TRUE_MIN);
	same_double("%.0f", 0.5);
	same_double("%.0f", 1.5);
	same_double("%.0f", 2.5);
	same_double("%.0e", 25.0);
	same_double("%.0e", 35.0);
	same_double("%5.1f", -0.04);
	same_double("%g", 0.0001);
	same_double("%g", 0.00001);
	same_double("%g", 999999.5);
	same_double("%.3g", 9995.0);
}

/* random integer conversions with random flags, widths and precisions */
static void
test_random_integers(void **state)
{
	static const char convs[] = "diuxXo";
	static const char *const flagsets[] = {
		"", "-", "+", " ", "#", "0", "-+", "0#", "+0", "- #"
	};
	char fmt[64], ours[256], theirs[256];
	long v;
	int n1, n2, i;

	for (i = 0; i < 200000; i++) {
		int width = next_bits() % 25, prec = (int)(next_bits() % 25) - 5;
		char conv = convs[next_bits() % 6];
		const char *flags = flagsets[next_bits() % 10];

		if (prec >= 0)
			snprintf(fmt, sizeof(fmt), "[%%%s%d.%dl%c]", flags, width, prec, conv);
		else
			snprintf(fmt, sizeof(fmt), "[%%%s%dl%c]", flags, width, conv);
		v = (long)next_bits() >> (next_bits() % 64);
		n1 = pagoda_snprintf(ours, sizeof(ours), fmt, v);
		n2 = snprintf(theirs, sizeof(theirs), fmt, v);
		if (n1 != n2 || strcmp(ours, theirs) != 0)
			fail_msg("%s of %ld: Pagoda \"%s\", glibc \"%s\"", fmt, v, ours, theirs);
	}
}

/* snprintf's truncation: the count is the full length, the text cut */
static void
test_truncation(void **state)
{
	char ours[8], theirs[8];
	size_t n;

	for (n = 0; n <= sizeof(ours); n++) {
		memset(ours, 'Z', sizeof(ours));
		memset(theirs, 'Z', sizeof(theirs));
		assert_int_equal(pagoda_snprintf(ours, n, "%s=%.2f", "pi", 3.14159),
				 snprintf(theirs, n, "%s=%.2f", "pi", 3.14159));
		assert_memory_equal(ours, theirs, sizeof(ours));
	}
}

static void
test_strtol(void **state)
{
	static const char digits[] = "0123456789abcdefxX -+ ";
	char s[24], *e1, *e2;
	int i, j, base;

	for (i = 0; i < 200000; i++) {
		for (j = 0; j < (int)(next_bits() % 22); j++)
			s[j] = digits[next_bits() % (sizeof(digits) - 1)];
		s[j] = '\0';
		base = (int[]){ 0, 2, 8, 10, 16, 36 }[next_bits() % 6];
		assert_int_equal(pagoda_strtol(s, &e1, base), strtol(s, &e2, base));
		assert_ptr_equal(e1, e2);
		assert_int_equal(pagoda_strtoul(s, &e1, base), strtoul(s, &e2, base));
		assert_ptr_equal(e1, e2);
	}
}

/* parse @s with both strtods: same value (same bits) and same end */
static void
same_strtod(const char *s)
{
	char *e1, *e2;
	double a = pagoda_strtod(s, &e1), b = strtod(s, &e2);

	if (memcmp(&a, &b, sizeof(a)) != 0 || e1 - s != e2 - s)
		fail_msg("strtod(\"%.80s\"): Pagoda %a (end +%ld), glibc %a (end +%ld)", s, a,
			 (long)(e1 - s), b, (long)(e2 - s));
}

static void
test_strtod(void **state)
{
	static const char *const fixed[] = {
		"0",
		"-0",
		"0.0e10",
		".5",
		"5.",
		"-.5e-3",
		"1e",
		"1e+",
		"1.5e3x",
		"  +42",
		"inf",
		"-Infinity",
		"nan",
		"1e400",
		"1e-400",
		"2.4703282292062328e-324",
		"2.4703282292062327e-324",
		"2.2250738585072011e-308",
		"1.7976931348623158e308",
		"1.7976931348623159e308",
		"9007199254740993",
		"9007199254740995",
		"0.000000000000000000000000000000000000001",
		"123456789012345678901234567890",
	};
	static char buf[1024];
	long double mid;
	double d, up;
	uint64_t bits;
	size_t i;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		same_strtod(fixed[i]);
	for (i = 0; i < 10000; i++) {
		bits = next_bits() & ~(1ULL << 63);
		memcpy(&d, &bits, sizeof(d));
		if (d - d != 0) /* nan or inf */
			continue;
		snprintf(buf, sizeof(buf), "%.17g", d);
		same_strtod(buf);
		snprintf(buf, sizeof(buf), "%.*g", (int)(next_bits() % 16) + 1, d);
		same_strtod(buf);
		/* the exact half-way point to the next double, and just off it */
		bits++;
		memcpy(&up, &bits, sizeof(up));
		mid = ((long double)d + up) / 2;
		snprintf(buf, sizeof(buf), "%.800Le", mid);
		same_strtod(buf);
		snprintf(buf, sizeof(buf), "%.30Le", mid);
		same_strtod(buf);
		snprintf(buf, sizeof(buf), "%a", d);
		same_strtod(buf);
		snprintf(buf, sizeof(buf), "%La", mid);
		same_strtod(buf);
	}
}

/* a record sorted by its key only: the index shows whether the sort is stable */
struct record {
	uint32_t key;
	uint32_t index;
};

static int
cmp_key(const void *a, const void *b)
{
	uint32_t x = ((const struct record *)a)->key, y = ((const struct record *)b)->key;

	return (x > y) - (x < y);
}

static void
test_qsort_and_memory(void **state)
{
	static struct record a[5000], b[5000];
	static const char hay[] = "abcabd";
	char buf1[300], buf2[300];
	size_t i, n, from, to, len;

	for (n = 0; n < 5000; n += 1 + n / 3) {
		for (i = 0; i < n; i++) {
			a[i].key = next_bits() % (n / 4 + 1); /* many equal keys */
			a[i].index = i;
			b[i] = a[i];
		}
		/* glibc's qsort is a stable merge sort: so must Pagoda's be */
		pagoda_qsort(a, n, sizeof(a[0]), cmp_key);
		qsort(b, n, sizeof(b[0]), cmp_key);
		assert_memory_equal(a, b, n * sizeof(a[0]));
	}
	for (i = 0; i < 20000; i++) {
		for (n = 0; n < sizeof(buf1); n++)
			buf1[n] = buf2[n] = next_bits();
		from = next_bits() % 150, to = next_bits() % 150, len = next_bits() % 150;
		pagoda_memmove(buf1 + to, buf1 + from, len);
		memmove(buf2 + to, buf2 + from, len);
		assert_int_equal(pagoda_memcmp(buf1, buf2, sizeof(buf1)), 0);
	}
	assert_ptr_equal(pagoda_strstr(hay, "abd"), hay + 3);
	assert_ptr_equal(pagoda_strstr(hay, "abe"), NULL);
	assert_ptr_equal(pagoda_strstr(hay, ""), hay);
}

/* rand() follows glibc's sequence, for every kind of seed */
static void
test_rand(void **state)
{
	unsigned int seed;
	int i, s;

	for (i = 0; i < 1000; i++)
		assert_int_equal(pagoda_rand(), rand()); /* unseeded: as srand(1) */
	for (s = 0; s < 40; s++) {
		seed = s < 8 ? (
				       unsigned int[]){ 0,	1,	    2,		42,
							127773, 0x7fffffff, 0x80000000, ~0U }[s]
			     : (unsigned int)next_bits();
		pagoda_srand(seed);
		srand(seed);
		for (i = 0; i < 2000; i++)
			assert_int_equal(pagoda_rand(), rand());
	}
}

static void
test_strerror(void **state)
{
	int i;

	for (i = -5; i < 140; i++)
		assert_string_equal(pagoda_strerror(i), strerror(i));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_doubles),	 cmocka_unit_test(test_short_decimals),
		cmocka_unit_test(test_long_doubles),	 cmocka_unit_test(test_extremes),
		cmocka_unit_test(test_random_integers),	 cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_strtol),		 cmocka_unit_test(test_strtod),
		cmocka_unit_test(test_qsort_and_memory), cmocka_unit_test(test_rand),
		cmocka_unit_test(test_strerror),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
