/*
 * tests/libc/args.c - what _start and __libc_start_main hand to main():
 * argc, argv, one environment variable through both envp and getenv(),
 * the auxiliary vector (getauxval), and the exit status from main's
 * return value.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>

int
main(int argc, char **argv, char **envp)
{
	int i, n = 0;

	printf("argc=%d\n", argc);
	for (i = 0; i < argc; i++)
		printf("argv[%d]=\"%s\"\n", i, argv[i]);
	printf("argv[argc]=%s\n", argv[argc] ? "not NULL" : "NULL");
	for (i = 0; envp[i]; i++) {
		if (strncmp(envp[i], "PAGODA_TEST=", 12) == 0)
			printf("envp: %s\n", envp[i]);
		n++;
	}
	printf("environ is envp: %d, %d entries\n", environ == envp, n);
	printf("getenv(PAGODA_TEST)=%s\n", getenv("PAGODA_TEST"));
	printf("getenv(NOT_SET)=%s\n", getenv("PAGODA_NOT_SET") ? "set" : "(unset)");
	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("AT_ENTRY is nonzero: %d\n", getauxval(AT_ENTRY) != 0);
	printf("AT_RANDOM is nonzero: %d\n", getauxval(AT_RANDOM) != 0);
	printf("AT_PHNUM is nonzero: %d\n", getauxval(AT_PHNUM) != 0);
	printf("getpagesize=%d sysconf=%ld\n", getpagesize(), sysconf(_SC_PAGESIZE));
	setenv("PAGODA_NEW", "fresh", 0);
	setenv("PAGODA_TEST", "changed", 1);
	setenv("PAGODA_NEW", "ignored", 0);
	printf("after setenv: %s %s\n", getenv("PAGODA_TEST"), getenv("PAGODA_NEW"));
	unsetenv("PAGODA_TEST");
	printf("after unsetenv: %s\n", getenv("PAGODA_TEST") ? "set" : "(unset)");
	return argc + 40;
}
