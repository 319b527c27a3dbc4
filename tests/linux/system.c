/*
 * tests/linux/system.c - system() and popen(), which run /bin/sh -c
 * through posix_spawn (clone with CLONE_VM | CLONE_VFORK in glibc and
 * musl): the command's output, its exit status, a pipe to read it from.
 * Built with glibc and musl (Pagoda's libc has no posix_spawn).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int
main(void)
{
	char line[64];

	setvbuf(stdout, NULL, _IONBF, 0);
	int status = system("echo from system");

	printf("system: exited %d with %d\n", WIFEXITED(status), WEXITSTATUS(status));
	status = system("exit 3");
	printf("system(\"exit 3\"): exited %d with %d\n", WIFEXITED(status), WEXITSTATUS(status));

	FILE *p = popen("echo through a pipe", "r");

	if (!p)
		return 1;
	if (fgets(line, sizeof(line), p))
		printf("popen read: %s", line);
	status = pclose(p);
	printf("pclose: exited %d with %d\n", WIFEXITED(status), WEXITSTATUS(status));
	return 0;
}
