/*
 * kernel/init/main.c - start_kernel(), the first C function.
 *
 * head64.asm calls start_kernel with the Multiboot2 magic and the physical
 * address of GRUB's boot information. It brings the kernel up in order:
 * the serial console first, so that anything after it can report a
 * problem; then exception handling, so a fault is reported instead of
 * resetting the machine; then it reads the boot information, prints the
 * boot summary and starts the timer.
 *
 * Counterpart: Linux init/main.c.
 */
#include <pagoda/arch.h>
#include <pagoda/cmdline.h>
#include <pagoda/exec.h>
#include <pagoda/fs.h>
#include <pagoda/gfp.h>
#include <pagoda/init.h>
#include <pagoda/jiffies.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mm_init.h>
#include <pagoda/multiboot2.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/shmem.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/version.h>

#include <asm/page.h>

#include <uapi/errno.h>

/* What GRUB told us; filled in by multiboot2_parse(). */
struct boot_info boot_info;

static void
setup_log_level(void)
{
	char buf[8];

	if (cmdline_find_option_bool(saved_command_line, "quiet"))
		console_loglevel = CONSOLE_LOGLEVEL_QUIET;
	if (cmdline_find_option(saved_command_line, "loglevel", buf, sizeof(buf)) > 0 &&
	    buf[0] >= '0' && buf[0] <= '9' && buf[1] == '\0')
		console_loglevel = buf[0] - '0' + 1; /* levels 0..N shown */
}

/* print_memory_map - the boot summary's view of physical memory. */
static void
print_memory_map(const struct boot_info *bi)
{
	uint64_t usable = 0;

	pr_info("Physical RAM map (from Multiboot2):\n");
	for (unsigned int i = 0; i < bi->nr_mem_ranges; i++) {
		const struct boot_mem_range *r = &bi->mem[i];

		pr_info("  [mem 0x%016llx-0x%016llx] %s\n", (unsigned long long)r->start,
			(unsigned long long)r->end - 1, multiboot2_mem_type_name(r->type));
		if (r->type == MB2_MEMORY_AVAILABLE)
			usable += r->end - r->start;
	}
	for (unsigned int i = 0; i < bi->nr_modules; i++) {
		const struct boot_module *m = &bi->modules[i];

		pr_info("Module: [mem 0x%08llx-0x%08llx] %s\n", (unsigned long long)m->start,
			(unsigned long long)m->end - 1, m->cmdline);
	}
	pr_info("RAM: %lluK usable (%llu MiB)\n", (unsigned long long)usable / 1024,
		(unsigned long long)usable / MiB);
}

/* populate_rootfs - unpack the GRUB module named initramfs.cpio, if any. */
static void
populate_rootfs(const struct boot_info *bi)
{
	for (unsigned int i = 0; i < bi->nr_modules; i++) {
		const struct boot_module *m = &bi->modules[i];

		if (strcmp(m->cmdline, "initramfs.cpio") != 0)
			continue;
		int err = fs_init(__va(m->start), m->end - m->start);

		if (err < 0)
			pr_err("initramfs: cannot unpack (error %d (%s))\n", err, errname(-err));
		return;
	}
	pr_warn("initramfs: no initramfs.cpio module; no programs to run\n");
}

static void
read_boot_info(unsigned long magic, phys_addr_t info_pa)
{
	if (magic != MULTIBOOT2_BOOTLOADER_MAGIC)
		panic("not booted by a Multiboot2 loader (magic %#lx)", magic);
	if (multiboot2_parse(__va(info_pa), info_pa, &boot_info) < 0)
		panic("malformed Multiboot2 boot information at %#llx",
		      (unsigned long long)info_pa);
	strlcpy(saved_command_line, boot_info.cmdline, sizeof(saved_command_line));
}

/* The first program and its environment, as Linux starts init. */
#define INIT_MAX_ARGS 64
#define INIT_MAX_ENVS 64

static char init_path[256] = "/init";
static const char *init_argv[INIT_MAX_ARGS + 1] = { init_path, NULL };
static const char *init_envp[INIT_MAX_ENVS + 1] = { "HOME=/", "TERM=linux", "PATH=/bin", NULL };
static char init_args_buf[4096];
static char init_envs_buf[4096];
/* init_stdin=PATH: the file init reads as fd 0 instead of the console. */
static char init_stdin[256];
/* init_cwd=DIR: init's working directory instead of "/". */
static char init_cwd[256];

/* Free frames, page-cache pages, slab pages and tmpfs inodes when init
 * started: all must be back when it exits (the per-cache object counts
 * are marked at the same moment). */
unsigned long init_free_pages, init_cached_pages, init_slab_pages, init_inodes;

/*
 * read_init_strings - if the initramfs has file @path holding NUL-terminated
 * strings (tools/run-elf writes /etc/init.argv and /etc/init.env), point
 * @vec (room for @max strings and the NULL) at them, kept in @buf of @size
 * bytes, so arguments with spaces survive intact. Without the file, @vec
 * keeps its default.
 */
static void
read_init_strings(const char *path, const char **vec, int max, char *buf, size_t size)
{
	struct file *f = filp_open(path, 0, 0);
	loff_t pos = 0;
	ssize_t len;
	int n = 0;

	if (IS_ERR(f))
		return;
	len = kernel_read(f, buf, size - 1, &pos);
	fput(f);
	for (ssize_t i = 0; i < len && n < max; i += strlen(buf + i) + 1)
		vec[n++] = buf + i;
	if (n)
		vec[n] = NULL;
}

/*
 * setup_init_files - init_stdin= and init_cwd= from the command line:
 * fd 0 of init reads the file instead of the console (tools/run-elf stores
 * a piped standard input there, so the program reads exactly those bytes
 * and then end-of-file; fd 1 and 2 stay on the console), and the working
 * directory changes. Pagoda's options; Linux has neither (its
 * console_on_rootfs() gives init /dev/console as fd 0, 1 and 2).
 */
static void
setup_init_files(void)
{
	struct file *in;
	int err;

	if (init_stdin[0]) {
		in = filp_open(init_stdin, 0, 0); /* O_RDONLY */
		if (IS_ERR(in))
			pr_err("init: cannot open %s as standard input (error %ld (%s))\n",
			       init_stdin, PTR_ERR(in), errname(-PTR_ERR(in)));
		else
			files_init_stdin(current->files, in);
	}
	if (init_cwd[0]) {
		err = init_chdir(init_cwd);
		if (err)
			pr_err("init: cannot change to %s (error %d (%s))\n", init_cwd, err,
			       errname(-err));
	}
}

/* run_init - the body of pid 1: exec the first program in user mode. */
static void
run_init(void *unused)
{
	struct exec_strings argv = { init_argv, true }, envp = { init_envp, true };

	read_init_strings("/etc/init.argv", init_argv, INIT_MAX_ARGS, init_args_buf,
			  sizeof(init_args_buf));
	read_init_strings("/etc/init.env", init_envp, INIT_MAX_ENVS, init_envs_buf,
			  sizeof(init_envs_buf));
	current->files = files_init_console();
	current->fs = fs_struct_init();
	/* /proc/1 is made on first lookup and kept (kernel/fs/proc.c); C
	 * libraries look at /proc/self/exe at start-up, so make it now. */
	struct file *self = filp_open("/proc/self/status", 0, 0);

	if (!IS_ERR(self))
		fput(self);
	/* The leak check's baseline: what the kernel holds while init owns
	 * nothing at all (do_exit() measures after init's files, working
	 * directory and memory are gone). Then init gets them afresh. */
	put_files(current->files);
	put_fs_struct(current->fs);
	init_free_pages = nr_free_pages();
	init_cached_pages = node_page_state(NR_FILE_PAGES);
	init_slab_pages = nr_slab_pages();
	init_inodes = shmem_nr_inodes();
	kmem_cache_mark();
	current->files = files_init_console();
	current->fs = fs_struct_init();
	setup_init_files();
	int err = do_execve(init_path, &argv, &envp);

	if (err < 0)
		panic("No working init found (%s: error %d (%s))", init_path, err, errname(-err));
	/* Back in ret_from_fork, which returns to user mode at its entry. */
}

/* start_init - pid 1 runs `init=PATH` from the command line, or /init. */
static void
start_init(void)
{
	cmdline_find_option(saved_command_line, "init", init_path, sizeof(init_path));
	cmdline_find_option(saved_command_line, "init_stdin", init_stdin, sizeof(init_stdin));
	cmdline_find_option(saved_command_line, "init_cwd", init_cwd, sizeof(init_cwd));
	pr_info("Run %s as init process\n", init_path);
	if (kernel_thread(run_init, NULL, "init") != 1)
		panic("cannot create the init process");
}

/* cpu_idle - the boot task's life from now on: run whatever is runnable. */
static __noreturn void
cpu_idle(void)
{
	for (;;) {
		if (need_resched)
			schedule();
		arch_idle();
	}
}

/*
 * start_kernel - bring the kernel up. Never returns: when there is nothing
 * left to start, the boot CPU idles, waking for each interrupt.
 */
void
start_kernel(unsigned long magic, phys_addr_t info_pa)
{
	arch_early_console_init();
	arch_trap_init();
	read_boot_info(magic, info_pa);
	setup_log_level();
	arch_console_init();

	pr_notice("Pagoda version %s (%s)\n", PAGODA_VERSION, PAGODA_COMPILER);
	pr_info("Command line: %s\n", saved_command_line);
	if (boot_info.bootloader[0])
		pr_info("Boot loader: %s\n", boot_info.bootloader);
	print_memory_map(&boot_info);
	arch_tsc_init();
	mm_init(&boot_info);
	populate_rootfs(&boot_info);

	sched_init();
	fork_init();
	arch_time_init();
	arch_irq_enable();
	pr_info("Timer: %d Hz\n", HZ);

	run_boot_tests();
	if (cmdline_find_option_bool(saved_command_line, "poweroff")) {
		pr_notice("Pagoda: boot complete\n");
		arch_power_off();
	}
	start_init();
	cpu_idle();
}
