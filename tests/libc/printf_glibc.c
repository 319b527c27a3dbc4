/*
 * tests/libc/printf_glibc.c - printf output that C leaves to the library
 * and where Pagoda follows glibc (musl prints these differently), so this
 * program is compared with glibc only: NULL for %p and %s, subnormal
 * doubles and long doubles in %a, %m, glibc's error and signal texts.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>

/* flags C leaves undefined for %p, whose effect glibc defines */
#pragma GCC diagnostic ignored "-Wformat"

int
main(void)
{
	const char *volatile null = NULL; /* hidden from the format checks */
	int i;

	printf("[%p][%10p][%-10p|]\n", (void *)0, (void *)0, (void *)0);
	printf("[%+p][% p][%05p][%5%]\n", (void *)16, (void *)16, (void *)16);
	printf("[%s][%.3s][%.6s][%10s]\n", null, null, null, null);
	printf("[%a][%a][%.2a][%A]\n", 4.9e-324, 2.2250738585072009e-308, 4.9e-324, 1e-310);
	printf("[%La][%La][%.3La][%.0La][%La][%LA]\n", 1.0L, 3.0L, 3.0L, 0xf.8p0L, 0.0L, -0.1L);
	errno = ENOENT;
	printf("[%m][%20m]\n");
	for (i = 0; i <= 134; i++)
		printf("%d %s\n", i, strerror(i));
	printf("%d %s\n", -1, strerror(-1));
	for (i = 0; i <= 66; i++)
		printf("sig %d %s\n", i, strsignal(i));
	return 0;
}
