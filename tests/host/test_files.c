/*
 * tests/host/test_files.c - the file system calls (kernel/fs/open.c,
 * read_write.c, stat.c, readdir.c, file.c, fcntl.c), called through their
 * sys_call_table entries with a fake current task. Expected errors are
 * what Linux gives for the same calls on a read-only file system.
 */
#include <string.h>

#include <uapi/uio.h>

#include "host_fs.h"

#define BAD_PTR 16UL /* faults in the host shim */

static int
setup(void **state)
{
	struct cpio_buf *a = test_tree();

	fs_world_up(a->data, a->len);
	return 0;
}

static int
teardown(void **state)
{
	fs_world_down();
	return 0;
}

static void
test_open_read_seek(void **state)
{
	char buf[32] = { 0 };
	long fd = sys_call(open, "/etc/motd", O_RDONLY);

	assert_int_equal(fd, 3); /* 0, 1, 2 are the console */
	assert_int_equal(sys_call(read, fd, buf, 7), 7);
	assert_memory_equal(buf, "Welcome", 7);
	assert_int_equal(sys_call(read, fd, buf, sizeof(buf)), 12);
	assert_int_equal(sys_call(read, fd, buf, sizeof(buf)), 0); /* end of file */
	assert_int_equal(sys_call(lseek, fd, -8, SEEK_END), 11);
	assert_int_equal(sys_call(read, fd, buf, 5), 5);
	assert_memory_equal(buf, "Pagod", 5);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_CUR), 16);
	assert_int_equal(sys_call(lseek, fd, 100, SEEK_SET), 100); /* past the end is allowed */
	assert_int_equal(sys_call(read, fd, buf, 5), 0);
	assert_int_equal(sys_call(lseek, fd, -1, SEEK_SET), -EINVAL);
	assert_int_equal(sys_call(lseek, fd, 0, 7), -EINVAL);
	/* pread leaves the position alone. */
	assert_int_equal(sys_call(pread64, fd, buf, 4, 11), 4);
	assert_memory_equal(buf, "Pago", 4);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_CUR), 100);
	assert_int_equal(sys_call(pread64, fd, buf, 4, -1), -EINVAL);
	assert_int_equal(sys_call(read, fd, BAD_PTR, 4), 0); /* at the end: nothing copied */
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_SET), 0);
	assert_int_equal(sys_call(read, fd, BAD_PTR, 4), -EFAULT);
	assert_int_equal(sys_call(read, fd, 0x800000000000UL, 4), -EFAULT); /* kernel half */
	assert_int_equal(sys_call(close, fd), 0);
	assert_int_equal(sys_call(close, fd), -EBADF);
	assert_int_equal(sys_call(read, fd, buf, 4), -EBADF);
	assert_int_equal(sys_call(read, -1, buf, 4), -EBADF);
	assert_int_equal(sys_call(read, 64, buf, 4), -EBADF);
}

/*
 * The root is a tmpfs: write() goes into the page cache, pwrite past the
 * end leaves a hole of zeros, O_APPEND writes at the end, and the pages
 * are what every later read sees.
 */
static void
test_tmpfs_write(void **state)
{
	char buf[8200];
	long fd = sys_call(open, "/etc/motd", O_RDWR);
	struct inode *inode;

	assert_true(fd >= 0);
	assert_int_equal(sys_call(write, fd, "Hello", 5), 5);
	assert_int_equal(sys_call(pread64, fd, buf, 32, 0), 19);
	assert_memory_equal(buf, "Hellome to Pagoda.\n", 19);
	assert_int_equal(sys_call(pwrite64, fd, "end", 3, 8190), 3); /* across a page boundary */
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_END), 8193);
	assert_int_equal(sys_call(pread64, fd, buf, sizeof(buf), 0), 8193);
	for (int i = 19; i < 8190; i++)
		assert_int_equal(buf[i], 0);
	assert_memory_equal(buf + 8190, "end", 3);
	assert_int_equal(sys_call(write, fd, BAD_PTR, 4), -EFAULT);
	assert_int_equal(path_lookupat(NULL, "/etc/motd", 0, &inode), 0);
	assert_int_equal(inode->i_mapping->nrpages, 3);
	assert_int_equal(sys_call(close, fd), 0);
	fd = sys_call(open, "/etc/motd", O_WRONLY | O_APPEND);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_SET), 0);
	assert_int_equal(sys_call(write, fd, "!", 1), 1); /* at the end all the same */
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_CUR), 8194);
	assert_int_equal(sys_call(read, fd, buf, 1), -EBADF);
	assert_int_equal(sys_call(close, fd), 0);
	assert_int_equal(inode->i_size, 8194);
}

static void
test_open_errors(void **state)
{
	/* The root is a tmpfs: its files may be written. */
	assert_int_equal(sys_call(close, sys_call(open, "/etc/motd", O_WRONLY)), 0);
	assert_int_equal(sys_call(close, sys_call(open, "/etc/motd", O_RDWR)), 0);
	assert_int_equal(sys_call(open, "/nodir/new", O_WRONLY | O_CREAT, 0644), -ENOENT);
	assert_int_equal(sys_call(open, "/etc/motd", O_RDONLY | O_CREAT | O_EXCL, 0644), -EEXIST);
	assert_int_equal(sys_call(open, "/etc", O_WRONLY), -EISDIR);
	/* O_CREAT with a trailing slash: EISDIR once the directory is found. */
	assert_int_equal(sys_call(open, "/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	assert_int_equal(sys_call(open, "/etc/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	assert_int_equal(sys_call(open, "/etc/motd/", O_RDONLY | O_CREAT, 0644), -EISDIR);
	assert_int_equal(sys_call(open, "/etc/new//", O_RDONLY | O_CREAT, 0644), -EISDIR);
	assert_int_equal(sys_call(open, "/nodir/x/", O_RDONLY | O_CREAT, 0644), -ENOENT);
	assert_int_equal(sys_call(open, "/etc/motd/x", O_RDONLY | O_CREAT, 0644), -ENOTDIR);
	assert_int_equal(sys_call(close, sys_call(open, "/dev/console", O_WRONLY)), 0);
	assert_int_equal(sys_call(open, "/etc/motd", O_RDONLY | O_DIRECTORY), -ENOTDIR);
	assert_int_equal(sys_call(open, "/bin/ash", O_RDONLY | O_NOFOLLOW), -ELOOP);
	assert_int_equal(sys_call(open, "/loop", O_RDONLY), -ELOOP);
	assert_int_equal(sys_call(open, "", O_RDONLY), -ENOENT);
	assert_int_equal(sys_call(open, BAD_PTR, O_RDONLY), -EFAULT);
	/* A write on a read-only descriptor is EBADF, not EROFS. */
	long fd = sys_call(open, "/etc/motd", O_RDONLY | O_CREAT, 0644); /* exists: fine */
	assert_true(fd >= 0);
	assert_int_equal(sys_call(write, fd, "x", 1), -EBADF);
	assert_int_equal(sys_call(pwrite64, fd, "x", 1, 0), -EBADF);
	assert_int_equal(sys_call(close, fd), 0);
	/* Reading a directory is EISDIR. */
	fd = sys_call(open, "/etc", O_RDONLY | O_DIRECTORY);
	char c;
	assert_int_equal(sys_call(read, fd, &c, 1), -EISDIR);
	assert_int_equal(sys_call(close, fd), 0);
}

static void
test_openat(void **state)
{
	long dfd = sys_call(open, "/etc", O_RDONLY | O_DIRECTORY), fd, file;
	char buf[8];

	fd = sys_call(openat, dfd, "motd", O_RDONLY);
	assert_true(fd > dfd);
	assert_int_equal(sys_call(read, fd, buf, 7), 7);
	file = sys_call(openat, AT_FDCWD, "etc/motd", O_RDONLY); /* cwd is "/" */
	assert_true(file > fd);
	assert_int_equal(sys_call(openat, fd, "x", O_RDONLY), -ENOTDIR);
	assert_int_equal(sys_call(openat, 40, "x", O_RDONLY), -EBADF);
	assert_true(sys_call(openat, 40, "/etc/motd", O_RDONLY) > 0); /* absolute: dfd ignored */
}

static void
test_stat(void **state)
{
	struct stat st;
	long fd;

	assert_int_equal(sizeof(struct stat), 144);
	assert_int_equal(offsetof(struct stat, st_mode), 24);
	assert_int_equal(offsetof(struct stat, st_size), 48);
	assert_int_equal(offsetof(struct stat, st_mtime), 88);

	assert_int_equal(sys_call(stat, "/etc/motd", &st), 0);
	assert_int_equal(st.st_mode, S_IFREG | 0644);
	assert_int_equal(st.st_size, 19);
	assert_int_equal(st.st_nlink, 1);
	assert_int_equal(st.st_blksize, 4096);
	assert_int_equal(sys_call(stat, "/bin/abs", &st), 0);
	assert_int_equal(st.st_size, 19); /* followed */
	assert_int_equal(sys_call(lstat, "/bin/abs", &st), 0);
	assert_int_equal(st.st_mode, S_IFLNK | 0777);
	assert_int_equal(st.st_size, 9); /* the target's length */
	assert_int_equal(sys_call(newfstatat, AT_FDCWD, "/bin/abs", &st, AT_SYMLINK_NOFOLLOW), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(sys_call(newfstatat, AT_FDCWD, "/", &st, 4), -EINVAL);
	assert_int_equal(sys_call(stat, "/etc/motd", BAD_PTR), -EFAULT);
	assert_int_equal(sys_call(stat, "/nope", &st), -ENOENT);

	/* The console is a character device, 5:1 like Linux's /dev/console. */
	assert_int_equal(sys_call(fstat, 1, &st), 0);
	assert_int_equal(st.st_mode, S_IFCHR | 0600);
	assert_int_equal(st.st_rdev, (5 << 8) | 1);
	fd = sys_call(open, "/etc", O_RDONLY);
	assert_int_equal(sys_call(newfstatat, fd, "", &st, AT_EMPTY_PATH), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_nlink, 2); /* its entry in / and its own ".": no subdirectories */
	assert_int_equal(sys_call(fstat, 99, &st), -EBADF);
}

/* dirents - the names getdents64 returns for @path, space-separated. */
static void
dirents(const char *path, char *out, unsigned int bufsize)
{
	char buf[1024];
	long fd = sys_call(open, path, O_RDONLY | O_DIRECTORY), n;

	out[0] = '\0';
	while ((n = sys_call(getdents64, fd, buf, bufsize)) > 0) {
		for (long off = 0; off < n;) {
			struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

			assert_int_equal(d->d_reclen % 8, 0);
			strcat(out, d->d_name);
			strcat(out, d->d_type == DT_DIR ? "/ " : d->d_type == DT_LNK ? "@ " : " ");
			off += d->d_reclen;
		}
	}
	assert_int_equal(n, 0);
	sys_call(close, fd);
}

static void
test_getdents64(void **state)
{
	char names[512];
	char buf[64];
	long fd;

	dirents("/", names, 1024);
	assert_string_equal(names, "./ ../ etc/ bin/ loop@ dangling@ up@ etcdir@ dev/ proc/ ");
	dirents("/etc", names, 1024);
	assert_string_equal(names, "./ ../ motd empty ");
	dirents("/etc", names, 32); /* one record per call */
	assert_string_equal(names, "./ ../ motd empty ");
	fd = sys_call(open, "/etc", O_RDONLY);
	assert_int_equal(sys_call(getdents64, fd, buf, 8), -EINVAL); /* nothing fits */
	assert_int_equal(sys_call(getdents64, fd, BAD_PTR, 64), -EFAULT);
	assert_int_equal(sys_call(getdents64, 0, buf, 64), -ENOTDIR);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_SET), 0);
	assert_true(sys_call(getdents64, fd, buf, 64) > 0); /* rewinddir */
}

static void
test_dup_fcntl(void **state)
{
	long fd = sys_call(open, "/etc/motd", O_RDONLY | O_CLOEXEC);
	char buf[8];

	assert_int_equal(sys_call(fcntl, fd, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_call(fcntl, fd, F_GETFL, 0), O_RDONLY | O_LARGEFILE);
	assert_int_equal(sys_call(dup, fd), 4);
	assert_int_equal(sys_call(fcntl, 4, F_GETFD, 0), 0); /* dup clears close-on-exec */
	/* The two share one position. */
	assert_int_equal(sys_call(read, 4, buf, 3), 3);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_CUR), 3);
	assert_int_equal(sys_call(dup2, fd, 10), 10);
	assert_int_equal(sys_call(dup2, fd, fd), fd);
	assert_int_equal(sys_call(dup2, 30, 31), -EBADF);
	assert_int_equal(sys_call(dup2, 30, 30), -EBADF);
	assert_int_equal(sys_call(dup2, fd, 100000), -EBADF);
	assert_int_equal(sys_call(dup3, fd, fd, 0), -EINVAL);
	assert_int_equal(sys_call(dup3, fd, 11, O_APPEND), -EINVAL);
	assert_int_equal(sys_call(dup3, fd, 11, O_CLOEXEC), 11);
	assert_int_equal(sys_call(fcntl, 11, F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_call(fcntl, fd, F_DUPFD, 20), 20);
	assert_int_equal(sys_call(fcntl, fd, F_DUPFD_CLOEXEC, 20), 21);
	assert_int_equal(sys_call(fcntl, fd, F_DUPFD, 100000), -EINVAL);
	assert_int_equal(sys_call(fcntl, 21, F_SETFD, 0), 0);
	assert_int_equal(sys_call(fcntl, 21, F_GETFD, 0), 0);
	assert_int_equal(sys_call(fcntl, fd, 12345, 0), -EINVAL);
	assert_int_equal(sys_call(fcntl, 50, F_GETFD, 0), -EBADF);
	/* Closing one descriptor leaves the others working. */
	assert_int_equal(sys_call(close, fd), 0);
	assert_int_equal(sys_call(read, 10, buf, 3), 3);
	/* The table fills up at NR_OPEN_DEFAULT: EMFILE. */
	for (long i = 0; i < NR_OPEN_DEFAULT; i++)
		sys_call(dup, 10);
	assert_int_equal(sys_call(dup, 10), -EMFILE);
	assert_int_equal(sys_call(open, "/etc/motd", O_RDONLY), -EMFILE);
}

static void
test_close_on_exec_and_fork(void **state)
{
	struct files_struct *files = current->files, *child;
	long a = sys_call(open, "/etc/motd", O_RDONLY | O_CLOEXEC);
	long b = sys_call(open, "/etc/motd", O_RDONLY);
	struct file *fa = files_lookup(files, a);

	child = dup_files(files);
	assert_ptr_equal(files_lookup(child, a), fa); /* shared, positions too */
	assert_int_equal(fa->f_count, 2);
	do_close_on_exec(child);
	assert_null(files_lookup(child, a));
	assert_non_null(files_lookup(child, b));
	assert_int_equal(fa->f_count, 1);
	put_files(child);
	assert_int_equal(files_lookup(files, b)->f_count, 1);
}

static void
test_readv_writev(void **state)
{
	char a[4], b[32];
	struct iovec iov[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	long fd = sys_call(open, "/etc/motd", O_RDONLY);

	assert_int_equal(sys_call(readv, fd, iov, 2), 19);
	assert_memory_equal(a, "Welc", 4);
	assert_memory_equal(b, "ome to Pagoda.\n", 15);
	assert_int_equal(sys_call(readv, fd, iov, 0), 0);
	assert_int_equal(sys_call(readv, fd, iov, 1025), -EINVAL);
	assert_int_equal(sys_call(readv, fd, BAD_PTR, 1), -EFAULT);
	iov[0].iov_len = (size_t)-1;
	assert_int_equal(sys_call(readv, fd, iov, 2), -EINVAL);

	struct iovec out[2] = { { "hello, ", 7 }, { "console\n", 8 } };
	host_log_clear();
	assert_int_equal(sys_call(writev, 1, out, 2), 15);
	assert_string_equal(host_log(), "hello, console\n");
	assert_int_equal(sys_call(write, 2, "err\n", 4), 4);
	assert_int_equal(sys_call(lseek, 1, 0, SEEK_CUR), -ESPIPE);
	assert_int_equal(sys_call(pread64, 0, a, 1, 0), -ESPIPE);
}

static void
test_readlink_access(void **state)
{
	char buf[16];

	assert_int_equal(sys_call(readlink, "/bin/abs", buf, sizeof(buf)), 9);
	assert_memory_equal(buf, "/etc/motd", 9);
	assert_int_equal(sys_call(readlink, "/bin/abs", buf, 4), 4); /* cut, no NUL */
	assert_int_equal(sys_call(readlink, "/bin/sh", buf, sizeof(buf)), -EINVAL);
	assert_int_equal(sys_call(readlink, "/bin/abs", buf, 0), -EINVAL);
	assert_int_equal(sys_call(readlink, "/nope", buf, sizeof(buf)), -ENOENT);
	assert_int_equal(sys_call(readlink, "/bin/abs", BAD_PTR, sizeof(buf)), -EFAULT);
	long dfd = sys_call(open, "/bin", O_RDONLY);
	assert_int_equal(sys_call(readlinkat, dfd, "ash", buf, sizeof(buf)), 2);

	assert_int_equal(sys_call(access, "/etc/motd", R_OK), 0);
	assert_int_equal(sys_call(access, "/etc/motd", F_OK), 0);
	assert_int_equal(sys_call(access, "/etc/motd", W_OK), 0);
	assert_int_equal(sys_call(access, "/etc/motd", X_OK), -EACCES);
	assert_int_equal(sys_call(access, "/bin/sh", X_OK), 0);
	assert_int_equal(sys_call(access, "/etc", X_OK), 0);
	assert_int_equal(sys_call(access, "/etc", W_OK), 0);
	assert_int_equal(sys_call(access, "/dev", W_OK), 0);
	assert_int_equal(sys_call(access, "/dev/null", W_OK), 0);
	assert_int_equal(sys_call(access, "/etc/motd", 8), -EINVAL);
	assert_int_equal(sys_call(access, "/nope", F_OK), -ENOENT);
	assert_int_equal(sys_call(faccessat, dfd, "sh", X_OK), 0);
}

/* Linux's reserve-then-install, as code that makes a file for a new fd uses it. */
static void
test_reserve_install(void **state)
{
	int fd = get_unused_fd_flags(O_CLOEXEC);
	struct file *file = filp_open("/etc/motd", O_RDONLY, 0);
	char buf[4];

	assert_int_equal(fd, 3);
	assert_int_equal(sys_call(dup, 0), 4);		      /* 3 is taken */
	assert_int_equal(sys_call(read, fd, buf, 1), -EBADF); /* but not yet open */
	assert_int_equal(sys_call(dup2, 0, fd), -EBUSY);
	fd_install(fd, file);
	assert_int_equal(sys_call(read, fd, buf, 4), 4);
	assert_int_equal(sys_call(fcntl, fd, F_GETFD, 0), FD_CLOEXEC);
	fd = get_unused_fd_flags(0);
	assert_int_equal(fd, 5);
	put_unused_fd(fd);
	assert_int_equal(sys_call(dup, 0), 5);
}

/* What execve may run: regular files with an execute bit. */
static void
test_open_exec(void **state)
{
	struct file *file = open_exec("/bin/ash");

	assert_false(IS_ERR(file));
	assert_string_equal(file_path(file), "/bin/sh"); /* after the link */
	assert_int_equal(file_size(file), 8);
	fput(file);
	assert_int_equal(PTR_ERR(open_exec("/etc/motd")), -EACCES); /* no x bit */
	assert_int_equal(PTR_ERR(open_exec("/bin")), -EACCES);
	assert_int_equal(PTR_ERR(open_exec("/dev/console")), -EACCES);
	assert_int_equal(PTR_ERR(open_exec("/bin/nope")), -ENOENT);
	assert_int_equal(PTR_ERR(open_exec("/etc/motd/sh")), -ENOTDIR);
	assert_int_equal(PTR_ERR(open_exec("/loop")), -ELOOP);
}

static void
test_dev_null(void **state)
{
	char buf[4];
	long fd = sys_call(open, "/dev/null", O_RDWR);

	assert_true(fd >= 0);
	assert_int_equal(sys_call(write, fd, "abc", 3), 3);
	assert_int_equal(sys_call(read, fd, buf, 4), 0);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_open_read_seek),
		T(test_tmpfs_write),
		T(test_open_errors),
		T(test_openat),
		T(test_stat),
		T(test_getdents64),
		T(test_dup_fcntl),
		T(test_close_on_exec_and_fork),
		T(test_readv_writev),
		T(test_readlink_access),
		T(test_reserve_install),
		T(test_open_exec),
		T(test_dev_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
