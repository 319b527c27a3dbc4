/*
 * tests/libc/scanf_test.c - sscanf() and fscanf(): the return value (how
 * many were assigned, EOF at the end of input), integers of every base
 * and size, strings, characters, scansets, %n, '*', widths, floating
 * point, a /proc/self/maps-style line, and fscanf() on a pipe.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* fscanf on a stream: the byte that ends a field stays unread */
static void
streams(void)
{
	char s1[32] = "", s2[32] = "";
	int a = -1, b = -1, r, fds[2];
	FILE *fp;

	pipe(fds);
	write(fds[1], "10 20 word;tail\n", 16);
	close(fds[1]);
	fp = fdopen(fds[0], "r");
	r = fscanf(fp, "%d %d %[a-z]", &a, &b, s1);
	printf("fscanf %d: %d %d [%s], next byte '%c'\n", r, a, b, s1, fgetc(fp));
	r = fscanf(fp, "%s", s2);
	printf("fscanf %d: [%s]\n", r, s2);
	r = fscanf(fp, "%s", s2);
	printf("fscanf at the end: %d\n", r);
	fclose(fp);
}

int
main(void)
{
	int a = -1, b = -1, c = -1, n = -1, r;
	unsigned long lo = 0, hi = 0;
	long long ll = 0;
	short sh = 0;
	unsigned char uc = 0;
	char s1[32] = "", s2[32] = "", ch[4] = "";
	double d = 0;
	float f = 0;
	void *p = NULL;

	r = sscanf("12 34 56", "%d %d %d", &a, &b, &c);
	printf("%d: %d %d %d\n", r, a, b, c);
	r = sscanf("  -7,0x1f,017", "%d,%i,%i", &a, &b, &c);
	printf("%d: %d %d %d\n", r, a, b, c);
	r = sscanf("ff 777 101", "%x %o %d%n", &a, &b, &c, &n);
	printf("%d: %d %d %d n=%d\n", r, a, b, c, n);
	r = sscanf("00400000-00452000 r-xp 00000000 08:01 123 /bin/prog",
		   "%lx-%lx %4s %*x %*s %*d %31s", &lo, &hi, s1, s2);
	printf("%d: %lx %lx [%s] [%s] size %lu\n", r, lo, hi, s1, s2, hi - lo);
	r = sscanf("VmRSS:\t    1234 kB", "VmRSS: %lld kB", &ll);
	printf("%d: %lld\n", r, ll);
	r = sscanf("hello world", "%5s%c%3c", s1, &ch[0], &ch[1]);
	printf("%d: [%s] [%c] [%.3s]\n", r, s1, ch[0], ch + 1);
	r = sscanf("abc123def", "%[a-z]%[0-9]", s1, s2);
	printf("%d: [%s] [%s]\n", r, s1, s2);
	r = sscanf("key=value;rest", "%[^=]=%[^;]", s1, s2);
	printf("%d: [%s] [%s]\n", r, s1, s2);
	r = sscanf("3.25 -1e3 inf", "%lf %f %s", &d, &f, s1);
	printf("%d: %g %g %s\n", r, d, f, s1);
	r = sscanf("70000 300", "%hd %hhu", &sh, &uc);
	printf("%d: %d %d\n", r, sh, uc);
	r = sscanf("12345", "%3d%d", &a, &b);
	printf("%d: %d %d\n", r, a, b);
	r = sscanf("100%", "%d%%", &a);
	printf("%d: %d\n", r, a);
	r = sscanf("x", "%d", &a);
	printf("mismatch: %d\n", r);
	r = sscanf("", "%d", &a);
	printf("empty input: %d\n", r);
	r = sscanf("   ", "%s", s1);
	printf("only spaces: %d\n", r);
	r = sscanf("5 x", "%d %d", &a, &b);
	printf("partial: %d %d\n", r, a);
	r = sscanf("0x1234", "%p", &p);
	printf("%d: %d\n", r, p == (void *)0x1234);

	streams();
	return 0;
}
