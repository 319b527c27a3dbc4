/*
 * user/mdriver.c - the malloc-lab trace driver: replays allocation traces
 * against the C library's malloc, checks every block, and measures space
 * utilization and throughput.
 *
 * Where it sits: a user program at the top of the malloc chain; every
 * trace line becomes a malloc, realloc or free call (malloc.c), and the
 * heap it measures is what sysmalloc obtained with brk and mmap.
 *
 * Trace format (tests/data/malloc-traces/README.md): the number of block
 * ids, the number of operations, then one per line: "a ID SIZE" (malloc),
 * "r ID SIZE" (realloc), "f ID" (free).
 *
 * For each trace, in a child process of its own (so every trace starts
 * from a pristine heap, and one trace's leftovers do not help the next):
 *  1. a checked run: every block must be 16-byte aligned, must not overlap
 *     another live block, and must keep its contents (each block is filled
 *     with a pattern of its id, verified before realloc and free, and after
 *     realloc for the part that was kept);
 *  2. utilization = peak live payload (the sum of the sizes asked for) /
 *     peak bytes obtained from the kernel (heap growth by brk plus mmapped
 *     bytes), over the checked run;
 *  3. throughput: the trace replayed RUNS more times without checks; the
 *     median CPU time (see now_seconds) gives operations per second.
 * The driver itself never calls malloc (its arrays are mmapped, files are
 * read with read(), output is formatted into a static buffer), so the
 * heap holds only the trace's blocks.
 *
 * How "bytes obtained from the kernel" is measured, per build:
 *  - MDRIVER_PAGODA (Pagoda's malloc): its own counter,
 *    malloc_debug.max_kernel_bytes, updated inside malloc at every brk,
 *    trim, mmap and munmap; it sees even peaks that last only inside one
 *    call (a realloc that maps the new block before unmapping the old), so
 *    it is never lower than the sampling below would give.
 *  - MDRIVER_GLIBC: after every operation, sbrk(0) minus the break at the
 *    start, plus mallinfo2().hblkhd (bytes in mmapped chunks).
 *  - MDRIVER_MUSL (or any other libc): after every operation, VmData from
 *    /proc/self/status minus its value at the start (musl's mallocng takes
 *    most memory with mmap, which sbrk(0) would not see; VmData counts
 *    brk and private anonymous mappings alike, in KiB).
 * The total line averages the per-trace utilizations (as the malloc lab
 * grades them) and divides all operations by the sum of the median times.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#if defined(MDRIVER_PAGODA)
#include "malloc.h"
#elif defined(MDRIVER_GLIBC)
#include <malloc.h>
#endif

#define DEFAULT_RUNS 5
#define MAX_RUNS     50
#define ALIGNMENT    16

static const char *const default_traces[] = {
	"amptjp-bal.rep",     "cccp-bal.rep",	 "cp-decl-bal.rep",  "expr-bal.rep",
	"coalescing-bal.rep", "random-bal.rep",	 "random2-bal.rep",  "binary-bal.rep",
	"binary2-bal.rep",    "realloc-bal.rep", "realloc2-bal.rep", "short1-bal.rep",
	"short2-bal.rep",
};

enum op_type { OP_ALLOC, OP_FREE, OP_REALLOC };

struct trace_op {
	enum op_type type; /* what to call */
	int id;		   /* the block it is about */
	size_t size;	   /* bytes (alloc, realloc) */
};

struct trace {
	int num_ids;	      /* block ids are 0 .. num_ids - 1 */
	int num_ops;	      /* entries in ops */
	struct trace_op *ops; /* mmapped */
	char **blocks;	      /* mmapped: the live block of each id */
	size_t *sizes;	      /* mmapped: its size */
};

/* What a child reports to the parent through a pipe. */
struct trace_result {
	int ok;		    /* 1: every check passed */
	char error[160];    /* else, the first failure */
	int num_ops;	    /* operations in the trace */
	size_t peak_live;   /* most payload bytes live at once */
	size_t peak_kernel; /* most bytes obtained from the kernel */
	double seconds;	    /* median time of one unchecked replay */
};

static char out_buf[512];

/* printf without stdio's buffer (which glibc would malloc). */
static void
say(int fd, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out_buf, sizeof(out_buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(out_buf) - 1)
		n = sizeof(out_buf) - 1;
	(void)!write(fd, out_buf, n);
}

static void *
map_zeroed(size_t len)
{
	void *p = mmap(NULL, len ? len : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
		       0);

	return p == MAP_FAILED ? NULL : p;
}

/* The whole file at @path in a fresh mapping, NUL-terminated; NULL on error. */
static char *
read_file(const char *path, size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = map_zeroed(cap);
	ssize_t got;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || buf == NULL)
		return NULL;
	while ((got = read(fd, buf + n, cap - 1 - n)) > 0) {
		n += got;
		if (n == cap - 1)
			break; /* traces are far smaller than 1 MiB */
	}
	close(fd);
	buf[n] = '\0';
	*len = cap;
	return buf;
}

static long
next_number(char **s)
{
	while (**s == ' ' || **s == '\n' || **s == '\t' || **s == '\r')
		(*s)++;
	return strtol(*s, s, 10);
}

/* Parse the trace file @path into @t; 0, or -1 with a message in @err. */
static int
load_trace(const char *path, struct trace *t, char *err, size_t errlen)
{
	size_t len;
	char *text = read_file(path, &len), *s = text;
	int i;

	if (text == NULL) {
		snprintf(err, errlen, "cannot read %.100s: %s", path, strerror(errno));
		return -1;
	}
	t->num_ids = next_number(&s);
	t->num_ops = next_number(&s);
	t->ops = map_zeroed(t->num_ops * sizeof(*t->ops));
	t->blocks = map_zeroed(t->num_ids * sizeof(*t->blocks));
	t->sizes = map_zeroed(t->num_ids * sizeof(*t->sizes));
	for (i = 0; i < t->num_ops; i++) {
		while (*s == ' ' || *s == '\n' || *s == '\r')
			s++;
		t->ops[i].type = *s == 'a' ? OP_ALLOC : *s == 'f' ? OP_FREE : OP_REALLOC;
		if (*s != 'a' && *s != 'f' && *s != 'r') {
			snprintf(err, errlen, "%.100s: bad operation %d", path, i);
			return -1;
		}
		s++;
		t->ops[i].id = next_number(&s);
		if (t->ops[i].type != OP_FREE)
			t->ops[i].size = next_number(&s);
	}
	munmap(text, len);
	return 0;
}

/* ---------------------------------------------------------------- measuring */

#if defined(MDRIVER_PAGODA)
static void
kernel_bytes_start(void)
{
	malloc_debug.max_kernel_bytes = malloc_debug.kernel_bytes;
}

static size_t
kernel_bytes_peak(size_t base, size_t sampled_peak)
{
	return malloc_debug.max_kernel_bytes - base;
}

static size_t
kernel_bytes_now(void)
{
	return malloc_debug.kernel_bytes;
}
#elif defined(MDRIVER_GLIBC)
static void
kernel_bytes_start(void)
{
}

static size_t
kernel_bytes_peak(size_t base, size_t sampled_peak)
{
	return sampled_peak;
}

static size_t
kernel_bytes_now(void)
{
	return (size_t)sbrk(0) + mallinfo2().hblkhd;
}
#else
static void
kernel_bytes_start(void)
{
}

static size_t
kernel_bytes_peak(size_t base, size_t sampled_peak)
{
	return sampled_peak;
}

/* VmData in bytes, from /proc/self/status (read without stdio). */
static size_t
kernel_bytes_now(void)
{
	static char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *line;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	line = strstr(buf, "VmData:");
	return line ? strtoul(line + 7, NULL, 10) * 1024 : 0;
}
#endif

/* ---------------------------------------------------------------- checking */

static unsigned char
pattern(int id, size_t i)
{
	return (unsigned char)(id * 131 + i * 7 + (i >> 9));
}

static void
fill_block(char *p, int id, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		p[i] = pattern(id, i);
}

/* 0 if the first @size bytes of @p still hold id @id's pattern. */
static int
verify_block(const char *p, int id, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if ((unsigned char)p[i] != pattern(id, i))
			return -1;
	return 0;
}

/* 0 if block @id (just returned) is aligned and overlaps no live block. */
static int
check_placement(struct trace *t, int id, char *err, size_t errlen)
{
	char *p = t->blocks[id];
	size_t size = t->sizes[id];
	int j;

	if ((uintptr_t)p % ALIGNMENT != 0) {
		snprintf(err, errlen, "block %d at %p is not %d-byte aligned", id, p, ALIGNMENT);
		return -1;
	}
	for (j = 0; j < t->num_ids; j++) {
		char *q = t->blocks[j];

		if (j == id || q == NULL || size == 0 || t->sizes[j] == 0)
			continue;
		if (p < q + t->sizes[j] && q < p + size) {
			snprintf(err, errlen, "block %d [%p, +%zu) overlaps block %d [%p, +%zu)",
				 id, p, size, j, q, t->sizes[j]);
			return -1;
		}
	}
	return 0;
}

/* One operation, checked. Returns 0, or -1 with a message in @r->error. */
static int
checked_op(struct trace *t, struct trace_op *op, struct trace_result *r)
{
	char *old = t->blocks[op->id];
	size_t oldsize = t->sizes[op->id];
	size_t keep = op->size < oldsize ? op->size : oldsize;

	if (op->type != OP_ALLOC && old != NULL && verify_block(old, op->id, oldsize) != 0)
		goto out_corrupt;
	if (op->type == OP_FREE) {
		free(old);
		t->blocks[op->id] = NULL;
		t->sizes[op->id] = 0;
		return 0;
	}
	t->blocks[op->id] = op->type == OP_ALLOC ? malloc(op->size) : realloc(old, op->size);
	t->sizes[op->id] = op->size;
	if (t->blocks[op->id] == NULL) {
		snprintf(r->error, sizeof(r->error), "%s(%zu) failed",
			 op->type == OP_ALLOC ? "malloc" : "realloc", op->size);
		return -1;
	}
	if (op->type == OP_REALLOC && verify_block(t->blocks[op->id], op->id, keep) != 0)
		goto out_corrupt;
	if (check_placement(t, op->id, r->error, sizeof(r->error)) != 0)
		return -1;
	fill_block(t->blocks[op->id], op->id, op->size);
	return 0;

out_corrupt:
	snprintf(r->error, sizeof(r->error), "block %d: contents changed", op->id);
	return -1;
}

/* The checked run: correctness and the two peaks. */
static int
checked_run(struct trace *t, struct trace_result *r)
{
	size_t live = 0, base, now, peak = 0;
	int i;

	kernel_bytes_start();
	base = kernel_bytes_now();
	for (i = 0; i < t->num_ops; i++) {
		live -= t->sizes[t->ops[i].id];
		if (checked_op(t, &t->ops[i], r) != 0)
			return -1;
		live += t->sizes[t->ops[i].id];
		if (live > r->peak_live)
			r->peak_live = live;
		now = kernel_bytes_now() - base;
		if (now > peak)
			peak = now;
	}
	r->peak_kernel = kernel_bytes_peak(base, peak);
	return 0;
}

/* ---------------------------------------------------------------- timing */

/*
 * The process's CPU time (user and system, so page faults count), not the
 * wall clock: on a shared machine, time spent waiting for the CPU would
 * otherwise add noise far larger than the differences being measured.
 * The wall clock where a system has no CPU-time clock.
 */
static double
now_seconds(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
		clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One unchecked replay; returns its duration in seconds. */
static double
timed_run(struct trace *t)
{
	double start = now_seconds();
	int i;

	for (i = 0; i < t->num_ops; i++) {
		struct trace_op *op = &t->ops[i];

		if (op->type == OP_ALLOC)
			t->blocks[op->id] = malloc(op->size);
		else if (op->type == OP_REALLOC)
			t->blocks[op->id] = realloc(t->blocks[op->id], op->size);
		else
			free(t->blocks[op->id]);
	}
	return now_seconds() - start;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of @runs timed replays. */
static double
median_time(struct trace *t, int runs)
{
	double times[MAX_RUNS];
	int i;

	for (i = 0; i < runs; i++)
		times[i] = timed_run(t);
	qsort(times, runs, sizeof(times[0]), cmp_double);
	return times[runs / 2];
}

/* ---------------------------------------------------------------- driving */

/* Everything about the trace at @path, into @r. */
static void
run_trace_here(const char *path, int runs, struct trace_result *r)
{
	struct trace t;

	if (load_trace(path, &t, r->error, sizeof(r->error)) == 0 && checked_run(&t, r) == 0) {
		r->ok = 1;
		r->num_ops = t.num_ops;
		r->seconds = median_time(&t, runs);
	}
}

/*
 * Run the trace at @path in a child process; fills @r, returns 0 or -1.
 * Where fork fails (a system without it yet), the trace runs in this
 * process instead: still checked, but it then starts from the heap that
 * the traces before it left behind.
 */
static int
run_trace(const char *path, int runs, struct trace_result *r)
{
	int fds[2], status;
	pid_t pid;

	memset(r, 0, sizeof(*r));
	if (pipe(fds) != 0) {
		run_trace_here(path, runs, r);
		return r->ok ? 0 : -1;
	}
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		run_trace_here(path, runs, r);
		(void)!write(fds[1], r, sizeof(*r));
		_exit(0);
	}
	close(fds[1]);
	if (pid < 0)
		run_trace_here(path, runs, r);
	else if (read(fds[0], r, sizeof(*r)) != sizeof(*r))
		snprintf(r->error, sizeof(r->error), "the trace's process died");
	close(fds[0]);
	if (pid > 0)
		waitpid(pid, &status, 0);
	return r->ok ? 0 : -1;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static void
usage(void)
{
	say(2,
	    "usage: mdriver [-d DIR] [-n RUNS] [TRACE...]\n"
	    "  replays malloc-lab traces (default: the 13 in DIR,\n"
	    "  tests/data/malloc-traces); RUNS timed replays each (default %d)\n",
	    DEFAULT_RUNS);
	exit(2);
}

static void
print_result(const char *name, const struct trace_result *r)
{
	if (!r->ok) {
		say(1, "%-20s %8s %7s %12s %12s %10s  FAIL: %s\n", name, "-", "-", "-", "-", "-",
		    r->error);
		return;
	}
	say(1, "%-20s %8d %6.1f%% %12zu %12zu %10.0f  ok\n", name, r->num_ops,
	    100.0 * r->peak_live / (r->peak_kernel ? r->peak_kernel : 1), r->peak_live,
	    r->peak_kernel, r->num_ops / r->seconds / 1000.0);
}

int
main(int argc, char **argv)
{
	const char *dir = "tests/data/malloc-traces";
	int runs = DEFAULT_RUNS, opt, i, ntraces, failed = 0, total_ops = 0;
	double util_sum = 0, seconds = 0;
	struct trace_result r;
	char path[1024];

	while ((opt = getopt(argc, argv, "d:n:h")) != -1) {
		if (opt == 'd')
			dir = optarg;
		else if (opt == 'n' && atoi(optarg) > 0 && atoi(optarg) <= MAX_RUNS)
			runs = atoi(optarg);
		else
			usage();
	}
	ntraces = optind < argc ? argc - optind : (int)(sizeof(default_traces) / sizeof(char *));
	say(1, "%-20s %8s %7s %12s %12s %10s  %s\n", "trace", "ops", "util", "peak-live",
	    "peak-kernel", "Kops/s", "check");
	for (i = 0; i < ntraces; i++) {
		if (optind < argc)
			snprintf(path, sizeof(path), "%s", argv[optind + i]);
		else
			snprintf(path, sizeof(path), "%s/%s", dir, default_traces[i]);
		failed += run_trace(path, runs, &r) != 0;
		print_result(base_name(path), &r);
		util_sum += r.ok ? (double)r.peak_live / (r.peak_kernel ? r.peak_kernel : 1) : 0;
		total_ops += r.ok ? r.num_ops : 0;
		seconds += r.ok ? r.seconds : 0;
	}
	say(1, "%-20s %8d %6.1f%% %12s %12s %10.0f  %s\n", "total", total_ops,
	    100.0 * util_sum / ntraces, "", "", total_ops / (seconds > 0 ? seconds : 1) / 1000.0,
	    failed ? "FAIL" : "ok");
	return failed ? 1 : 0;
}
