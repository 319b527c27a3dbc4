/*
 * tests/host/test_pipe.c - pipes (kernel/fs/pipe.c) through pipe2, read,
 * write, close and fcntl. Nothing else runs in a host test, so every call
 * here must complete without sleeping (the shim fails a test whose call
 * would block).
 */
#include <string.h>

#include "host_fs.h"

#define PIPE_SIZE 4096

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
test_pipe_basics(void **state)
{
	int fd[2];
	char buf[16];
	struct stat st;

	assert_int_equal(sys_call(pipe2, fd, 0), 0);
	assert_int_equal(fd[0], 3);
	assert_int_equal(fd[1], 4);
	assert_int_equal(sys_call(fcntl, fd[0], F_GETFL, 0), O_RDONLY);
	assert_int_equal(sys_call(fcntl, fd[1], F_GETFL, 0), O_WRONLY);
	assert_int_equal(sys_call(fstat, fd[0], &st), 0);
	assert_int_equal(st.st_mode, S_IFIFO | 0600);

	assert_int_equal(sys_call(write, fd[1], "hello", 5), 5);
	assert_int_equal(sys_call(read, fd[0], buf, 3), 3);
	assert_memory_equal(buf, "hel", 3);
	assert_int_equal(sys_call(read, fd[0], buf, sizeof(buf)), 2); /* what is there */
	assert_memory_equal(buf, "lo", 2);
	assert_int_equal(sys_call(read, fd[0], buf, 0), 0);

	/* Wrong direction, positions, and ioctls. */
	assert_int_equal(sys_call(write, fd[0], "x", 1), -EBADF);
	assert_int_equal(sys_call(read, fd[1], buf, 1), -EBADF);
	assert_int_equal(sys_call(lseek, fd[0], 0, SEEK_CUR), -ESPIPE);
	assert_int_equal(sys_call(pread64, fd[0], buf, 1, 0), -ESPIPE);
	assert_int_equal(sys_call(ioctl, fd[0], 0x5401, buf), -ENOTTY);
	assert_int_equal(sys_call(getdents64, fd[0], buf, sizeof(buf)), -ENOTDIR);

	/* The last writer gone: what is left, then end of file. */
	assert_int_equal(sys_call(write, fd[1], "bye", 3), 3);
	assert_int_equal(sys_call(close, fd[1]), 0);
	assert_int_equal(sys_call(read, fd[0], buf, sizeof(buf)), 3);
	assert_int_equal(sys_call(read, fd[0], buf, sizeof(buf)), 0);
	assert_int_equal(sys_call(close, fd[0]), 0);
}

static void
test_pipe_epipe(void **state)
{
	int fd[2];

	assert_int_equal(sys_call(pipe, fd), 0);
	assert_int_equal(sys_call(close, fd[0]), 0);
	assert_int_equal(sys_call(write, fd[1], "x", 1), -EPIPE);
}

/* A dup'd write end keeps the pipe open: EOF only after both close. */
static void
test_pipe_dup_writer(void **state)
{
	int fd[2];
	char c;
	long w2;

	assert_int_equal(sys_call(pipe2, fd, O_NONBLOCK), 0);
	w2 = sys_call(dup, fd[1]);
	assert_int_equal(sys_call(close, fd[1]), 0);
	assert_int_equal(sys_call(read, fd[0], &c, 1), -EAGAIN); /* a writer remains */
	assert_int_equal(sys_call(close, w2), 0);
	assert_int_equal(sys_call(read, fd[0], &c, 1), 0);
}

static void
test_pipe_full_and_wrap(void **state)
{
	static char big[PIPE_SIZE + 100], out[PIPE_SIZE];
	int fd[2];

	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 7);
	assert_int_equal(sys_call(pipe2, fd, O_NONBLOCK | O_CLOEXEC), 0);
	assert_int_equal(sys_call(fcntl, fd[0], F_GETFD, 0), FD_CLOEXEC);
	assert_int_equal(sys_call(fcntl, fd[1], F_GETFL, 0), O_WRONLY | O_NONBLOCK);
	assert_int_equal(sys_call(read, fd[0], out, 1), -EAGAIN);
	/* More than fits: a non-blocking write takes what fits. */
	assert_int_equal(sys_call(write, fd[1], big, sizeof(big)), PIPE_SIZE);
	assert_int_equal(sys_call(write, fd[1], big, 1), -EAGAIN);
	assert_int_equal(sys_call(read, fd[0], out, 1000), 1000);
	assert_memory_equal(out, big, 1000);
	/* A small write is atomic: 1001 bytes do not fit in 1000, so none go. */
	assert_int_equal(sys_call(write, fd[1], big, 1001), -EAGAIN);
	/* This one wraps around the end of the ring. */
	assert_int_equal(sys_call(write, fd[1], big + PIPE_SIZE, 100), 100);
	assert_int_equal(sys_call(read, fd[0], out, PIPE_SIZE), PIPE_SIZE - 1000 + 100);
	assert_memory_equal(out, big + 1000, PIPE_SIZE - 1000);
	assert_memory_equal(out + PIPE_SIZE - 1000, big + PIPE_SIZE, 100);
	assert_true(host_wake_ups > 0);
}

static void
test_pipe_errors(void **state)
{
	int fd[2];

	assert_int_equal(sys_call(pipe2, fd, O_APPEND), -EINVAL);
	assert_int_equal(sys_call(pipe2, 16, 0), -EFAULT);
	/* The failed call left no descriptors behind: the next is still 3. */
	assert_int_equal(sys_call(dup, 0), 3);
	for (int i = 4; i < NR_OPEN_DEFAULT - 1; i++)
		assert_int_equal(sys_call(dup, 0), i);
	assert_int_equal(sys_call(pipe2, fd, 0), -EMFILE); /* one slot left, two needed */
	assert_int_equal(sys_call(dup, 0), NR_OPEN_DEFAULT - 1);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_pipe_basics),	    T(test_pipe_epipe),	 T(test_pipe_dup_writer),
		T(test_pipe_full_and_wrap), T(test_pipe_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
