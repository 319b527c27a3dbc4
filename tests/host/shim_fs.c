/*
 * tests/host/shim_fs.c - what the file layer needs from the rest of the
 * kernel, for host tests.
 *
 * "user memory" is ordinary host memory, except that addresses below
 * HOST_BAD_USER_LIMIT fault, so tests can check for EFAULT; current_task
 * is whatever task a test installs; a wait that would sleep fails the
 * test, since nothing else could ever wake it. The console's file
 * operations are a recorder: writes land in the printk log (host_log()).
 *
 * Also a builder of cpio "newc" archives for the tests.
 */
#include <string.h>

#include <pagoda/console.h>
#include <pagoda/fs.h>
#include <pagoda/sched.h>
#include <pagoda/wait.h>

#include <uapi/errno.h>

#include "../../kernel/fs/internal.h"
#include "host_fs.h"
#include "host_test.h"

struct task_struct *current_task;

static bool
bad_user(const void *p)
{
	return (uintptr_t)p < HOST_BAD_USER_LIMIT;
}

unsigned long
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (n && bad_user(from))
		return n;
	memcpy(to, from, n);
	return 0;
}

unsigned long
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (n && bad_user(to))
		return n;
	memcpy(to, from, n);
	return 0;
}

long
strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (bad_user(src))
		return -EFAULT;
	for (i = 0; i < count; i++) {
		dst[i] = src[i];
		if (!src[i])
			return i;
	}
	return count;
}

unsigned long
clear_user(void __user *to, unsigned long n)
{
	if (n && bad_user(to))
		return n;
	memset(to, 0, n);
	return 0;
}

/* The memory devices' generator: not random, but never all zeros. */
void
get_random_bytes(void *buf, size_t len)
{
	memset(buf, 0xa5, len);
}

int
put_user_u32(uint32_t val, void __user *addr)
{
	return copy_to_user(addr, &val, sizeof(val)) ? -EFAULT : 0;
}

void
prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
}

void
prepare_to_wait_state(struct wait_queue_head *wq, struct wait_queue_entry *wait, long state)
{
}

void
finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *wait)
{
}

unsigned long host_wake_ups;

void
wake_up(struct wait_queue_head *wq)
{
	host_wake_ups++;
}

bool
signal_pending(struct task_struct *task)
{
	return false;
}

/* Nothing else runs in a host test: a sleep would never end. */
void
schedule(void)
{
	mock_assert(0, "schedule() called: the test would block forever", __FILE__, __LINE__);
}

static ssize_t
host_tty_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	console_write(buf, count);
	return count;
}

static ssize_t
host_tty_read(struct file *file, char __user *buf, size_t count, loff_t *pos)
{
	return 0;
}

const struct file_operations tty_fops = {
	.read = host_tty_read,
	.write = host_tty_write,
};

/* put_hex8 - @v as 8 upper-case hex digits, as newc headers hold numbers. */
static void
put_hex8(char *p, unsigned long v)
{
	for (int i = 7; i >= 0; i--, v >>= 4)
		p[i] = "0123456789ABCDEF"[v & 0xf];
}

/* cpio_add - append one newc member to @a (name, mode, data of @len bytes). */
void
cpio_add(struct cpio_buf *a, const char *name, unsigned int mode, const void *data, size_t len)
{
	size_t namesize = strlen(name) + 1;

	const unsigned long fields[13] = { 0, mode, 0, 0, 1, 0, len, 0, 0, 0, 0, namesize, 0 };

	memcpy(a->data + a->len, "070701", 6);
	for (int i = 0; i < 13; i++)
		put_hex8(a->data + a->len + 6 + 8 * i, fields[i]);
	a->len += 110;
	memcpy(a->data + a->len, name, namesize);
	a->len += namesize;
	while (a->len % 4)
		a->data[a->len++] = '\0';
	memcpy(a->data + a->len, data, len);
	a->len += len;
	while (a->len % 4)
		a->data[a->len++] = '\0';
}

/* cpio_trailer - end @a with the TRAILER!!! member. */
void
cpio_trailer(struct cpio_buf *a)
{
	cpio_add(a, "TRAILER!!!", 0, "", 0);
}

struct task_struct host_task;

/* No slab allocator in host tests: /proc/meminfo's Slab line is 0. */
unsigned long
nr_slab_pages(void)
{
	return 0;
}

/* fs_world_up - the tree of @archive plus /dev, and a task in "/" with fd 0-2 on the console. */
void
fs_world_up(const char *archive, size_t len)
{
	host_ram_up();
	assert_int_equal(initramfs_unpack(archive, len), 0);
	assert_int_equal(devices_init(root_inode), 0);
	assert_int_equal(proc_root_init(root_inode), 0);
	memset(&host_task, 0, sizeof(host_task));
	host_task.pid = host_task.tgid = 1;
	host_task.group_leader = &host_task;
	host_task.fs = fs_struct_init();
	host_task.files = files_init_console();
	assert_non_null(host_task.fs);
	assert_non_null(host_task.files);
	current_task = &host_task;
}

/* fs_world_down - close everything; ASan then reports anything leaked. */
void
fs_world_down(void)
{
	put_files(host_task.files);
	put_fs_struct(host_task.fs);
	current_task = NULL;
	initramfs_free();
	host_ram_check();
}

/*
 * test_tree - the tree most file tests use:
 *	/etc/motd  /etc/empty  /bin/sh  /bin/ash -> sh  /bin/abs -> /etc/motd
 *	/loop -> loop  /dangling -> nowhere  /up -> ..  /etcdir -> /etc
 */
struct cpio_buf *
test_tree(void)
{
	static struct cpio_buf a;

	a.len = 0;
	cpio_add(&a, "etc", S_IFDIR | 0755, "", 0);
	cpio_add(&a, "etc/motd", S_IFREG | 0644, "Welcome to Pagoda.\n", 19);
	cpio_add(&a, "etc/empty", S_IFREG | 0644, "", 0);
	cpio_add(&a, "bin", S_IFDIR | 0755, "", 0);
	cpio_add(&a, "bin/sh", S_IFREG | 0755,
		 "\x7f"
		 "ELF....",
		 8);
	cpio_add(&a, "bin/ash", S_IFLNK | 0777, "sh", 2);
	cpio_add(&a, "bin/abs", S_IFLNK | 0777, "/etc/motd", 9);
	cpio_add(&a, "loop", S_IFLNK | 0777, "loop", 4);
	cpio_add(&a, "dangling", S_IFLNK | 0777, "nowhere", 7);
	cpio_add(&a, "up", S_IFLNK | 0777, "..", 2);
	cpio_add(&a, "etcdir", S_IFLNK | 0777, "/etc", 4);
	cpio_trailer(&a);
	return &a;
}
