/*
 * user/membench.c - what the memory system calls cost, in TSC cycles.
 *
 * Each figure is the median over BATCHES batches of the cycles one
 * operation takes (a batch's rdtsc difference over its iterations), one
 * line per figure: "name cycles". The same source builds with Pagoda's C
 * library (runs on Pagoda) and with `gcc -static` (runs on Linux), so the
 * two kernels can be compared line by line (tools/bench.py).
 *
 * "execve" is the median of fork+execve+wait4 minus that of fork+wait4:
 * the cost of replacing a process image with /bin/echo and running it to
 * its exit. Without /bin/echo the line is left out.
 *
 * Under QEMU's software emulation the TSC counts emulated time: compare
 * figures with each other, not with a real machine's.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define BATCHES	 7
#define PAGE	 4096UL
#define BIG_AREA (64UL << 20) /* the first-touch figures' mapping */

static inline uint64_t
rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi)::"memory");
	return ((uint64_t)hi << 32) | lo;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* One operation, run @iters times per batch; returns nothing useful. */
typedef void (*bench_fn)(long iters);

/* median_cycles - the median over BATCHES of @fn's cycles per iteration. */
static uint64_t
median_cycles(bench_fn fn, long iters)
{
	uint64_t per[BATCHES];

	for (int b = 0; b < BATCHES; b++) {
		uint64_t t0 = rdtsc();

		fn(iters);
		per[b] = (rdtsc() - t0) / (uint64_t)iters;
	}
	qsort(per, BATCHES, sizeof(per[0]), cmp_u64);
	return per[BATCHES / 2];
}

static void
do_getppid(long iters)
{
	for (long i = 0; i < iters; i++)
		syscall(SYS_getppid);
}

static void
do_brk0(long iters)
{
	for (long i = 0; i < iters; i++)
		syscall(SYS_brk, 0);
}

static void
do_brk_page(long iters)
{
	char *b = (char *)syscall(SYS_brk, 0);

	for (long i = 0; i < iters; i++) {
		syscall(SYS_brk, b + PAGE);
		b[PAGE - 1] = 1; /* a fresh page each time: the shrink freed it */
		syscall(SYS_brk, b);
	}
}

static void
do_mmap_munmap(long iters)
{
	for (long i = 0; i < iters; i++) {
		void *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);

		munmap(p, PAGE);
	}
}

static void
do_mmap_touch_munmap(long iters)
{
	for (long i = 0; i < iters; i++) {
		char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
			       0);

		*p = 1;
		munmap(p, PAGE);
	}
}

static void
do_fork_wait(long iters)
{
	for (long i = 0; i < iters; i++) {
		pid_t pid = fork();

		if (pid == 0)
			_exit(0);
		wait4(pid, NULL, 0, NULL);
	}
}

static void
do_fork_exec_wait(long iters)
{
	for (long i = 0; i < iters; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			char *argv[] = { "echo", NULL }, *envp[] = { NULL };
			int fd = open("/dev/null", O_WRONLY);

			if (fd >= 0)
				dup2(fd, 1);
			execve("/bin/echo", argv, envp);
			_exit(127);
		}
		wait4(pid, NULL, 0, NULL);
	}
}

static void
do_malloc_small(long iters)
{
	for (long i = 0; i < iters; i++) {
		volatile char *p = malloc(64);

		p[0] = 1;
		free((void *)p);
	}
}

static void
do_malloc_large(long iters)
{
	for (long i = 0; i < iters; i++) {
		volatile char *p = malloc(256 * 1024);

		p[0] = 1;
		free((void *)p);
	}
}

/* first_touch - cycles per page to fault in a fresh BIG_AREA mapping. */
static uint64_t
first_touch(int write)
{
	uint64_t per[BATCHES];

	for (int b = 0; b < BATCHES; b++) {
		volatile char *p = mmap(NULL, BIG_AREA, PROT_READ | PROT_WRITE,
					MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		char sink = 0;
		uint64_t t0 = rdtsc();

		for (unsigned long off = 0; off < BIG_AREA; off += PAGE) {
			if (write)
				p[off] = 1;
			else
				sink += p[off];
		}
		per[b] = (rdtsc() - t0) / (BIG_AREA / PAGE);
		munmap((void *)p, BIG_AREA);
		(void)sink;
	}
	qsort(per, BATCHES, sizeof(per[0]), cmp_u64);
	return per[BATCHES / 2];
}

/* execve_cycles - fork+execve+wait4 less fork+wait4, or 0 without /bin/echo. */
static uint64_t
execve_cycles(uint64_t fork_wait)
{
	uint64_t total;

	if (access("/bin/echo", X_OK) != 0)
		return 0;
	total = median_cycles(do_fork_exec_wait, 3);
	return total > fork_wait ? total - fork_wait : 0;
}

int
main(void)
{
	uint64_t fork_wait, exec;

	setvbuf(stdout, NULL, _IONBF, 0);
	printf("getppid %llu\n", (unsigned long long)median_cycles(do_getppid, 1000));
	printf("brk(0) %llu\n", (unsigned long long)median_cycles(do_brk0, 1000));
	printf("brk grow+touch+shrink (1 page) %llu\n",
	       (unsigned long long)median_cycles(do_brk_page, 200));
	printf("first-touch write fault per 4 KiB (64 MiB) %llu\n",
	       (unsigned long long)first_touch(1));
	printf("first-touch read fault per 4 KiB %llu\n", (unsigned long long)first_touch(0));
	printf("mmap+munmap 1 page %llu\n", (unsigned long long)median_cycles(do_mmap_munmap, 200));
	printf("mmap+touch+munmap 1 page %llu\n",
	       (unsigned long long)median_cycles(do_mmap_touch_munmap, 200));
	fork_wait = median_cycles(do_fork_wait, 10);
	printf("fork+wait4 %llu\n", (unsigned long long)fork_wait);
	exec = execve_cycles(fork_wait);
	if (exec)
		printf("execve %llu\n", (unsigned long long)exec);
	printf("malloc/free 64 B %llu\n",
	       (unsigned long long)median_cycles(do_malloc_small, 10000));
	printf("malloc/free 256 KiB %llu\n",
	       (unsigned long long)median_cycles(do_malloc_large, 1000));
	return 0;
}
