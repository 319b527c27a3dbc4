/*
 * tests/linux/printf_heavy.c - a lot of formatted output: integers of
 * every width, strings, characters and floating point, through stdio's
 * buffering (more than one buffer's worth).
 */
#include <limits.h>
#include <stdio.h>

int
main(void)
{
	static const double vals[] = { 0.0,   -0.0,   1.0,	     -1.5, 3.14159265358979,
				       1e-10, 1e10,   123456789.125, 0.1,  2.5,
				       1e300, -1e-300 };

	for (int i = -5; i <= 5; i++)
		printf("%d %5d %-5d| %05d %x %o %+d\n", i * 1234567, i, i, i, (unsigned)i * 77u,
		       (unsigned)(i + 5) * 8u, i);
	printf("%ld %lu %lld %llx\n", LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX);
	printf("%s|%10s|%-10s|%.3s|%c%c\n", "pagoda", "right", "left", "truncate", 'o', 'k');
	for (unsigned i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		printf("%f %e %g %.3f %10.2e %G\n", vals[i], vals[i], vals[i], vals[i], vals[i],
		       vals[i]);
	for (int i = 0; i < 500; i++)
		printf("line %03d: %08x %s\n", i, i * 2654435761u, i % 2 ? "odd" : "even");
	return 0;
}
