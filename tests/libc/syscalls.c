/*
 * tests/libc/syscalls.c - the system-call wrappers on files, memory and
 * the system, checked by what they do: open/read/write/lseek/pread64,
 * fstat/stat, dup/dup2/pipe, getdents64, readlink, isatty, mmap/mprotect/
 * mremap/madvise/munmap, uname, clock_gettime/time/nanosleep, prlimit,
 * getrandom, sched_yield, syscall(). Only facts that are the same on every
 * run are printed (sizes, offsets, booleans), never addresses or times.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <time.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <sys/resource.h>
#include <sys/random.h>
#include <sys/syscall.h>

/* linux_dirent64, as getdents64 fills it in */
struct dirent64_rec {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static void
files(const char *path)
{
	char buf[64], dents[4096];
	struct stat st;
	int fd, fd2, fds[2], n, pos, found = 0;
	off_t off;
	struct dirent64_rec *d;

	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
	printf("open: fd >= 3: %d\n", fd >= 3);
	printf("write: %zd\n", write(fd, "hello, pagoda\n", 14));
	off = lseek(fd, 0, SEEK_END);
	printf("lseek end: %ld\n", (long)off);
	off = lseek(fd, 7, SEEK_SET);
	printf("lseek set: %ld\n", (long)off);
	n = read(fd, buf, sizeof(buf));
	printf("read after seek: %d [%.*s]\n", n, n > 0 ? n - 1 : 0, buf);
	n = pread64(fd, buf, 5, 0);
	off = lseek(fd, 0, SEEK_CUR);
	printf("pread64: %d [%.*s], offset still %ld\n", n, n, buf, (long)off);
	fstat(fd, &st);
	printf("fstat: size %ld, regular %d, mode %o\n", (long)st.st_size, S_ISREG(st.st_mode),
	       st.st_mode & 0777);
	n = stat(path, &st);
	printf("stat: %d, same size %d\n", n, st.st_size == 14);
	fd2 = dup(fd);
	off = lseek(fd2, 0, SEEK_CUR);
	printf("dup: new fd %d, shares the offset: %ld\n", fd2 > fd, (long)off);
	printf("dup2: %d\n", dup2(fd, 20) == 20);
	close(fd2);
	close(20);
	close(fd);
	pipe(fds);
	write(fds[1], "piped", 5);
	n = read(fds[0], buf, sizeof(buf));
	printf("pipe: %d [%.*s]\n", n, n, buf);
	off = lseek(fds[0], 0, SEEK_SET);
	printf("lseek on a pipe: %ld errno %d\n", (long)off, errno);
	close(fds[0]);
	close(fds[1]);

	fd = open(".", O_RDONLY | O_DIRECTORY);
	while ((n = getdents64(fd, (void *)dents, sizeof(dents))) > 0)
		for (pos = 0; pos < n; pos += d->d_reclen) {
			d = (struct dirent64_rec *)(dents + pos);
			found += strcmp(d->d_name, "scratch") == 0 || strcmp(d->d_name, "..") == 0;
		}
	printf("getdents64 found the file and ..: %d\n", found);
	close(fd);
	n = readlink(path, buf, sizeof(buf));
	printf("readlink on a plain file: %d errno %d\n", n, errno);
	fd = open(path, O_RDONLY);
	n = isatty(fd);
	printf("isatty(file): %d errno %d\n", n, errno);
	close(fd);
	n = unlink(path);
	printf("unlink: %d\n", n);
	n = stat(path, &st);
	printf("then stat: %d errno %d\n", n, errno);
}

static void
memory(void)
{
	char *p, *q;
	long page = sysconf(_SC_PAGESIZE);

	p = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap: %d, page-aligned %d, zeroed %d\n", p != MAP_FAILED,
	       ((long)p & (page - 1)) == 0, p[0] == 0 && p[3 * page - 1] == 0);
	memset(p, 'm', 3 * page);
	q = mremap(p, 3 * page, 8 * page, MREMAP_MAYMOVE);
	printf("mremap grow: %d, contents kept: %d\n", q != MAP_FAILED, q[2 * page] == 'm');
	printf("mprotect read-only: %d\n", mprotect(q + page, page, PROT_READ));
	printf("madvise DONTNEED: %d\n", madvise(q, page, MADV_DONTNEED));
	printf("the page reads as zero again: %d\n", q[0] == 0);
	printf("munmap: %d\n", munmap(q, 8 * page));
	p = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("mmap of 0 bytes: %d errno %d\n", p == MAP_FAILED, errno);
}

static void
system_info(void)
{
	struct utsname u;
	struct timespec t1, t2, nap = { 0, 2000000 };
	struct rlimit rl;
	unsigned char rnd[16] = { 0 };
	int i, nonzero = 0;
	long ret;

	memset(&u, 0, sizeof(u));
	printf("uname: %d\n", uname(&u));
	printf("machine %s, sysname set %d\n", u.machine, u.sysname[0] != 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("nanosleep: %d\n", nanosleep(&nap, NULL));
	clock_gettime(CLOCK_MONOTONIC, &t2);
	printf("monotonic clock advanced >= 2 ms: %d\n",
	       (t2.tv_sec - t1.tv_sec) * 1000000000L + (t2.tv_nsec - t1.tv_nsec) >= 2000000);
	printf("time() after 2020: %d\n", time(NULL) > 1577836800L);
	i = clock_gettime(12345, &t1);
	printf("clock_gettime bad clock: %d errno %d\n", i, errno);
	i = getrlimit(RLIMIT_STACK, &rl);
	printf("getrlimit STACK: %d, soft <= hard %d\n", i,
	       rl.rlim_max == RLIM_INFINITY || rl.rlim_cur <= rl.rlim_max);
	rl.rlim_cur = 100;
	rl.rlim_max = 200;
	printf("setrlimit NOFILE: %d\n", setrlimit(RLIMIT_NOFILE, &rl));
	getrlimit(RLIMIT_NOFILE, &rl);
	printf("read back: %lu %lu\n", (unsigned long)rl.rlim_cur, (unsigned long)rl.rlim_max);
	printf("getrandom: %zd\n", getrandom(rnd, sizeof(rnd), 0));
	for (i = 0; i < 16; i++)
		nonzero += rnd[i] != 0;
	printf("random bytes not all zero: %d\n", nonzero > 0);
	printf("sched_yield: %d\n", sched_yield());
	printf("syscall(SYS_getpid) == getpid(): %d\n", syscall(SYS_getpid) == getpid());
	ret = syscall(-1);
	printf("syscall(-1): %ld errno %d\n", ret, errno);
}

int
main(int argc, char **argv)
{
	files(argc > 1 ? argv[1] : "scratch");
	memory();
	system_info();
	return 0;
}
