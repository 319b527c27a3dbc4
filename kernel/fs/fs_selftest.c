/*
 * kernel/fs/fs_selftest.c - the file layer checked from inside the kernel.
 *
 * Run at boot with `selftest` on the command line (kernel/init/
 * boot_tests.c). They use the initramfs GRUB really loaded and the real
 * page allocator behind /proc, which the host tests cannot: they open
 * /etc/motd (from rootfs/etc/motd) the way execve opens a program, list
 * directories, read /proc/meminfo and /proc/buddyinfo, and drive a
 * descriptor table with no process around it.
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/printk.h>
#include <pagoda/selftest.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <uapi/errno.h>
#include <uapi/fcntl.h>

#include "internal.h"

/* /etc/motd opens, reads back its bytes in pieces, and ends. */
bool
selftest_initramfs(void)
{
	static const char motd[] = "Welcome to Pagoda.\n";
	struct file *file = filp_open("/etc/motd", O_RDONLY, 0);
	char buf[64];
	loff_t pos = 0;
	ssize_t n;

	SELFTEST_CHECK(!IS_ERR(file));
	/* What execve needs: the size, the path for /proc/<pid>/exe, the bytes. */
	SELFTEST_CHECK(file_size(file) == sizeof(motd) - 1);
	SELFTEST_CHECK(strcmp(file_path(file), "/etc/motd") == 0);
	n = kernel_read(file, buf, 8, &pos);
	SELFTEST_CHECK(n == 8 && pos == 8);
	n = kernel_read(file, buf + 8, sizeof(buf) - 8, &pos);
	SELFTEST_CHECK(n == (ssize_t)sizeof(motd) - 1 - 8);
	SELFTEST_CHECK(memcmp(buf, motd, sizeof(motd) - 1) == 0);
	SELFTEST_CHECK(kernel_read(file, buf, sizeof(buf), &pos) == 0);
	fput(file);

	/* The root is a tmpfs: its files open for writing; missing ones do not. */
	file = filp_open("/etc/motd", O_WRONLY, 0);
	SELFTEST_CHECK(!IS_ERR(file) && file->f_op->write);
	fput(file);
	SELFTEST_CHECK(PTR_ERR(filp_open("/etc/motd/x", O_RDONLY, 0)) == -ENOTDIR);
	SELFTEST_CHECK(PTR_ERR(filp_open("/no/such", O_RDONLY, 0)) == -ENOENT);
	SELFTEST_CHECK(PTR_ERR(filp_open("/etc", O_RDWR, 0)) == -EISDIR);
	return true;
}

/* has_entry - does directory @path list @name? */
static bool
has_entry(const char *path, const char *name)
{
	struct inode *dir;

	if (path_lookupat(NULL, path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &dir))
		return false;
	return find_child(dir, name, strlen(name)) != NULL;
}

/* The tree has the archive's directories plus /dev and /proc; paths resolve like Linux. */
bool
selftest_namei(void)
{
	struct inode *inode;

	SELFTEST_CHECK(has_entry("/", "etc") && has_entry("/", "dev") && has_entry("/", "proc"));
	SELFTEST_CHECK(has_entry("/etc", "motd"));
	SELFTEST_CHECK(has_entry("/dev", "console") && has_entry("/dev", "null"));
	SELFTEST_CHECK(has_entry("/proc", "meminfo") && has_entry("/proc", "self"));
	/* Repeated slashes, "." and ".." as Linux resolves them. */
	SELFTEST_CHECK(path_lookupat(NULL, "//etc/../etc/./motd", 0, &inode) == 0);
	SELFTEST_CHECK(strcmp(inode->i_path, "/etc/motd") == 0);
	SELFTEST_CHECK(path_lookupat(NULL, "/etc/motd/", 0, &inode) == -ENOTDIR);
	SELFTEST_CHECK(path_lookupat(NULL, "/../..", 0, &inode) == 0 && inode == root_inode);
	/* fd 0-2 of the first process will point at this device. */
	SELFTEST_CHECK(path_lookupat(NULL, "/dev/console", 0, &inode) == 0);
	SELFTEST_CHECK(S_ISCHR(inode->i_mode) && inode == console_inode());
	return true;
}

/* read_proc - the text of /proc file @path into @buf (NUL-terminated): its length or -errno. */
static ssize_t
read_proc(const char *path, char *buf, size_t size)
{
	struct file *file = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	n = kernel_read(file, buf, size - 1, &pos);
	fput(file);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

/* /proc/meminfo and /proc/buddyinfo in Linux's format, with the allocator's numbers. */
bool
selftest_procfs(void)
{
	char *buf = kmalloc(4096, GFP_KERNEL);
	char want[64];
	ssize_t n;

	SELFTEST_CHECK(buf);
	/* The first line is the allocator's total, in Linux's columns. */
	n = read_proc("/proc/meminfo", buf, 4096);
	snprintf(want, sizeof(want), "MemTotal:       %8lu kB\n", totalram_pages() * 4);
	SELFTEST_CHECK(n > 0 && strncmp(buf, want, strlen(want)) == 0);
	SELFTEST_CHECK(strncmp(buf + strlen(want), "MemFree:        ", 16) == 0);
	n = read_proc("/proc/buddyinfo", buf, 4096);
	SELFTEST_CHECK(n > 0 && strncmp(buf, "Node 0, zone   Normal ", 22) == 0);
	SELFTEST_CHECK(buf[n - 1] == '\n');
	/* Nothing can be created in /proc (Linux: ENOENT). */
	SELFTEST_CHECK(PTR_ERR(filp_open("/proc/new", O_WRONLY | O_CREAT, 0)) == -ENOENT);
	kfree(buf);
	return true;
}

/* A descriptor table: lowest free fd, dup2, close-on-exec, fcntl, references. */
bool
selftest_fdtable(void)
{
	struct files_struct *files = alloc_files(), *copy;
	struct file *file = filp_open("/etc/motd", O_RDONLY, 0);

	SELFTEST_CHECK(files && !IS_ERR(file));
	SELFTEST_CHECK(alloc_fd(files, 0, file, 0) == 0);
	SELFTEST_CHECK(do_fcntl(files, 0, F_DUPFD_CLOEXEC, 5) == 5);
	SELFTEST_CHECK(do_fcntl(files, 5, F_GETFD, 0) == FD_CLOEXEC);
	SELFTEST_CHECK(do_fcntl(files, 0, F_GETFL, 0) == (O_RDONLY | O_LARGEFILE));
	SELFTEST_CHECK(do_dup2(files, 0, 1, 0) == 1 && file->f_count == 3);
	/* fork shares each open file; exec closes the close-on-exec ones. */
	copy = dup_files(files);
	SELFTEST_CHECK(copy && file->f_count == 6);
	do_close_on_exec(copy);
	SELFTEST_CHECK(!files_lookup(copy, 5) && file->f_count == 5);
	put_files(copy);
	SELFTEST_CHECK(file->f_count == 3);
	SELFTEST_CHECK(close_fd(files, 1) == 0 && close_fd(files, 1) == -EBADF);
	put_files(files);
	return true;
}
