/*
 * tests/host/test_proc.c - /proc (kernel/fs/proc.c): the text of each
 * file in Linux's format, the listing of /proc, and /proc/self/exe.
 * The page allocator is not set up in host tests, so the memory numbers
 * are 0; the boot self-test (procfs) checks them against the real one.
 */
#include <string.h>

#include "host_fs.h"

#include <pagoda/mm.h>

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

/* slurp - the whole of @path read in @chunk-byte reads, NUL-terminated. */
static const char *
slurp(const char *path, size_t chunk)
{
	static char text[8192];
	long fd = sys_call(open, path, O_RDONLY), n;
	size_t len = 0;

	assert_true(fd >= 0);
	while ((n = sys_call(read, fd, text + len, chunk)) > 0)
		len += n;
	assert_int_equal(n, 0);
	text[len] = '\0';
	assert_int_equal(sys_call(close, fd), 0);
	return text;
}

static void
test_meminfo(void **state)
{
	const char *text = slurp("/proc/meminfo", 4096);

	/* Linux's columns: the label padded to 16, the number to 8. The
	 * host's 8 MiB of frames (shim.c, host_ram_up) hold the page cache. */
	assert_memory_equal(text, "MemTotal:           8192 kB\nMemFree:     ", 41);
	for (int i = 0; i < 4; i++) {
		const char *line = text + 28 * i;

		assert_true(line[15] == ' ' && line[23] >= '0' && line[23] <= '9');
		assert_memory_equal(line + 24, " kB\n", 4);
	}
	assert_memory_equal(text + 56, "MemAvailable:", 13);
	assert_memory_equal(text + 84, "Buffers:               0 kB\n", 28);
	assert_string_equal(slurp("/proc/meminfo", 7), text); /* small reads, same text */
	/* As root on Linux: opening for writing works, writing does not. */
	long fd = sys_call(open, "/proc/meminfo", O_RDWR);
	assert_true(fd >= 0);
	assert_int_equal(sys_call(write, fd, "x", 1), -EIO);
	assert_int_equal(sys_call(lseek, fd, 5, SEEK_SET), 5);
	assert_int_equal(sys_call(lseek, fd, 0, SEEK_END), -EINVAL);
	assert_int_equal(sys_call(access, "/proc/meminfo", W_OK), 0);
	assert_int_equal(sys_call(open, "/proc/new", O_WRONLY | O_CREAT, 0644), -ENOENT);
	assert_int_equal(sys_call(open, "/proc/meminfo", O_WRONLY | O_CREAT | O_EXCL, 0644),
			 -EEXIST);
}

static void
test_buddyinfo(void **state)
{
	const char *text = slurp("/proc/buddyinfo", 100);

	/* Linux's layout: the zone, then 11 free counts (orders 0-10) in 7 columns. */
	assert_int_equal(strlen(text), 21 + 11 * 7 + 2);
	assert_memory_equal(text, "Node 0, zone   Normal", 21);
	assert_string_equal(text + 21 + 11 * 7, " \n");
}

/* /proc/vmstat: Linux's "name value" lines, one per counter, live values. */
static void
test_vmstat(void **state)
{
	memset(vm_events, 0, sizeof(vm_events));
	count_vm_event(PGFAULT);
	count_vm_event(PGFAULT);
	count_vm_event(COW_FAULT);
	assert_string_equal(slurp("/proc/vmstat", 200),
			    "pgfault 2\npgalloc_anon 0\ncow_fault 1\nflush_icache_range 0\n"
			    "nr_tlb_local_flush_one 0\nnr_tlb_local_flush_all 0\n");
}

static void
test_listing_and_stat(void **state)
{
	char buf[512];
	long fd = sys_call(open, "/proc", O_RDONLY | O_DIRECTORY), n;
	char names[256] = "";
	struct stat st;

	n = sys_call(getdents64, fd, buf, sizeof(buf));
	for (long off = 0; off < n;) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

		strcat(names, d->d_name);
		strcat(names, " ");
		off += d->d_reclen;
	}
	assert_string_equal(names, ". .. buddyinfo meminfo vmstat self ");
	assert_int_equal(sys_call(readlink, "/proc/self", names, sizeof(names)), 1);
	assert_memory_equal(names, "1", 1); /* the caller's pid, as on Linux */
	assert_int_equal(sys_call(stat, "/proc/meminfo", &st), 0);
	assert_int_equal(st.st_mode, S_IFREG | 0444);
	assert_int_equal(st.st_size, 0); /* like Linux: the size is unknown until read */
}

static void
test_self(void **state)
{
	char buf[64];
	struct file *exe;

	strcpy(host_task.comm, "sh");
	assert_string_equal(slurp("/proc/self/status", 64),
			    "Name:\tsh\nState:\tR (running)\nTgid:\t1\nPid:\t1\nPPid:\t0\n");
	assert_string_equal(slurp("/proc/self/maps", 64), ""); /* until the mm supplies it */

	/* No program recorded yet; then what exec records. */
	assert_int_equal(sys_call(readlink, "/proc/self/exe", buf, sizeof(buf)), -ENOENT);
	exe = filp_open("/bin/ash", O_RDONLY, 0);
	assert_false(IS_ERR(exe));
	set_task_exe_file(current, exe);
	fput(exe); /* the fs_struct keeps its own reference */
	assert_int_equal(sys_call(readlink, "/proc/self/exe", buf, sizeof(buf)), 7);
	assert_memory_equal(buf, "/bin/sh", 7); /* the file opened, after links */
	assert_int_equal(sys_call(readlink, "/proc/self/exe", buf, 4), 4);
	struct stat st;
	assert_int_equal(sys_call(stat, "/proc/self/exe", &st), 0); /* followed */
	assert_int_equal(st.st_mode, S_IFREG | 0755);
	assert_int_equal(sys_call(lstat, "/proc/self/exe", &st), 0);
	assert_int_equal(st.st_mode, S_IFLNK | 0777);
	/* fork copies it, exit drops it. */
	struct fs_struct *child = copy_fs_struct(current->fs);
	assert_int_equal(child->exe_file->f_count, 2);
	put_fs_struct(child);
	assert_int_equal(current->fs->exe_file->f_count, 1);
}

/* proc_names - the names getdents64 lists in /proc, space-separated. */
static const char *
proc_names(void)
{
	static char names[256];
	char buf[512];
	long fd = sys_call(open, "/proc", O_RDONLY | O_DIRECTORY), n;

	names[0] = '\0';
	n = sys_call(getdents64, fd, buf, sizeof(buf));
	for (long off = 0; off < n;) {
		struct linux_dirent64 *d = (struct linux_dirent64 *)(buf + off);

		strcat(names, d->d_name);
		strcat(names, " ");
		off += d->d_reclen;
	}
	sys_call(close, fd);
	return names;
}

/* /proc/<pid>: made when looked up, gone when its process is. */
static void
test_pid_dirs(void **state)
{
	struct stat st;

	strcpy(host_task.comm, "init");
	assert_int_equal(sys_call(stat, "/proc/2", &st), -ENOENT); /* no such process */
	assert_int_equal(sys_call(stat, "/proc/01", &st), -ENOENT);
	assert_int_equal(sys_call(stat, "/proc/1x", &st), -ENOENT);
	assert_int_equal(sys_call(stat, "/proc/1", &st), 0);
	assert_int_equal(st.st_mode, S_IFDIR | 0555);
	assert_string_equal(slurp("/proc/1/status", 64),
			    "Name:\tinit\nState:\tR (running)\nTgid:\t1\nPid:\t1\nPPid:\t0\n");
	assert_string_equal(proc_names(), ". .. buddyinfo meminfo vmstat self 1 ");
	assert_int_equal(sys_call(chdir, "/proc/1"), 0);
	assert_int_equal(sys_call(open, "maps", O_RDONLY), 3);

	/* The process goes (here: its pid changes): so does its directory. */
	host_task.pid = host_task.tgid = 7;
	assert_int_equal(sys_call(stat, "/proc/1", &st), -ENOENT);
	assert_string_equal(proc_names(), ". .. buddyinfo meminfo vmstat self ");
	assert_int_equal(sys_call(stat, "/proc/7/exe", &st), -ENOENT); /* no program yet */
	assert_int_equal(sys_call(lstat, "/proc/7/exe", &st), 0);
	host_task.pid = host_task.tgid = 1; /* and the pid comes back: the directory serves again */
	assert_int_equal(sys_call(stat, "/proc/1/status", &st), 0);
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_meminfo),	  T(test_buddyinfo), T(test_vmstat),
		T(test_listing_and_stat), T(test_self),	     T(test_pid_dirs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
