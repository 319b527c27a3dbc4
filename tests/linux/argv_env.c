/*
 * tests/linux/argv_env.c - what a program finds at start-up: its
 * arguments, its environment and the auxiliary vector. Run with a fixed
 * environment, its output is the same on Linux and on Pagoda.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

int
main(int argc, char **argv, char **envp)
{
	int envc = 0;

	printf("argc=%d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]=\"%s\"\n", i, argv[i]);
	printf("argv[argc]=%s\n", argv[argc] == NULL ? "NULL" : "not NULL");
	for (char **e = envp; *e; e++)
		envc++;
	printf("envc=%d HOME=%s PATH=%s\n", envc, getenv("HOME"), getenv("PATH"));
	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("AT_PHENT=%lu AT_PHNUM>0=%d\n", getauxval(AT_PHENT), getauxval(AT_PHNUM) > 0);
	printf("AT_ENTRY nonzero=%d AT_RANDOM nonzero=%d\n", getauxval(AT_ENTRY) != 0,
	       getauxval(AT_RANDOM) != 0);
	printf("AT_PLATFORM=%s\n", (const char *)getauxval(AT_PLATFORM));
	printf("AT_EXECFN ends with argv_env: %d\n",
	       strstr((const char *)getauxval(AT_EXECFN), "argv_env") != NULL);
	printf("AT_UID=%lu AT_SECURE=%lu\n", getauxval(AT_UID) == getauxval(AT_EUID) ? 0UL : 1UL,
	       getauxval(AT_SECURE));
	return 0;
}
