/*
 * tests/linux/preempt.c - the timer takes the CPU from a program that
 * never gives it up. The parent spins, without a system call, until its
 * child writes a flag in shared memory; on one CPU the child can only run
 * if the kernel preempts the parent. The two also compute in turn, and
 * their FPU/SSE registers must not leak into each other.
 */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static double
work(double seed)
{
	double x = seed;

	for (int i = 0; i < 200000; i++)
		x = x * 1.0000001 + 0.5 / (i + 1);
	return x;
}

int
main(void)
{
	volatile int *flag =
		mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;
	double expect_child = work(2.0);

	*flag = 0;
	pid_t pid = fork();

	if (pid == 0) {
		double r = work(2.0);

		*flag = r == expect_child ? 1 : 2;
		_exit(0);
	}
	double mine = work(3.0);
	unsigned long spins = 0;

	while (*flag == 0)
		spins++;
	waitpid(pid, &status, 0);
	printf("child's result was right: %d\n", *flag == 1);
	printf("parent's result is right: %d\n", mine == work(3.0));
	printf("child exited %d\n", WEXITSTATUS(status));
	return 0;
}
