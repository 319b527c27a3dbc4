/*
 * user/fuzz.c - a system-call fuzzer: random calls with hostile arguments,
 * to show that no user program can crash, hang or leak the kernel.
 *
 *   fuzz [-s SEED] [-n CALLS] [-c CALLS_PER_PROCESS] [-r PROCESS]
 *
 * The fuzzer forks one short-lived process after another; each makes
 * CALLS_PER_PROCESS (default 64) system calls chosen by a pseudo-random
 * generator seeded with SEED and the process's number, so a run is
 * reproducible: `-r K` replays process K alone and prints every call
 * before making it. Calls are drawn from the ones Pagoda implements
 * (kernel/syscall/syscalls_*.h) and from numbers it does not; arguments
 * from a pool of hostile values: NULL, kernel and non-canonical addresses,
 * unaligned pointers and ones that run into an unmapped or read-only
 * page, huge and negative lengths and descriptors, random flags.
 *
 * A process may well kill itself (exit, a munmap of its own stack, a
 * signal): that is why each runs in its own child. A few calls are tamed
 * because they would legitimately end the test rather than test the
 * kernel: reboot is never made, signals and prlimit64 never aim at init
 * (pid 1, the fuzzer itself), execve never gets a real program, and a
 * child of a fork made by the fuzzed code exits at once, and the calls
 * that create, remove, rename or truncate files by name (and open with
 * O_CREAT or O_TRUNC) only get paths under /tmp/fuzz (tame_paths), so the
 * rest of the tree stays as it was; the fuzzer removes /tmp/fuzz at the
 * end, so its inodes, too, must all come back. A process that
 * blocks (reading an empty pipe, a long nanosleep) is killed after a
 * quarter of a second, which also tests that SIGKILL ends a sleeping task.
 *
 * At the end it prints the number of calls made; the kernel's "init:"
 * lines (tools/run-elf --log) then show whether every page and slab
 * object came back.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <dirent.h>
#include <sched.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define PAGE_SIZE  4096UL
#define REPLAY_FD  63	       /* the replay's output: the last descriptor there is */
#define TIMEOUT_NS 250000000LL /* 0.25 s */

/* Calls Pagoda implements (x86-64 numbers), from syscalls_core.h and _fs.h,
 * but for rt_sigreturn and reboot, and pause and rt_sigsuspend, which only
 * wait (every process that made one would wait for its timeout). The last
 * two rows: the id calls (kernel/proc/uid.c, groups.c) and chmod/chown
 * (kernel/fs/attr.c); a process that drops its ids only weakens itself. */
static const int implemented[] = {
	0,
	1,
	2,
	3,
	4,
	5,
	6,
	8,
	16,
	17,
	18,
	19,
	20,
	21,
	22,
	32,
	33,
	72,
	79,
	80,
	81,
	89,
	217,
	257,
	262,
	267,
	269,
	292,
	293,
	439,
	12,
	9,
	11,
	10,
	57,
	58,
	56,
	59,
	60,
	231,
	61,
	62,
	200,
	234,
	13,
	14,
	39,
	186,
	110,
	102,
	107,
	104,
	108,
	111,
	121,
	109,
	112,
	218,
	273,
	63,
	302,
	97,
	160,
	228,
	201,
	24,
	35,
	158,
	318,
	230,
	25,
	28,
	131,
	36,
	37,
	38,
	95,
	98,
	99,
	100,
	127,
	7,
	23,
	270,
	271,
	105,
	106,
	113,
	114,
	115,
	116,
	117,
	118,
	119,
	120,
	122,
	123,
	90,
	91,
	92,
	93,
	94,
	260,
	268,
	/* the writable file system: fsync ... msync, then the name changers */
	74,
	75,
	77,
	162,
	306,
	137,
	138,
	285,
	26,
	76,
	82,
	83,
	84,
	85,
	87,
	88,
	258,
	263,
	264,
	266,
	316,
};

/* Calls that change names or sizes by path (truncate, rename, mkdir,
 * rmdir, creat, unlink, symlink and their *at forms): tame_paths. */
static const int path_writers[] = { 76, 82, 83, 84, 85, 87, 88, 258, 263, 264, 266, 316 };

enum {
	NR_KILL = 62,
	NR_TKILL = 200,
	NR_TGKILL = 234,
	NR_PRLIMIT64 = 302,
	NR_EXECVE = 59,
	NR_FORK = 57,
	NR_VFORK = 58,
	NR_CLONE = 56,
	NR_REBOOT = 169,
	NR_OPEN = 2,
	NR_OPENAT = 257
};

#define FUZZ_DIR "/tmp/fuzz"

/* What the path-changing calls get instead of a path anywhere else. */
static const char *const tmp_paths[] = {
	FUZZ_DIR,	    FUZZ_DIR "/a",
	FUZZ_DIR "/b",	    FUZZ_DIR "/a/b",
	FUZZ_DIR "/b/",	    FUZZ_DIR "/.",
	FUZZ_DIR "/a/../b", FUZZ_DIR "/c",
	FUZZ_DIR "/a/c/d",  FUZZ_DIR "/nonexistent/x",
};

static uint64_t rng_state;

/* splitmix64: small, fast, and the same sequence everywhere. */
static uint64_t
rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Memory the arguments point into, set up by each process. */
static unsigned char *good;	/* two writable pages of random bytes, guarded */
static unsigned char *readonly; /* one read-only page */
static unsigned char *unmapped; /* a page that was mapped, then unmapped */

/*
 * Paths for the calls that take one. No /proc/self or /proc/<pid> of a
 * fuzzed process: a /proc/<pid> directory is kept once looked up (by
 * design, kernel/fs/proc.c), so each would show as slab objects still in
 * use at the end; /proc/1 (the fuzzer, looked up at boot) stands for them.
 */
static const char *const paths[] = {
	"/",
	"/bin",
	"/proc/1/status",
	"/proc/1/maps",
	"/proc/1/exe",
	"/proc/meminfo",
	"/dev/null",
	"/dev/zero",
	"/etc/motd",
	"/nonexistent",
	"",
	"/bin/../etc/./motd",
	"/tmp/fuzz",
	"/root",
	"/etc/shadow",
	"/dev/full",
	"/dev/urandom",
};

/* One argument from the pool of hostile values. */
static unsigned long
arg(void)
{
	switch (rnd() % 24) {
	case 0: return 0;
	case 1: return 1;
	case 2: return (unsigned long)-1;
	case 3: return rnd() % 16; /* a small number or descriptor */
	case 4: return (unsigned long)-(long)(rnd() % 4096);
	case 5: return rnd();
	case 6: return (uint32_t)rnd();
	case 7: return 1UL << (rnd() % 64);
	case 8: return (unsigned long)good + rnd() % (2 * PAGE_SIZE);
	case 9: return (unsigned long)good;
	case 10: return (unsigned long)readonly + rnd() % PAGE_SIZE;
	case 11: return (unsigned long)unmapped + rnd() % PAGE_SIZE;
	case 12: return (unsigned long)good + 2 * PAGE_SIZE - 1 - rnd() % 16; /* runs off the end */
	case 13: return 0xffffffff81000000UL + (rnd() % 0x100000);	      /* kernel image */
	case 14: return 0xffff888000000000UL + (rnd() % 0x4000000);	      /* direct map */
	case 15: return 0xffffc90000000000UL + (rnd() % 0x100000);	      /* kernel stacks */
	case 16: return 0x0000800000000000UL - (rnd() % 64); /* end of the user half */
	case 17: return 0x8000000000000000UL ^ (rnd() & 0xffffffffffffUL); /* non-canonical */
	case 18: return (unsigned long)paths[rnd() % (sizeof(paths) / sizeof(paths[0]))];
	case 19: return PAGE_SIZE * (rnd() % 64);
	case 20: return 0x7fffffffUL;
	case 21: return 1UL << 40;
	case 22: return (unsigned long)(int)(rnd() % 1024);
	default: return (unsigned long)&rng_state; /* the fuzzer's own data */
	}
}

static long
pick_nr(void)
{
	switch (rnd() % 8) {
	case 0: return rnd() % 512; /* mostly unimplemented */
	case 1: return (long)rnd();
	default: return implemented[rnd() % (sizeof(implemented) / sizeof(implemented[0]))];
	}
}

/* tame - change a call that would stop the test rather than test the kernel. */
static long
tame(long nr, unsigned long a[6])
{
	if (nr == NR_REBOOT)
		return -1;
	if ((nr == NR_KILL || nr == NR_TKILL || nr == NR_PRLIMIT64) && (long)a[0] == 1)
		a[0] = 0; /* never pid 1: kill(0) and prlimit64(0) mean "not init" */
	if (nr == NR_TGKILL && ((long)a[0] == 1 || (long)a[1] == 1))
		a[0] = a[1] = 0;
	if (nr == NR_PRLIMIT64 && a[0] != 0)
		a[0] = (unsigned long)getpid() + 1 + (rnd() % 2) * 100000; /* a child, or nobody */
	if (nr == NR_EXECVE && a[0] < 0x0000800000000000UL)
		a[0] = (unsigned long)"/etc/motd"; /* not executable: EACCES */
	return nr;
}

/* is_path_writer - does call @nr change the tree by a path? */
static int
is_path_writer(long nr, const unsigned long a[6])
{
	for (unsigned i = 0; i < sizeof(path_writers) / sizeof(path_writers[0]); i++)
		if (nr == path_writers[i])
			return 1;
	if (nr == NR_OPEN)
		return (a[1] & (O_CREAT | O_TRUNC)) != 0;
	if (nr == NR_OPENAT)
		return (a[2] & (O_CREAT | O_TRUNC)) != 0;
	return 0;
}

/*
 * tame_paths - in a call that changes the tree, every argument that could
 * point to a readable string becomes a path under FUZZ_DIR: a path of the
 * pool, the random bytes of good, the program's own image ("\177ELF" at
 * 0x400000 would be a name in the working directory). What stays is what
 * cannot name a file: small numbers and NULL, the unmapped page (EFAULT),
 * the read-only page of zeros (""), kernel and non-canonical addresses.
 */
static void
tame_paths(unsigned long a[6])
{
	for (int j = 0; j < 6; j++) {
		unsigned long v = a[j];

		if (v < PAGE_SIZE || v >= 0x0000800000000000UL)
			continue;
		if ((v >= (unsigned long)unmapped && v < (unsigned long)unmapped + PAGE_SIZE) ||
		    (v >= (unsigned long)readonly && v < (unsigned long)readonly + PAGE_SIZE))
			continue;
		a[j] = (unsigned long)tmp_paths[rnd() % (sizeof(tmp_paths) / sizeof(tmp_paths[0]))];
	}
}

/* rm_rf - remove @path and everything below it (the fuzzed calls' files).
 * Each pass removes what one listing shows and lists again: a directory's
 * positions shift as its entries go (kernel/fs/readdir.c counts them). */
static void
rm_rf(const char *path)
{
	struct stat st;
	struct dirent *e;
	int removed = 1;
	DIR *d;

	if (lstat(path, &st) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlink(path);
		return;
	}
	while (removed && (d = opendir(path))) {
		removed = 0;
		while ((e = readdir(d))) {
			char sub[512];

			if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			rm_rf(sub);
			removed = 1;
		}
		closedir(d);
	}
	rmdir(path);
}

/* fuzz_process - the body of process @k: its calls, then _exit. */
static void
fuzz_process(uint64_t seed, unsigned long k, unsigned long ncalls, volatile unsigned long *count,
	     int verbose)
{
	rng_state = seed * 0x100000001b3ULL ^ k;
	/* Inaccessible pages on both sides: a call that writes past the end of
	 * the buffer faults (EFAULT) rather than overwrite the fuzzer's count. */
	good = mmap(NULL, 4 * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (good != MAP_FAILED) {
		good += PAGE_SIZE;
		mprotect(good, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	}
	readonly = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unmapped = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (good == MAP_FAILED || readonly == MAP_FAILED || unmapped == MAP_FAILED)
		_exit(100);
	munmap(unmapped, PAGE_SIZE);
	for (unsigned long i = 0; i < 2 * PAGE_SIZE; i++)
		good[i] = (unsigned char)rnd();
	/* The console is shared with the fuzzer: the fuzzed calls get /dev/null. */
	int null = open("/dev/null", O_RDWR);

	for (int fd = 0; fd < 3; fd++)
		dup2(null, fd);
	for (unsigned long i = 0; i < ncalls; i++) {
		unsigned long a[6];
		long nr = pick_nr();

		for (int j = 0; j < 6; j++)
			a[j] = arg();
		nr = tame(nr, a);
		if (nr < 0)
			continue;
		if (is_path_writer(nr, a))
			tame_paths(a);
		if (verbose)
			dprintf(REPLAY_FD,
				"  call %lu: syscall(%ld, %#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n", i,
				nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		(*count)++;
		long ret = syscall(nr, a[0], a[1], a[2], a[3], a[4], a[5]);

		if (ret == 0 && (nr == NR_FORK || nr == NR_VFORK || nr == NR_CLONE))
			_exit(0); /* the new child (a parent never gets 0 from fork) */
		if (verbose)
			dprintf(REPLAY_FD, "    = %ld%s%s (count %lu)\n", ret, ret < 0 ? " " : "",
				ret < 0 ? strerror(errno) : "", *count);
	}
	_exit(0);
}

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

struct totals {
	unsigned long processes; /* fuzzed processes run */
	unsigned long signalled; /* ... that a signal ended */
	unsigned long timed_out; /* ... that blocked and were killed */
};

/* run_one - fork process @k, wait for it (killing it if it blocks), reap
 * whatever else has ended (children of its forks, now ours). */
static void
run_one(uint64_t seed, unsigned long k, unsigned long ncalls, volatile unsigned long *count,
	int verbose, struct totals *t)
{
	long long deadline = now_ns() + TIMEOUT_NS;
	int status, killed = 0;
	pid_t pid = fork(), w;

	if (pid < 0) {
		printf("fuzz: fork: %s\n", strerror(errno));
		exit(1);
	}
	if (pid == 0)
		fuzz_process(seed, k, ncalls, count, verbose);
	t->processes++;
	for (;;) {
		w = waitpid(-1, &status, WNOHANG);
		if (w == pid)
			break;
		if (w > 0)
			continue; /* a child of one of its forks */
		if (!killed && now_ns() > deadline) {
			kill(pid, SIGKILL);
			killed = 1;
			t->timed_out++;
		}
		sched_yield();
	}
	if (WIFSIGNALED(status) && !killed)
		t->signalled++;
	if (verbose)
		printf("process %lu: %s %d\n", k,
		       WIFSIGNALED(status) ? "killed by signal" : "exited",
		       WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
}

int
main(int argc, char **argv)
{
	uint64_t seed = 1;
	unsigned long total = 100000, per_process = 64, replay = 0;
	int opt, do_replay = 0;
	struct totals t = { 0, 0, 0 };

	while ((opt = getopt(argc, argv, "s:n:c:r:")) != -1) {
		switch (opt) {
		case 's': seed = strtoull(optarg, NULL, 0); break;
		case 'n': total = strtoul(optarg, NULL, 0); break;
		case 'c': per_process = strtoul(optarg, NULL, 0); break;
		case 'r':
			replay = strtoul(optarg, NULL, 0);
			do_replay = 1;
			break;
		default:
			fprintf(stderr,
				"usage: fuzz [-s SEED] [-n CALLS] [-c PER_PROCESS] [-r K]\n");
			return 2;
		}
	}
	setvbuf(stdout, NULL, _IONBF, 0);
	volatile unsigned long *count =
		mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (count == MAP_FAILED || per_process == 0) {
		printf("fuzz: cannot set up\n");
		return 1;
	}
	printf("fuzz: seed %llu, %lu calls per process\n", (unsigned long long)seed, per_process);
	if (do_replay) {
		dup2(1, REPLAY_FD);
		printf("replaying process %lu\n", replay);
		run_one(seed, replay, per_process, count, 1, &t);
	} else {
		for (unsigned long k = 0; *count < total; k++) {
			run_one(seed, k, per_process, count, 0, &t);
			if ((k + 1) % 1000 == 0)
				printf("fuzz: %lu calls in %lu processes\n", *count, k + 1);
		}
	}
	while (waitpid(-1, NULL, 0) > 0)
		;
	rm_rf(FUZZ_DIR);
	printf("fuzz: done: %lu calls in %lu processes (%lu ended by a signal, %lu blocked and "
	       "were killed)\n",
	       *count, t.processes, t.signalled, t.timed_out);
	return 0;
}
