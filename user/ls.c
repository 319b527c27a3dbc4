/*
 * user/ls.c - list directories, one name per line, sorted.
 *
 * Reads the entries with the getdents64 system call (what readdir() does
 * underneath): a buffer of struct linux_dirent64 records, each with its
 * own length.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

struct linux_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen; /* this record's length */
	unsigned char d_type;
	char d_name[];
};

static int
compare(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
list(const char *path)
{
	char buf[4096], *names[512];
	int fd = open(path, O_RDONLY | O_DIRECTORY), n = 0;
	long len;

	if (fd < 0) {
		struct stat st;

		if (stat(path, &st) == 0) { /* a file: print its name */
			printf("%s\n", path);
			return 0;
		}
		fprintf(stderr, "ls: cannot access '%s': %s\n", path, strerror(errno));
		return 2;
	}
	while ((len = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < len;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

			if (d->d_name[0] != '.' && n < 512)
				names[n++] = strdup(d->d_name);
			off += d->d_reclen;
		}
	}
	close(fd);
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
