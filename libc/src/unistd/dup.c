/*
 * libc/src/unistd/dup.c - duplicating descriptors and making pipes: dup(),
 * dup2(), pipe().
 */
#include <unistd.h>
#include "../internal/syscall.h"

/* dup - a new fd (the lowest free one) for @oldfd's open file */
int
dup(int oldfd)
{
	return __syscall_ret(__syscall1(__NR_dup, oldfd));
}

/*
 * dup2 - make @newfd refer to @oldfd's open file, closing what @newfd
 * referred to first. Returns @newfd, or -1 with errno.
 */
int
dup2(int oldfd, int newfd)
{
	return __syscall_ret(__syscall2(__NR_dup2, oldfd, newfd));
}

/*
 * pipe - create a pipe: @pipefd[0] is its read end, @pipefd[1] its write
 * end. Returns 0, or -1 with errno.
 */
int
pipe(int pipefd[2])
{
	return __syscall_ret(__syscall1(__NR_pipe, (long)pipefd));
}
