/*
 * tests/libc/stdin_test.c - reading standard input through stdio: a
 * prompt without a newline, fgets() lines, getchar(), ungetc(), fread()
 * of the rest, and the end of input. The test feeds a fixed text on a
 * pipe.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>

int
main(void)
{
	char line[16], rest[256];
	int c, n = 0;
	size_t got;

	printf("prompt> ");
	while (n < 3 && fgets(line, sizeof(line), stdin)) {
		/* a line longer than the buffer comes in pieces */
		printf("line %d: %zu bytes [%.*s]%s\n", ++n, strlen(line), (int)strcspn(line, "\n"),
		       line, strchr(line, '\n') ? "" : " (cut)");
	}
	c = getchar();
	printf("getchar: '%c'\n", c);
	ungetc(c, stdin);
	c = getchar();
	printf("after ungetc: '%c'\n", c);
	got = fread(rest, 1, sizeof(rest), stdin);
	printf("fread: %zu bytes, last [%c]\n", got, got ? rest[got - 1] : '-');
	c = getchar();
	printf("at the end: %d, feof %d\n", c, feof(stdin) != 0);
	return 0;
}
