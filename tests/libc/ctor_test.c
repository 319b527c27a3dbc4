/*
 * tests/libc/ctor_test.c - what runs before and after main(): constructors
 * (.init_array, with argc/argv), then main, then at exit the atexit()
 * handlers (last registered first), then the destructors, then the stdio
 * flush that prints everything (stdout is a pipe here).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

static int constructed;

__attribute__((constructor)) static void
first_constructor(void)
{
	constructed = 1;
	printf("constructor runs before main\n");
}

__attribute__((destructor)) static void
destructor(void)
{
	printf("destructor runs after the atexit handlers\n");
}

static void
handler_a(void)
{
	printf("atexit handler a\n");
}

static void
handler_b(void)
{
	printf("atexit handler b\n");
	atexit(handler_a); /* registered during exit: runs next */
}

int
main(void)
{
	printf("main sees the constructor's work: %d\n", constructed);
	atexit(handler_a);
	atexit(handler_b);
	return 5;
}
