/*
 * tests/linux/fork_vmas.c - after fork, every kind of mapping is private
 * or shared as on Linux: the child writes to the heap, the stack, .data,
 * .bss, private and shared anonymous memory and a private file mapping,
 * and the parent reports what it sees. Then MAP_FIXED replacing part of a
 * mapping and straddling two, probed by contents and mprotect's return
 * codes; what each protection lets a child read, write and execute.
 * Prints only values, booleans and errno names.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096UL

static int data_var = 1; /* .data */
static int bss_var;	 /* .bss */

static const char *
errname(long ret)
{
	if (ret == 0)
		return "ok";
	return errno == ENOMEM ? "ENOMEM" : errno == EINVAL ? "EINVAL" : "other";
}

static void
fork_privacy(void)
{
	char *heap = malloc(64);
	volatile int stack_var = 1;
	int *anon = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int *shared = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int fd = open("/proc/self/exe", O_RDONLY);
	char *file = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	char *untouched =
		mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int status;

	strcpy(heap, "parent");
	*anon = 1;
	*shared = 1;
	bss_var = 1;
	if (fork() == 0) {
		strcpy(heap, "child");
		stack_var = 2;
		data_var = 2;
		bss_var = 2;
		*anon = 2;
		*shared = 2;
		file[0] = 'X';
		untouched[0] = 'c';
		_exit(0);
	}
	wait(&status);
	printf("heap %s, stack %d, data %d, bss %d\n", heap, stack_var, data_var, bss_var);
	printf("anon private %d, anon shared %d, file private ELF %d, untouched zero %d\n", *anon,
	       *shared, memcmp(file, "\177ELF", 4) == 0, untouched[0] == 0);
	/* And the other way: the parent writes, a new child reads. */
	*anon = 3;
	*shared = 3;
	if (fork() == 0)
		_exit(*anon * 10 + *shared);
	wait(&status);
	printf("child sees parent's later writes: %d\n", WEXITSTATUS(status));
	munmap(anon, PAGE);
	munmap(shared, PAGE);
	munmap(file, PAGE);
	munmap(untouched, PAGE);
	close(fd);
	free(heap);
}

static void
fixed_replacing(void)
{
	char *p = mmap(NULL, 6 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *q;

	munmap(p + 5 * PAGE, PAGE); /* keep clear of whatever lies above */
	memset(p, 'a', 5 * PAGE);
	q = mmap(p + PAGE, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("fixed replacing: at addr %d, zero %d, neighbours kept %d %d\n", q == p + PAGE,
	       q[0] == 0, p[0] == 'a', p[2 * PAGE] == 'a');
	printf("mprotect over the three parts: %s\n",
	       errname(mprotect(p, 3 * PAGE, PROT_READ | PROT_WRITE)));
	q[0] = 'b'; /* writable now */
	munmap(p + 3 * PAGE, PAGE);
	q = mmap(p + 2 * PAGE, 3 * PAGE, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	printf("fixed straddling a hole: at addr %d, zero %d %d, below kept %c%c\n",
	       q == p + 2 * PAGE, q[0] == 0, q[2 * PAGE] == 0, p[0], p[PAGE]);
	printf("whole range protectable: %s\n", errname(mprotect(p, 5 * PAGE, PROT_READ)));
	munmap(p, 5 * PAGE);
	printf("after munmap: %s\n", errname(mprotect(p, PAGE, PROT_READ)));
}

/* fate - how a child doing @what to @p ends: "ok" or the signal's name. */
static const char *
fate(char *p, char what)
{
	int status;

	if (fork() == 0) {
		if (what == 'r')
			(void)*(volatile char *)p;
		else if (what == 'w')
			*(volatile char *)p = 1;
		else
			((void (*)(void))p)();
		_exit(0);
	}
	wait(&status);
	if (!WIFSIGNALED(status))
		return "ok";
	return WTERMSIG(status) == SIGSEGV ? "SIGSEGV" : "signal";
}

static void
protections(void)
{
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = (char)0xc3; /* ret */
	printf("rw: read %s, write %s, execute %s\n", fate(p, 'r'), fate(p, 'w'), fate(p, 'x'));
	mprotect(p, PAGE, PROT_READ | PROT_EXEC);
	printf("rx: read %s, write %s, execute %s\n", fate(p, 'r'), fate(p, 'w'), fate(p, 'x'));
	mprotect(p, PAGE, PROT_READ);
	printf("r: read %s, write %s, execute %s\n", fate(p, 'r'), fate(p, 'w'), fate(p, 'x'));
	mprotect(p, PAGE, PROT_NONE);
	printf("none: read %s, write %s, execute %s\n", fate(p, 'r'), fate(p, 'w'), fate(p, 'x'));
	mprotect(p, PAGE, PROT_READ | PROT_WRITE);
	printf("contents kept through PROT_NONE: %d\n", p[0] == (char)0xc3);
	munmap(p, PAGE);
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	fork_privacy();
	fixed_replacing();
	protections();
	return 0;
}
