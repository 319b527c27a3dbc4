/*
 * tests/host/shim.c - the kernel services a host unit test must stand in for.
 *
 * panic() becomes a cmocka assertion failure: a test that expects a panic
 * wraps the call in expect_assert_failure(); anywhere else the test fails
 * with the panic message. printk output is collected in a buffer that a
 * test can read with host_log(), and echoed to stderr when the
 * environment variable HOST_TEST_VERBOSE is set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pagoda/console.h>
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/memblock.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/proc_fs.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>

#include "host_test.h"

bool oops_in_progress;

/* Physical address 0 is at this host address; tests that touch frames set it. */
unsigned long host_page_offset;

static char panic_msg[512];
static char log_text[64 * 1024];
static size_t log_len;

static void
host_console_write(const char *s, size_t len)
{
	size_t room = sizeof(log_text) - 1 - log_len;
	size_t n = len < room ? len : room;

	memcpy(log_text + log_len, s, n);
	log_len += n;
	log_text[log_len] = '\0';
	if (getenv("HOST_TEST_VERBOSE"))
		fwrite(s, 1, len, stderr);
}

static struct console host_console = { .name = "host", .write = host_console_write };

/* Registered before main() runs, so every printk is captured. */
__attribute__((constructor)) static void
host_console_init(void)
{
	console_loglevel = 8; /* capture every level, debug too */
	register_console(&host_console);
}

const char *
host_log(void)
{
	return log_text;
}

void
host_log_clear(void)
{
	log_len = 0;
	log_text[0] = '\0';
}

const char *
host_last_panic(void)
{
	return panic_msg;
}

/* A lab's unwritten function (include/pagoda/kernel.h): said on stderr. */
void
lab_todo(const char *lab, const char *func, const char *file)
{
	fprintf(stderr, "lab %s: %s() is not written yet (%s)\n", lab, func, file);
}

void
panic_at(const char *file, int line, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	vsnprintf(panic_msg, sizeof(panic_msg), fmt, args);
	va_end(args);
	mock_assert(0, panic_msg, file, line);
	abort(); /* not reached: mock_assert does not return */
}

/* kmalloc is malloc, so AddressSanitizer sees every leak and overrun. */
void *
kmalloc(size_t size, gfp_t gfp)
{
	if (!size)
		return NULL;
	return (gfp & __GFP_ZERO) ? calloc(1, size) : malloc(size);
}

void *
kzalloc(size_t size, gfp_t gfp)
{
	return size ? calloc(1, size) : NULL;
}

void
kfree(const void *obj)
{
	free((void *)obj);
}

/* User programs' console output goes where kernel messages go, here. */
void
tty_output(const char *s, size_t len)
{
	console_write(s, len);
}

/* The mm and process code are not in host tests: no mappings, only the
 * caller as a process. */
int
proc_pid_maps(struct task_struct *task, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	return 0;
}

int
proc_task_mem(struct task_struct *task, char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	return 0;
}

struct task_struct *
find_task_by_pid(pid_t pid)
{
	struct task_struct *task = current;

	return task && task->pid == pid ? task : NULL;
}

/* No process list in host tests: /proc lists what lookups made. */
struct list_head task_list = LIST_HEAD_INIT(task_list);

void shmem_init(const char *cmdline); /* mm/shmem.c (its header needs fs.h's loff_t) */

#define HOST_RAM (8UL << 20) /* "physical" memory for page-cache pages */

static unsigned long host_ram_free;

/*
 * host_ram_up - a buddy allocator over HOST_RAM bytes of host memory, so
 * that the page cache (mm/filemap.c) has frames to fill: physical address
 * 0 is the start of the buffer.
 */
void
host_ram_up(void)
{
	static unsigned char *ram;
	static struct page *map;

	if (!ram)
		ram = aligned_alloc(4096, HOST_RAM);
	if (!map)
		map = malloc((HOST_RAM >> 12) * sizeof(struct page));
	assert_non_null(ram);
	assert_non_null(map);
	host_page_offset = (unsigned long)ram;
	memblock_reset();
	assert_int_equal(memblock_add(0, HOST_RAM), 0);
	free_area_init(map, HOST_RAM >> 12);
	host_ram_free = memblock_free_all();
	memset(vm_node_stat, 0, sizeof(vm_node_stat));
	shmem_init(NULL); /* the root tmpfs: half of these frames */
}

/* host_ram_check - every frame is free again (the page cache let go of all). */
void
host_ram_check(void)
{
	assert_int_equal(nr_free_pages(), host_ram_free);
	assert_int_equal(node_page_state(NR_FILE_PAGES), 0);
}
