/*
 * user/cow_demo.c - fork and copy-on-write, counted (lecture L5, lab cow).
 *
 * Writes 256 pages (1 MiB) of its .bss, forks, and counts what
 * fork and the writes after it cost, from /proc/meminfo (MemFree) and the
 * cow_fault line of /proc/vmstat (one per page copied): fork maps the
 * parent's frames in the child and copies none; reading them copies none;
 * the first write to each page copies it; once the child has exited, the
 * parent's frames are its own again and its writes copy nothing.
 *
 * cow_fault is a system-wide count, so the child measures only while the
 * parent sleeps in waitpid (it waits for "State: S" in /proc/PPID/status).
 */
#include <sched.h>
#include <sys/wait.h>

#include "memshow.h"

#define NPAGES 256
#define PAGE   4096

/* Anonymous memory without mmap (the ELF loader maps .bss). */
static unsigned char mem[NPAGES * PAGE] __attribute__((aligned(PAGE)));

static long
cow_faults(void)
{
	return proc_value("/proc/vmstat", "cow_fault");
}

/* Wait until the parent sleeps (in waitpid), so that it faults no more. */
static void
wait_parent_asleep(void)
{
	char path[64];
	static char buf[4096];

	snprintf(path, sizeof(path), "/proc/%d/status", getppid());
	for (;;) {
		read_file(path, buf, sizeof(buf));
		char *state = strstr(buf, "State:\t");

		if (!state || state[7] == 'S')
			return;
		sched_yield();
	}
}

static int
child(long free_before)
{
	long before, after, sum = 0;

	wait_parent_asleep();
	long used = free_before - proc_value("/proc/meminfo", "MemFree");

	if (used < NPAGES * PAGE / 1024 / 2)
		printf("2. fork: the child maps the same %d frames, read-only (MemFree -%ld kB, "
		       "a copy would take %d kB)\n",
		       NPAGES, used, NPAGES * PAGE / 1024);
	else
		printf("2. fork: MemFree -%ld kB: the %d pages were copied\n", used, NPAGES);
	fflush(stdout);

	cow_faults(); /* the first call writes (so copies) its own buffer */
	before = cow_faults();
	for (int i = 0; i < NPAGES; i++)
		sum += mem[i * PAGE] == (unsigned char)i;
	after = cow_faults();
	if (sum == NPAGES && after == before)
		printf("3. the child reads them: no copies (cow_fault +0), the parent's bytes\n");
	else
		printf("3. the child reads them: %ld of %d bytes right, cow_fault %+ld\n", sum,
		       NPAGES, after - before);

	before = cow_faults();
	for (int i = 0; i < NPAGES; i++)
		mem[i * PAGE] = 0xff;
	after = cow_faults();
	printf("4. the child writes them: %ld copies (cow_fault %+ld)\n", after - before,
	       after - before);
	return 0;
}

int
main(void)
{
	int status, same = 0;
	long before, after;

	for (int i = 0; i < NPAGES; i++)
		mem[i * PAGE] = (unsigned char)i;
	printf("1. wrote %d pages (%d kB) of .bss\n", NPAGES, NPAGES * PAGE / 1024);
	fflush(stdout);

	long free_before = proc_value("/proc/meminfo", "MemFree");
	pid_t pid = fork();

	if (pid < 0) {
		perror("cow_demo: fork");
		return 1;
	}
	if (pid == 0)
		_exit(child(free_before));
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status)) {
		printf("cow_demo: the child failed (status %#x)\n", status);
		return 1;
	}

	for (int i = 0; i < NPAGES; i++)
		same += mem[i * PAGE] == (unsigned char)i;
	if (same == NPAGES)
		printf("5. the parent's pages are unchanged: the child wrote its own copies\n");
	else
		printf("5. the parent sees the child's writes in %d of %d pages\n", NPAGES - same,
		       NPAGES);

	cow_faults();
	before = cow_faults();
	for (int i = 0; i < NPAGES; i++)
		mem[i * PAGE] = 0;
	after = cow_faults();
	if (after == before)
		printf("6. the parent writes them, the child gone: no copies (cow_fault +0)\n");
	else
		printf("6. the parent writes them, the child gone: cow_fault %+ld\n",
		       after - before);
	return 0;
}
