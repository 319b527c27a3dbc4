/* tests/linux/hello.c - hello world, built with each C library. */
#include <stdio.h>

int
main(void)
{
	printf("Hello, world!\n");
	return 0;
}
