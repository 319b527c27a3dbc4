/*
 * tests/linux/attacks.c - a user program trying to get at the kernel:
 * reading, writing and jumping to kernel addresses (the kernel image, the
 * direct map of RAM, the kernel stacks), to non-canonical addresses,
 * executing its own data, writing read-only mappings, and handing kernel
 * and read-only addresses to system calls. Every attempt must end in
 * SIGSEGV or EFAULT, as on Linux, and the kernel must carry on.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Addresses Pagoda's kernel uses (Linux's x86-64 layout has the same). */
#define KERNEL_TEXT   0xffffffff81000000UL /* Pagoda: the image; Linux: its text */
#define DIRECT_MAP    0xffff888000100000UL /* all of RAM, in both kernels */
#define KERNEL_STACKS 0xffffc90000001000UL /* Pagoda's kernel stacks; Linux: vmalloc */
#define NON_CANONICAL 0x0000800000000000UL /* the first address past the user half */
#define HIGH_NONCANON 0x8000000000000000UL

static unsigned long target;

/* Run @fn in a child; print how it ended. */
static void
run_child(const char *name, void (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		fn();
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid)
		printf("%s: waitpid failed: %s\n", name, strerror(errno));
	else if (WIFEXITED(status))
		printf("%s: exited %d\n", name, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("%s: killed by signal %d (%s)\n", name, WTERMSIG(status),
		       strsignal(WTERMSIG(status)));
}

static void
read_target(void)
{
	(void)*(volatile long *)target;
}

static void
write_target(void)
{
	*(volatile long *)target = 0x4141414141414141L;
}

static void
jump_target(void)
{
	((void (*)(void))target)();
}

/* Try each address three ways. */
static void
attack(const char *what, unsigned long addr)
{
	char name[64];

	target = addr;
	snprintf(name, sizeof(name), "read %s", what);
	run_child(name, read_target);
	snprintf(name, sizeof(name), "write %s", what);
	run_child(name, write_target);
	snprintf(name, sizeof(name), "jump to %s", what);
	run_child(name, jump_target);
}

static void
exec_heap_page(void)
{
	unsigned char *p =
		mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 0xc3; /* ret */
	((void (*)(void))(void *)p)();
}

static void
write_readonly_page(void)
{
	volatile char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	p[0] = 1;
}

/* System calls handed addresses the caller may not use: EFAULT each time. */
static void
syscall_pointers(void)
{
	static const struct {
		const char *what;
		unsigned long addr;
	} bad[] = {
		{ "kernel text", KERNEL_TEXT },
		{ "direct map", DIRECT_MAP },
		{ "kernel stacks", KERNEL_STACKS },
		{ "non-canonical", NON_CANONICAL },
		{ "top of the user half", NON_CANONICAL - 8 },
	};
	char *ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fds[2];

	if (pipe(fds) < 0)
		return;
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		void *p = (void *)bad[i].addr;
		long r1, r2, r3, r4, r5;
		int e1, e2, e3, e4, e5;

		errno = 0, r1 = write(fds[1], p, 16), e1 = errno;
		(void)!write(fds[1], "0123456789abcdef", 16);
		errno = 0, r2 = read(fds[0], p, 16), e2 = errno;
		errno = 0, r3 = uname(p), e3 = errno;
		errno = 0, r4 = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, p), e4 = errno;
		errno = 0, r5 = pipe(p), e5 = errno;
		printf("%s: write %ld %s, read %ld %s, uname %ld %s, clock_gettime %ld %s, "
		       "pipe %ld %s\n",
		       bad[i].what, r1, strerror(e1), r2, strerror(e2), r3, strerror(e3), r4,
		       strerror(e4), r5, strerror(e5));
		/* What read() could not store is still in the pipe: drain it. */
		char drain[16];

		(void)!read(fds[0], drain, sizeof(drain));
	}
	errno = 0;
	long r = uname((struct utsname *)ro);
	printf("uname into a read-only page: %ld %s\n", r, strerror(errno));
	(void)!write(fds[1], "x", 1);
	errno = 0;
	r = read(fds[0], ro, 1);
	printf("read into a read-only page: %ld %s\n", r, strerror(errno));
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	attack("kernel text", KERNEL_TEXT);
	attack("the direct map", DIRECT_MAP);
	attack("kernel stacks", KERNEL_STACKS);
	attack("a non-canonical address", NON_CANONICAL);
	attack("a negative non-canonical address", HIGH_NONCANON);
	attack("NULL", 0);
	run_child("execute a writable mmap page", exec_heap_page);
	run_child("write a read-only mmap page", write_readonly_page);
	syscall_pointers();
	printf("the kernel is still here\n");
	return 0;
}
