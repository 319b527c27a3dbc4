/*
 * tests/libc/buffering.c - when stdio's output reaches the fd, as glibc
 * does it: stdout is fully buffered on a pipe or file (printf output
 * comes after the direct write()s, at exit or fflush) and line-buffered
 * on a terminal; stderr is unbuffered; setvbuf() modes on a second
 * stream on fd 1. The test runs this with stdout on a pipe, a file and a
 * pseudo-terminal.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* write(2) straight to fd 1, bypassing stdio */
static void
direct(const char *s)
{
	write(1, s, strlen(s));
}

int
main(void)
{
	FILE *f;

	printf("1 printf with newline\n");
	direct("2 write\n");
	printf("3 printf without newline, ");
	direct("4 write\n");
	puts("5 puts");
	fflush(stdout);
	direct("6 write after fflush\n");
	putchar('7');
	putchar('\n');
	fputs("8 fputs\n", stdout);
	fwrite("9 fwrite\n", 1, 9, stdout);
	direct("10 write\n");
	fflush(stdout);

	f = fdopen(dup(1), "w");
	setvbuf(f, NULL, _IONBF, 0);
	fprintf(f, "11 unbuffered stream\n");
	direct("12 write\n");
	fclose(f);

	f = fdopen(dup(1), "w");
	setvbuf(f, NULL, _IOLBF, 0);
	fprintf(f, "13 line-buffered stream, ");
	direct("14 write\n");
	fprintf(f, "end of 13\n");
	direct("15 write\n");
	fprintf(f, "16 stays in the buffer until fclose, ");
	direct("17 write\n");
	fclose(f);
	direct("\n");

	f = fdopen(dup(1), "w");
	fprintf(f, "18 fully buffered stream\n");
	direct("19 write\n");
	fclose(f);

	printf("20 printf left for exit()\n");
	direct("21 last write\n");
	return 0;
}
