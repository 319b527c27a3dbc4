/* tests/libc/hello.c - the smallest program: one line through stdio. */
#include <stdio.h>

int
main(void)
{
	printf("Hello, world!\n");
	return 0;
}
