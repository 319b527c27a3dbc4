/*
 * tests/libc/errno_test.c - errno after failing system calls: each call's
 * return value, the errno value and its strerror() text, and perror() on
 * stderr (the test compares stderr too).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <signal.h>

static int show_text = 1; /* "--numbers": leave out strerror() (musl's texts differ) */

/* print a call's result and, when it failed, errno and its text */
static void
report(const char *what, long ret)
{
	if (ret < 0 && show_text)
		printf("%s = %ld, errno %d (%s)\n", what, ret, errno, strerror(errno));
	else if (ret < 0)
		printf("%s = %ld, errno %d\n", what, ret, errno);
	else
		printf("%s = %ld\n", what, ret);
}

int
main(int argc, char **argv)
{
	struct stat st;
	char buf[8];

	show_text = !(argc > 1 && strcmp(argv[1], "--numbers") == 0);
	errno = 0;
	report("open missing", open("/nonexistent/pagoda-file", O_RDONLY));
	report("write bad fd", write(99, "x", 1));
	report("read bad fd", read(-1, buf, 1));
	report("close bad fd", close(1000));
	report("lseek on pipe-less fd", lseek(99, 0, SEEK_SET));
	report("stat missing", stat("/nonexistent", &st));
	report("fstat bad fd", fstat(77, &st));
	report("open dir for write", open("/", O_WRONLY));
	report("unlink missing", unlink("/nonexistent/x"));
	report("munmap unaligned", munmap((void *)1, 4096));
	report("mmap bad flags", (long)mmap(NULL, 4096, PROT_READ, 0, -1, 0));
	report("kill bad signal", kill(getpid(), 1000));
	report("waitpid no child", waitpid(-1, NULL, 0));
	report("dup2 bad fd", dup2(55, 3));
	report("execve missing",
	       execve("/nonexistent", (char *[]){ "x", NULL }, (char *[]){ NULL }));
	report("isatty bad fd", isatty(99) ? 1 : -1);
	if (show_text) {
		errno = EBADF;
		fflush(stdout);
		perror("perror says");
		errno = 0;
		perror(NULL);
	}
	report("write ok", write(1, "", 0));
	return 3;
}
