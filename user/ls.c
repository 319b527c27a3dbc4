/*
 * user/ls.c - list directories, one name per line, sorted.
 *
 * Reads the entries with opendir()/readdir(), which call the getdents64
 * system call underneath.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <unistd.h>

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
list(const char *path)
{
	char *names[512];
	DIR *dir = opendir(path);
	struct dirent *d;
	int n = 0;

	if (!dir) {
		struct stat st;

		if (stat(path, &st) == 0) { /* a file: print its name */
			printf("%s\n", path);
			return 0;
		}
		fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	while ((d = readdir(dir)) != NULL)
		if (d->d_name[0] != '.' && n < 512)
			names[n++] = strdup(d->d_name);
	closedir(dir);
	qsort(names, n, sizeof(names[0]), compare);
	for (int i = 0; i < n; i++) {
		printf("%s\n", names[i]);
		free(names[i]);
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int status = 0;

	if (argc == 1)
		return list(".");
	for (int i = 1; i < argc; i++) {
		if (argc > 2)
			printf("%s%s:\n", i > 1 ? "\n" : "", argv[i]);
		status |= list(argv[i]);
	}
	return status;
}
