/*
 * tests/libc/printf_torture.c - printf conversions compared with glibc and
 * musl byte for byte: integers with every flag, width and precision,
 * strings, characters, pointers, and floating point in %f %e %g %a over
 * hand-picked and generated values (zero, negative, huge, tiny,
 * subnormal, rounding ties, inf, nan).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <limits.h>
#include <stddef.h>
#include <sys/types.h>

/* a fixed pseudo-random sequence of 64-bit patterns (xorshift64) */
static uint64_t
next_bits(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void
integers(void)
{
	static const char *const fmts[] = {
		"%d",	 "%5d",	    "%-5d|",  "%05d",	"%+d",	 "% d", "%.3d",
		"%8.3d", "%-8.3d|", "%08.3d", "%+.0d",	"%.0d",	 "%x",	"%#x",
		"%#X",	 "%#010x",  "%o",     "%#o",	"%#.0o", "%u",	"%-+8d|",
		"% 05d", "%+05d",   "%#8.4x", "%#-8x|",
	};
	static const int vals[] = { 0, 1, -1, 7, 42, -42, 255, 1000, -12345, INT_MAX, INT_MIN };
	size_t i, j;

	for (i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		printf("%-10s", fmts[i]);
		for (j = 0; j < sizeof(vals) / sizeof(vals[0]); j++) {
			putchar('[');
			printf(fmts[i], vals[j]);
			putchar(']');
		}
		putchar('\n');
	}
	printf("[%ld][%lu][%lx][%lld][%llu][%llo]\n", LONG_MIN, ULONG_MAX, LONG_MAX, LLONG_MIN,
	       ULLONG_MAX, ULLONG_MAX);
	printf("[%hhd][%hhu][%hd][%hu][%zu][%zd][%jd][%td]\n", 300, -1, 70000, -1, (size_t)123,
	       (ssize_t)-5, (intmax_t)INT64_MIN, (ptrdiff_t)-77);
	printf("[%*d][%-*d][%.*d][%*.*d][%*d]\n", 6, 42, 6, 42, 4, 42, 8, 5, 42, -6, 42);
}

static void
strings_chars(void)
{
	printf("[%s][%10s][%-10s][%.2s][%10.3s][%-10.3s][%.0s][%s]\n", "hello", "hello", "hello",
	       "hello", "hello", "hello", "hello", "");
	printf("[%c][%3c][%-3c][%c%c%c]\n", 'a', 'b', 'c', 'x', 'y', 'z');
	printf("[%%][%p][%-10p][%p]\n", (void *)0x1234, (void *)0x1234, (void *)0xdeadbeef);
	printf("%s %d %s %c %x!\n", "mixed", 12, "args", '#', 0xabc);
}

/* values and formats for floats_fixed(): every format with every value */
/* the table reads better in rows than one value per line */
/* clang-format off */
static const double fixed_vals[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 2.675, 1.005,
	0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 3.14159265358979, 2.718281828459045, 123.456,
	999.9995, 9.9999995, 0.00001234, 1e-5, 1e-10, 1e-300, 4.9e-324,
	2.2250738585072014e-308, 1e10, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, 1e300,
	1.7976931348623157e308, 123456789.125, 0.9999999, 99.5, 100.5, 5e-7, 9.5e-5,
	0.00095, 12345.6789e-3
};
/* clang-format on */
static const char *const fixed_fmts[] = {
	"%f",	 "%.0f",  "%.1f",  "%.2f",   "%.3f",	 "%.10f",   "%e",    "%.0e",  "%.2e",
	"%.15e", "%E",	  "%g",	   "%.0g",   "%.1g",	 "%.3g",    "%.10g", "%.17g", "%G",
	"%#g",	 "%#.0f", "%#.0e", "%12.4f", "%-12.4f|", "%012.4f", "%+.3e", "% .3g", "%+012.3e"
};

static void
floats_fixed(void)
{
	size_t i, j;

	for (i = 0; i < sizeof(fixed_vals) / sizeof(fixed_vals[0]); i++) {
		for (j = 0; j < sizeof(fixed_fmts) / sizeof(fixed_fmts[0]); j++) {
			printf("[");
			printf(fixed_fmts[j], fixed_vals[i]);
			printf("]");
		}
		printf("\n");
	}
}

static void
floats_special(void)
{
	double inf = 1.0 / 0.0, nan = __builtin_nan("");

	printf("[%f][%F][%e][%E][%g][%G][%a][%A]\n", inf, inf, -inf, -inf, inf, -inf, inf, -inf);
	printf("[%f][%F][%e][%g][%8f][%-8f|][%08f][%+f]\n", nan, nan, -nan, nan, inf, inf, inf,
	       nan);
	printf("[%a][%a][%a][%a][%a]\n", 0.0, -0.0, 1.0, 0.1, 1e300);
	printf("[%.0a][%.1a][%.3a][%.13a][%.20a][%#a]\n", 1.5, 0x1.18p0, 0.1, 0.1, 0.1, 1.0);
	printf("[%12a][%-12a|][%012a][%+a][% a][%A]\n", 1.5, 1.5, 1.5, 1.5, 1.5, 255.75);
	printf("[%Lf][%Le][%Lg][%.30Lf][%.25Le]\n", 1.5L, 1e100L, 0.1L, 0.1L, 1.0L / 3);
	printf("[%.30f][%.40e]\n", 0.1, 1.0 / 3);
	printf("[%.0f][%.0f][%.0f][%.0f]\n", 0.5, 1.5, 2.5, 0.50000000001);
}

/* generated doubles: random bit patterns, so every exponent shows up */
static void
floats_generated(void)
{
	uint64_t s = 88172645463325252ULL, bits;
	double d;
	int i;

	for (i = 0; i < 300; i++) {
		bits = next_bits(&s);
		memcpy(&d, &bits, sizeof(d));
		if (d != d || d - d != 0) /* skip nan and inf */
			continue;
		printf("%.17g %.6e %.3g %a %.5a\n", d, d, d, d, d);
		if (d < 1e30 && d > -1e30)
			printf("%.20f %f\n", d, d);
	}
	for (i = 0; i < 100; i++) {
		/* short decimal values, where rounding ties are common */
		d = (double)(next_bits(&s) % 200001) / 1000.0 - 100.0;
		printf("%.0f %.1f %.2f %.3f %.2e %g\n", d, d, d, d, d, d);
	}
}

int
main(void)
{
	int n1, n2;
	char buf[16];
	volatile size_t size = sizeof(buf); /* unknown to the compiler's checks */

	integers();
	strings_chars();
	floats_fixed();
	floats_special();
	floats_generated();
	n1 = snprintf(buf, size, "%s-%d-%f", "truncate", 12345, 3.25);
	n2 = printf("%s|%d\n", buf, n1);
	printf("%d\n", n2);
	n1 = snprintf(NULL, 0, "%08.3f", -3.14159);
	printf("%d\n", n1);
	return 0;
}
