/*
 * libc/src/mman/brk.c - the program break: __brk(), brk(), sbrk().
 *
 * The break is the end of the heap: the kernel's mm->brk, starting at
 * mm->start_brk just above the program's bss. malloc's sysmalloc() grows
 * the heap with sbrk(), which calls brk(), which makes the brk system call
 * (Linux's mm/mmap.c, Pagoda's kernel/mm/mmap.c).
 *
 * The system call never fails in the usual sense: it returns the new break
 * on success and the unchanged old break when it cannot move it, and
 * brk(0) just asks for the current break. The library sees failure as "the
 * break is below the address I asked for" and reports ENOMEM, as glibc's
 * brk() does. The break is cached in __curbrk, as in glibc.
 *
 * The three functions are kept out of line (noinline), so that "break
 * brk" in GDB stops on the way from sbrk() to the kernel too.
 */
#include <unistd.h>
#include <errno.h>
#include <stdint.h>
#include "../internal/libc.h"
#include "../internal/syscall.h"

/* the current break as the kernel last reported it; 0 until first asked */
static unsigned long __curbrk;

/*
 * __brk - the raw system call: ask the kernel to move the break to @addr
 * (0: only ask). Returns the break after the call; it is below @addr when
 * the kernel refused. No errno.
 */
__attribute__((noinline)) unsigned long
__brk(unsigned long addr)
{
	return __syscall1(__NR_brk, addr);
}

/*
 * brk - set the break to @addr. Returns 0, or -1 with errno ENOMEM when
 * the kernel would not move it that far.
 */
__attribute__((noinline)) int
brk(void *addr)
{
	__curbrk = __brk((unsigned long)addr);
	if (__curbrk < (unsigned long)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * sbrk - move the break by @increment bytes (negative: shrink the heap).
 * Returns the old break, which is the start of the new memory when
 * growing; sbrk(0) returns the current break. On failure returns
 * (void *)-1 with errno ENOMEM and leaves the break where it was.
 */
__attribute__((noinline)) void *
sbrk(long increment)
{
	unsigned long old;

	if (__curbrk == 0)
		__curbrk = __brk(0);
	old = __curbrk;
	if (increment == 0)
		return (void *)old;

	/* an increment that wraps around the address space cannot succeed */
	if (increment > 0 ? old + increment < old : old < (unsigned long)-increment) {
		errno = ENOMEM;
		return (void *)-1;
	}
	if (brk((void *)(old + increment)) < 0)
		return (void *)-1;
	return (void *)old;
}
