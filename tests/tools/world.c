/*
 * tests/tools/world.c - print what a program finds around it: its working
 * directory, whether fd 0 is a terminal, environment variables, files and
 * its standard input, each byte outside printable ASCII as \xHH.
 *
 * Usage: world [-v NAME]... [-f FILE]... [-i]
 *	-v NAME	print NAME=VALUE, or "NAME unset"
 *	-f FILE	print FILE's size and bytes
 *	-i	read standard input to end-of-file and print its size and bytes
 *
 * tests/tools/test_run_tools.py runs it under tools/run-elf, tools/run-linux
 * and tools/compare with --file, -e, --cwd and a piped standard input;
 * built with glibc (gcc -static), the output must be the same everywhere.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* put_bytes - @len bytes of @buf, escaped, then a newline. */
static void
put_bytes(const unsigned char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (buf[i] >= 0x20 && buf[i] < 0x7f && buf[i] != '\\')
			putchar(buf[i]);
		else
			printf("\\x%02x", buf[i]);
	}
	putchar('\n');
}

/* dump_fd - read @fd to end-of-file; print "@what: N bytes: ..." or the error. */
static void
dump_fd(const char *what, int fd)
{
	static unsigned char buf[1 << 16];
	size_t len = 0;
	ssize_t n;

	while (len < sizeof(buf) && (n = read(fd, buf + len, sizeof(buf) - len)) > 0)
		len += n;
	if (n < 0) {
		printf("%s: read: %m\n", what);
		return;
	}
	printf("%s: %zu bytes: ", what, len);
	put_bytes(buf, len);
}

int
main(int argc, char **argv)
{
	char cwd[4096];

	if (getcwd(cwd, sizeof(cwd)))
		printf("cwd: %s\n", cwd);
	else
		printf("cwd: %m\n");
	printf("stdin is %sa terminal\n", isatty(0) ? "" : "not ");
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0 && i + 1 < argc) {
			const char *value = getenv(argv[++i]);

			if (value)
				printf("%s=%s\n", argv[i], value);
			else
				printf("%s unset\n", argv[i]);
		} else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
			int fd = open(argv[++i], O_RDONLY);

			if (fd < 0) {
				printf("%s: %m\n", argv[i]);
				continue;
			}
			dump_fd(argv[i], fd);
			close(fd);
		} else if (strcmp(argv[i], "-i") == 0) {
			dump_fd("stdin", 0);
		}
	}
	return 0;
}
