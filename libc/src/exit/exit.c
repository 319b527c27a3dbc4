/*
 * libc/src/exit/exit.c - ending the process: atexit(), exit(), _Exit(),
 * _exit().
 *
 * exit() is the normal way out, also after main() returns (see
 * __libc_start_main()): it runs the atexit() handlers in reverse order of
 * registration, then the destructors (.fini_array, last first), flushes
 * every stdio stream, then makes the exit_group
 * system call, which ends every thread of the process (Pagoda's processes
 * have one). _exit()/_Exit() skip the handlers and the flushing, as after
 * fork() in a child that must not flush its parent's buffers. _exit() is
 * kept out of line so a breakpoint on it catches every way out.
 */
#include <stdlib.h>
#include <unistd.h>
#include "../internal/libc.h"
#include "../internal/syscall.h"

/* the destructor table, bracketed by GNU ld like .init_array */
extern void (*__fini_array_start[])(void) __attribute__((weak));
extern void (*__fini_array_end[])(void) __attribute__((weak));

#define ATEXIT_MAX 32 /* C11 7.22.4.2 requires room for at least 32 */

static void (*atexit_funcs[ATEXIT_MAX])(void); /* in order of registration */
static int atexit_count;

/*
 * atexit - register @function to be called by exit().
 * Returns 0, or -1 when the table is full.
 */
int
atexit(void (*function)(void))
{
	if (atexit_count == ATEXIT_MAX)
		return -1;
	atexit_funcs[atexit_count++] = function;
	return 0;
}

/*
 * _exit - end the process at once with @status (its low 8 bits reach the
 * parent's wait status). No handlers run and no stream is flushed.
 */
__attribute__((noinline)) _Noreturn void
_exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

_Noreturn void
_Exit(int status)
{
	_exit(status);
}

/*
 * exit - run the atexit() handlers (last registered first) and the
 * destructors, flush stdio and end the process with @status.
 */
_Noreturn void
exit(int status)
{
	size_t n = __fini_array_end - __fini_array_start;

	/* a handler may call atexit() again: take them one at a time */
	while (atexit_count > 0)
		atexit_funcs[--atexit_count]();
	while (n > 0)
		__fini_array_start[--n]();
	__stdio_exit();
	_exit(status);
}
