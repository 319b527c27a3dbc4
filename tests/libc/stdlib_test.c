/*
 * tests/libc/stdlib_test.c - <stdlib.h>: integer parsing with its end
 * pointer and ERANGE (C leaves errno for "no digits" open: musl sets
 * EINVAL, glibc nothing), simple strtod() values, qsort() and bsearch() on
 * distinct keys, abs/div, rand() determinism, atexit() order.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>

static void
parse(const char *s, int base)
{
	char *end;
	long v;
	unsigned long u;

	errno = 0;
	v = strtol(s, &end, base);
	printf("strtol(\"%s\", %d) = %ld, end +%ld, ERANGE %d\n", s, base, v, (long)(end - s),
	       errno == ERANGE);
	errno = 0;
	u = strtoul(s, &end, base);
	printf("strtoul(\"%s\", %d) = %lu, end +%ld, ERANGE %d\n", s, base, u, (long)(end - s),
	       errno == ERANGE);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
bye1(void)
{
	printf("atexit handler 1 (registered first, runs last)\n");
}

static void
bye2(void)
{
	printf("atexit handler 2\n");
}

/* the inputs for the parsing tests */
/* clang-format off */
static const char *const ints[] = {
	"0", "42", "-42", "  +17xyz", "0x1f", "0X1F", "017", "0x", "08", "z", "",
	"9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "18446744073709551615", "18446744073709551616", "-1",
};
static const char *const dbls[] = {
	"3.5", "-2.25", "1e10", "0.5e-3", "  42", "inf", "-INFINITY", "1.5x", "abc",
};
/* clang-format on */

/* strtol and friends over every input, then atoi/atol */
static void
parsing(void)
{
	char *end;
	double v;
	int i;

	for (i = 0; i < (int)(sizeof(ints) / sizeof(ints[0])); i++)
		parse(ints[i], 0);
	parse("777", 8);
	parse("zz", 36);
	parse("11", 2);
	for (i = 0; i < (int)(sizeof(dbls) / sizeof(dbls[0])); i++) {
		v = strtod(dbls[i], &end);
		printf("strtod(\"%s\") = %g, end +%ld\n", dbls[i], v, (long)(end - dbls[i]));
	}
	printf("atoi: %d %d %d atol: %ld\n", atoi("123"), atoi("-9"), atoi("x"), atol("-77"));
}

int
main(void)
{
	int a[] = { 5, -3, 99, 0, 42, -100, 7, 13, 2, 64, 1000, -1 };
	char *words[] = { "pear", "apple", "fig", "banana", "cherry", "date" };
	int key, i, r1[5], r2[5];
	int *hit;
	div_t d;

	parsing();

	qsort(a, 12, sizeof(int), cmp_int);
	for (i = 0; i < 12; i++)
		printf("%d ", a[i]);
	printf("\n");
	qsort(words, 6, sizeof(char *), cmp_str);
	for (i = 0; i < 6; i++)
		printf("%s ", words[i]);
	printf("\n");
	for (key = -100; key <= 100; key += 50) {
		hit = bsearch(&key, a, 12, sizeof(int), cmp_int);
		printf("bsearch %d: %s\n", key, hit ? "found" : "missing");
	}
	d = div(-7, 2);
	printf("abs %d labs %ld div %d %d\n", abs(-5), labs(-6L), d.quot, d.rem);

	srand(7);
	for (i = 0; i < 5; i++)
		r1[i] = rand();
	srand(7);
	for (i = 0; i < 5; i++)
		r2[i] = rand();
	printf("rand is repeatable: %d, in range: %d\n", memcmp(r1, r2, sizeof(r1)) == 0,
	       r1[0] >= 0 && r1[0] <= RAND_MAX);

	atexit(bye1);
	atexit(bye2);
	return 0;
}
