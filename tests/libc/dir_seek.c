/*
 * tests/libc/dir_seek.c - directories through opendir()/readdir() (the
 * names sorted, since the order is the file system's), and stream
 * positioning: fseek(), ftell(), rewind() while reading and writing, and
 * getline() over lines longer than its first buffer. argv[1] is a scratch
 * file name in an empty directory.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

static int
cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* list the current directory, sorted */
static void
list_directory(void)
{
	char *names[16];
	struct dirent *de;
	int n = 0, i;
	DIR *d = opendir(".");

	while (n < 16 && (de = readdir(d)))
		names[n++] = strdup(de->d_name);
	qsort(names, n, sizeof(names[0]), cmp_name);
	for (i = 0; i < n; i++) {
		printf("entry: %s\n", names[i]);
		free(names[i]);
	}
	printf("closedir: %d\n", closedir(d));
	errno = 0;
	d = opendir("missing");
	printf("opendir of a missing path: %s, errno %d\n", d ? "DIR" : "NULL", errno);
}

static void
positions(const char *path)
{
	FILE *f = fopen(path, "w+");
	char buf[32], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int i;

	fputs("0123456789\n", f);
	printf("ftell after writing: %ld\n", ftell(f));
	rewind(f);
	printf("after rewind: %ld", ftell(f));
	printf(", first byte %c\n", fgetc(f));
	fseek(f, 5, SEEK_SET);
	printf("fseek 5: %c", fgetc(f));
	printf(", ftell %ld\n", ftell(f));
	fseek(f, -3, SEEK_END);
	printf("fseek -3 from end: %c\n", fgetc(f));
	fseek(f, -4, SEEK_CUR);
	printf("fseek -4 from here: %c\n", fgetc(f));
	fseek(f, 2, SEEK_SET);
	fputs("AB", f);
	fseek(f, 0, SEEK_SET);
	printf("after overwriting: %s", fgets(buf, sizeof(buf), f));
	fseek(f, 0, SEEK_END);
	for (i = 1; i <= 3; i++) {
		memset(buf, 'a' + i, sizeof(buf) - 1);
		buf[sizeof(buf) - 1] = '\0';
		fprintf(f, "%d:%s%s%s%s\n", i, buf, buf, buf, buf);
	}
	rewind(f);
	while ((len = getline(&line, &cap, f)) != -1)
		printf("getline: %zd bytes, starts %.6s\n", len, line);
	free(line);
	fclose(f);
	unlink(path);
}

int
main(int argc, char **argv)
{
	int fd = open(argc > 1 ? argv[1] : "scratch", O_CREAT | O_WRONLY, 0644);

	close(fd);
	list_directory();
	positions(argc > 1 ? argv[1] : "scratch");
	return 0;
}
