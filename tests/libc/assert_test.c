/*
 * tests/libc/assert_test.c - a failing assert(): glibc's message on
 * stderr, then abort() (status: killed by SIGABRT). stdout written before
 * is not flushed by abort(), as in glibc since 2.27.
 */
#define _GNU_SOURCE
#include <assert.h>
#include <stdio.h>

static int
check(int x)
{
	assert(x * 2 == 6);
	return x;
}

int
main(void)
{
	printf("this stays in the buffer\n");
	check(3);
	fprintf(stderr, "first assert passed\n");
	check(4);
	printf("not reached\n");
	return 0;
}
