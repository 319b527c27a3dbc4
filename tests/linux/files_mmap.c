/*
 * tests/linux/files_mmap.c - one page for read(), write() and mmap():
 * MAP_SHARED coherence across fork, MAP_PRIVATE privacy, SIGBUS past the
 * end after ftruncate, the results-file-in-/dev/shm pattern of test
 * harnesses; truncate, ftruncate, fallocate, fsync, fdatasync, sync,
 * syncfs, msync and statfs with their errno cases. Files live in a
 * mkdtemp directory of /tmp and in /dev/shm (tmpfs on Linux too, so
 * st_blocks and statfs's f_type can be compared there).
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
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define PAGE	     4096L
#define TMPFS_MAGIC_ 0x01021994
#define KEEP_SIZE    0x01
#define MS_ASYNC_    1
#define MS_SYNC_     4
#define NCHILD	     4

/* Linux's x86-64 struct statfs, for the raw call. */
struct kstatfs {
	long f_type, f_bsize;
	unsigned long f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	int f_fsid[2];
	long f_namelen, f_frsize, f_flags, f_spare[4];
};

static const char *
ename(long ret)
{
	if (ret >= 0)
		return "ok";
	switch (-ret) {
	case ENOENT: return "ENOENT";
	case EINVAL: return "EINVAL";
	case EBADF: return "EBADF";
	case EISDIR: return "EISDIR";
	case ENOMEM: return "ENOMEM";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case ENODEV: return "ENODEV";
	case ESPIPE: return "ESPIPE";
	case EFBIG: return "EFBIG";
	default: return "other";
	}
}

/* lc - a libc call's result as -errno. */
static long
lc(long ret)
{
	return ret < 0 ? -errno : ret;
}

static long
fsize(int fd)
{
	struct stat st;

	fstat(fd, &st);
	return st.st_size;
}

/* child_touch - read byte @off of @p in a child: how the child ended. */
static void
child_touch(const char *what, volatile char *p, long off)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		char c = p[off];

		_exit(c == 0 ? 0 : 1);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by %s\n", what, WTERMSIG(status) == SIGBUS ? "SIGBUS" : "other");
	else
		printf("%s: exit %d\n", what, WEXITSTATUS(status));
}

static void
test_shared(const char *path)
{
	int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600), status;
	char buf[16] = { 0 };
	char *p;
	ssize_t n;

	ftruncate(fd, 2 * PAGE);
	p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	n = pwrite(fd, "written", 7, 10);
	printf("mapping sees write(): %.7s (%zd)\n", p + 10, n);
	memcpy(p + PAGE, "stored", 6);
	n = pread(fd, buf, 6, PAGE);
	printf("read() sees the store: %s\n", buf);
	if (fork() == 0) {
		memcpy(p + 100, "child", 5);
		n = pwrite(fd, "CHILD", 5, 200);
		_exit(n == 5 ? 0 : 1);
	}
	wait(&status);
	memset(buf, 0, sizeof(buf));
	n = pread(fd, buf, 5, 100);
	printf("parent read() sees the child's store: %s\n", buf);
	printf("parent mapping sees the child's write(): %.5s\n", p + 200);
	/* msync's checks, on a mapped range and around it. */
	printf("msync MS_SYNC: %s\n", ename(raw(SYS_msync, (long)p, PAGE, MS_SYNC_, 0, 0, 0)));
	printf("msync MS_ASYNC: %s\n",
	       ename(raw(SYS_msync, (long)p, 2 * PAGE, MS_ASYNC_, 0, 0, 0)));
	printf("msync both: %s\n",
	       ename(raw(SYS_msync, (long)p, PAGE, MS_SYNC_ | MS_ASYNC_, 0, 0, 0)));
	printf("msync unaligned: %s\n",
	       ename(raw(SYS_msync, (long)p + 1, PAGE, MS_SYNC_, 0, 0, 0)));
	printf("msync bad flag: %s\n", ename(raw(SYS_msync, (long)p, PAGE, 8, 0, 0, 0)));
	printf("msync len 0: %s\n", ename(raw(SYS_msync, (long)p, 0, MS_SYNC_, 0, 0, 0)));
	/* Shrink to 100 bytes: page 1 is past the end, page 0's tail reads 0. */
	printf("ftruncate shrink: %s\n", ename(lc(ftruncate(fd, 100))));
	child_touch("byte 99", p + 99, 0);
	child_touch("byte 200 (same page, past the end)", p, 200);
	child_touch("page 1", p, PAGE);
	printf("ftruncate grow: %s\n", ename(lc(ftruncate(fd, 3 * PAGE))));
	printf("size %ld\n", fsize(fd));
	child_touch("page 1 again (zeros)", p, PAGE);
	n = pread(fd, buf, 4, 2 * PAGE);
	printf("read of the hole: %zd bytes, first %d\n", n, buf[0]);
	munmap(p, 2 * PAGE);
	printf("msync unmapped: %s\n", ename(raw(SYS_msync, (long)p, PAGE, MS_ASYNC_, 0, 0, 0)));
	close(fd);
}

static void
test_private(const char *path)
{
	int fd = open(path, O_RDWR);
	char buf[8] = { 0 };
	char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	ssize_t n;

	n = pwrite(fd, "before", 6, 0);
	printf("private mapping sees write() before its own store: %.6s (%zd)\n", p, n);
	memcpy(p, "mine", 4);
	n = pread(fd, buf, 4, 0);
	printf("read() does not see the private store: %s\n", buf);
	n = pwrite(fd, "after!", 6, 0);
	printf("private copy keeps its bytes after write(): %.6s\n", p);
	munmap(p, PAGE);
	close(fd);
}

static void
test_truncate_errors(const char *dir, const char *path)
{
	int fd = open(path, O_RDONLY), dfd = open(dir, O_RDONLY);

	printf("ftruncate -1: %s\n", ename(lc(ftruncate(fd, -1))));
	printf("ftruncate bad fd: %s\n", ename(lc(ftruncate(99, 0))));
	printf("ftruncate read-only: %s\n", ename(lc(ftruncate(fd, 0))));
	printf("ftruncate dir: %s\n", ename(lc(ftruncate(dfd, 0))));
	printf("truncate dir: %s\n", ename(lc(truncate(dir, 0))));
	printf("truncate missing: %s\n", ename(lc(truncate("/tmp/nope/x", 0))));
	printf("truncate -1: %s\n", ename(lc(truncate(path, -1))));
	printf("truncate: %s\n", ename(lc(truncate(path, 5))));
	printf("size %ld\n", fsize(fd));
	printf("fallocate len 0: %s\n", ename(raw(SYS_fallocate, fd, 0, 0, 0, 0, 0)));
	printf("fallocate read-only: %s\n", ename(raw(SYS_fallocate, fd, 0, 0, PAGE, 0, 0)));
	printf("fallocate dir: %s\n", ename(raw(SYS_fallocate, dfd, 0, 0, PAGE, 0, 0)));
	printf("fallocate bad fd: %s\n", ename(raw(SYS_fallocate, 99, 0, 0, PAGE, 0, 0)));
	printf("fsync: %s\n", ename(lc(fsync(fd))));
	printf("fdatasync: %s\n", ename(raw(SYS_fdatasync, fd, 0, 0, 0, 0, 0)));
	printf("fsync dir: %s\n", ename(lc(fsync(dfd))));
	printf("fsync bad fd: %s\n", ename(lc(fsync(99))));
	printf("sync: %s\n", ename(raw(SYS_sync, 0, 0, 0, 0, 0, 0)));
	printf("syncfs: %s\n", ename(raw(SYS_syncfs, fd, 0, 0, 0, 0, 0)));
	printf("syncfs bad fd: %s\n", ename(raw(SYS_syncfs, 99, 0, 0, 0, 0, 0)));
	close(fd);
	close(dfd);
}

/* test_shm - on /dev/shm (tmpfs on Linux too): fallocate, st_blocks, statfs. */
static void
test_shm(const char *path)
{
	int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600), pfd[2];
	struct kstatfs sf;
	struct stat st;
	long ret;

	ftruncate(fd, 1 << 20);
	fstat(fd, &st);
	printf("sparse 1 MiB: st_blocks %ld\n", (long)st.st_blocks);
	printf("fallocate: %s\n", ename(raw(SYS_fallocate, fd, 0, 2 << 20, 2 * PAGE, 0, 0)));
	fstat(fd, &st);
	printf("size %ld, st_blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
	printf("fallocate KEEP_SIZE: %s\n",
	       ename(raw(SYS_fallocate, fd, KEEP_SIZE, 4 << 20, PAGE, 0, 0)));
	fstat(fd, &st);
	printf("size %ld, st_blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
	printf("fallocate bad mode: %s\n", ename(raw(SYS_fallocate, fd, 0x100, 0, PAGE, 0, 0)));
	printf("ftruncate 0: %s\n", ename(lc(ftruncate(fd, 0))));
	fstat(fd, &st);
	printf("size %ld, st_blocks %ld\n", (long)st.st_size, (long)st.st_blocks);
	pipe(pfd);
	printf("fsync pipe: %s\n", ename(lc(fsync(pfd[0]))));
	printf("fallocate pipe: %s\n", ename(raw(SYS_fallocate, pfd[1], 0, 0, PAGE, 0, 0)));
	close(pfd[0]);
	close(pfd[1]);
	ret = raw(SYS_fstatfs, fd, (long)&sf, 0, 0, 0, 0);
	printf("fstatfs: %s, tmpfs %d, bsize %ld, namelen %ld\n", ename(ret),
	       sf.f_type == TMPFS_MAGIC_, sf.f_bsize, sf.f_namelen);
	printf("counts sane: %d\n", sf.f_blocks > 0 && sf.f_bfree <= sf.f_blocks &&
					    sf.f_bavail <= sf.f_blocks && sf.f_ffree <= sf.f_files);
	printf("statfs /tmp: %s\n", ename(raw(SYS_statfs, (long)"/tmp", (long)&sf, 0, 0, 0, 0)));
	printf("statfs missing: %s\n",
	       ename(raw(SYS_statfs, (long)"/tmp/nope/x", (long)&sf, 0, 0, 0, 0)));
	printf("fstatfs bad fd: %s\n", ename(raw(SYS_fstatfs, 99, (long)&sf, 0, 0, 0, 0)));
	close(fd);
}

/* test_results_file - a harness's results in /dev/shm, written by forked children. */
static void
test_results_file(const char *path)
{
	int fd = open(path, O_CREAT | O_RDWR | O_EXCL, 0600), status;
	int *slots;
	int got[NCHILD];

	ftruncate(fd, PAGE);
	slots = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	for (int i = 0; i < NCHILD; i++)
		if (fork() == 0) {
			slots[i] = 100 + i * i;
			_exit(0);
		}
	for (int i = 0; i < NCHILD; i++)
		wait(&status);
	munmap(slots, PAGE);
	pread(fd, got, sizeof(got), 0);
	printf("results:");
	for (int i = 0; i < NCHILD; i++)
		printf(" %d", got[i]);
	printf("\n");
	close(fd);
}

int
main(void)
{
	char dir[] = "/tmp/files_mmapXXXXXX", path[64], shm[64];

	if (!mkdtemp(dir)) {
		printf("mkdtemp: %s\n", ename(-errno));
		return 1;
	}
	snprintf(path, sizeof(path), "%s/data", dir);
	test_shared(path);
	test_private(path);
	test_truncate_errors(dir, path);
	snprintf(shm, sizeof(shm), "/dev/shm/%s", dir + 5);
	test_shm(shm);
	printf("unlink shm: %s\n", ename(lc(unlink(shm))));
	test_results_file(shm);
	printf("unlink: %s\n", ename(lc(unlink(shm))));
	printf("cleanup: %s\n", ename(lc(unlink(path)) ?: lc(rmdir(dir))));
	return 0;
}
