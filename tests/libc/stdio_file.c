/*
 * tests/libc/stdio_file.c - streams on files: fopen() modes, fprintf(),
 * fgets(), fgetc(), ungetc(), fread(), feof(), append mode, fdopen() on a
 * pipe, and fopen() failure. argv[1] is a scratch file name.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "stdio_file.tmp";
	char line[64], big[16];
	FILE *f;
	int c, fds[2];
	size_t n;

	f = fopen(path, "w");
	fprintf(f, "first line %d\nsecond line\n", 1);
	fputs("third", f);
	printf("fclose after writing: %d\n", fclose(f));

	f = fopen(path, "r");
	while (fgets(line, sizeof(line), f))
		printf("fgets: [%s]\n", line);
	printf("feof %d ferror %d\n", feof(f) != 0, ferror(f) != 0);
	fclose(f);

	f = fopen(path, "a");
	fputs("\nfourth\n", f);
	fclose(f);

	f = fopen(path, "r");
	c = fgetc(f);
	printf("fgetc: %c", c);
	c = ungetc('X', f);
	printf(", ungetc: %c", c);
	c = fgetc(f);
	printf(", again: %c\n", c);
	n = fread(big, 1, sizeof(big), f);
	printf("fread: %zu [%.*s]\n", n, (int)n, big);
	fgets(line, 5, f);
	printf("fgets with a small buffer: [%s]\n", line);
	while ((c = fgetc(f)) != EOF)
		putchar(c == '\n' ? '|' : c);
	printf("\nat end: feof %d", feof(f) != 0);
	printf(", fgetc %d\n", fgetc(f));
	fclose(f);
	unlink(path);

	errno = 0;
	f = fopen(path, "r");
	printf("fopen of a removed file: %s, errno %d (%s)\n", f ? "opened" : "NULL", errno,
	       strerror(errno));

	pipe(fds);
	f = fdopen(fds[1], "w");
	fprintf(f, "through a pipe %d\n", 99);
	fclose(f);
	f = fdopen(fds[0], "r");
	printf("read back: %s", fgets(line, sizeof(line), f));
	printf("then EOF: %d\n", fgetc(f));
	fclose(f);
	return 0;
}
