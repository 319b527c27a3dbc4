/*
 * kernel/init/boot_tests.c - boot-time test hooks named on the command line.
 *
 *   test_fault=KIND   raise a deliberate fault in the kernel, to see (and
 *                     test) the oops report: page (read an unmapped
 *                     address), write (write one), ud (invalid opcode),
 *                     de (divide by zero), gp (non-canonical address),
 *                     bug (a failing BUG_ON), panic (a plain panic),
 *                     null (read address 0), wx (write to kernel text),
 *                     nx (execute kernel data), stack (overflow the
 *                     kernel stack into its guard page), smap (read a
 *                     user page directly, not through uaccess), smep
 *                     (execute a user page).
 *   selftest          run every self-test in selftests[], print the
 *                     results, and power off (QEMU exits 33 on success).
 *
 * These are how tests/qemu/ checks the kernel from outside.
 */
#include <pagoda/arch.h>
#include <pagoda/cmdline.h>
#include <pagoda/gfp.h>
#include <pagoda/init.h>
#include <pagoda/jiffies.h>
#include <pagoda/kallsyms.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/selftest.h>
#include <pagoda/string.h>
#include <pagoda/uaccess.h>

#include <asm/pgtable.h>

/* Nothing is mapped here: the PML4 slot of 0xffffe90000000000 is empty. */
#define UNMAPPED_KERNEL_ADDR 0xffffe90000000000UL
/* Bits 63:48 must copy bit 47 (Intel SDM Vol. 1, 3.3.7.1); this does not. */
#define NONCANONICAL_ADDR    0x0000800000000000UL

/* A user address for the smap and smep tests (nothing maps it at boot). */
#define USER_TEST_ADDR	     0x0000000010000000UL

/*
 * map_user_test_page - map a user page (U/S set at every level) at
 * USER_TEST_ADDR in the kernel's own tables and put a `ret` in it through
 * copy_to_user, which SMAP allows. Returns its address.
 */
static unsigned long
map_user_test_page(void)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_ZERO, 0);
	static const uint8_t ret = 0xc3;
	uint8_t back = 0;

	if (!page || map_pages(init_pgd, USER_TEST_ADDR, page_to_phys(page), PAGE_SIZE,
			       PAGE_SHARED_EXEC) < 0)
		panic("test_fault: cannot map a user page");
	if (copy_to_user((void *)USER_TEST_ADDR, &ret, 1) ||
	    copy_from_user(&back, (void *)USER_TEST_ADDR, 1) || back != ret)
		panic("test_fault: copy_to_user/copy_from_user failed on a user page");
	pr_notice("test_fault: uaccess to a user page: ok\n");
	return USER_TEST_ADDR;
}

/* 1 and 0, but the compiler cannot know: a real idiv must run. */
static volatile int fault_dividend = 1, fault_divisor;

static volatile bool stop_recursion; /* never set: the compiler cannot know */

/* recurse_forever - overflow the kernel stack into its guard page. */
static __noinline unsigned long
recurse_forever(unsigned long depth)
{
	volatile char pad[256];

	if (stop_recursion)
		return depth;
	pad[0] = (char)depth;
	return recurse_forever(depth + 1) + pad[0];
}

/* trigger_fault - raise the fault named @kind; returns only if unknown. */
static __noinline void
trigger_fault(const char *kind)
{
	pr_notice("test_fault: raising '%s'\n", kind);
	if (strcmp(kind, "page") == 0)
		(void)*(volatile int *)UNMAPPED_KERNEL_ADDR;
	else if (strcmp(kind, "write") == 0)
		*(volatile int *)UNMAPPED_KERNEL_ADDR = 1;
	else if (strcmp(kind, "ud") == 0)
		__asm__ volatile("ud2");
	else if (strcmp(kind, "de") == 0)
		fault_divisor = fault_dividend / fault_divisor;
	else if (strcmp(kind, "gp") == 0)
		(void)*(volatile int *)NONCANONICAL_ADDR;
	else if (strcmp(kind, "bug") == 0)
		BUG_ON(fault_divisor == 0);
	else if (strcmp(kind, "panic") == 0)
		panic("test_fault=panic");
	else if (strcmp(kind, "null") == 0)
		(void)*(volatile int *)0;
	else if (strcmp(kind, "wx") == 0)
		*(volatile unsigned char *)trigger_fault = 0xc3; /* write to kernel text */
	else if (strcmp(kind, "nx") == 0)
		((void (*)(void))(unsigned long)&fault_divisor)(); /* run kernel data */
	else if (strcmp(kind, "stack") == 0)
		recurse_forever(0);
	else if (strcmp(kind, "smap") == 0)
		(void)*(volatile uint8_t *)map_user_test_page(); /* not through uaccess */
	else if (strcmp(kind, "smep") == 0)
		((void (*)(void))map_user_test_page())(); /* run user code in ring 0 */
	pr_err("test_fault: unknown kind '%s'\n", kind);
}

/* The timer interrupt arrives and advances jiffies. */
static bool
selftest_timer(void)
{
	unsigned long start = jiffies;

	/* 3 ticks; a bound on the loop so a dead timer fails, never hangs. */
	for (unsigned long spins = 0; jiffies - start < 3; spins++) {
		SELFTEST_CHECK(spins < 100000000UL);
		arch_idle();
	}
	return true;
}

/* Backtraces can name functions: the symbol table made it into the image. */
static bool
selftest_kallsyms(void)
{
	unsigned long addr = kallsyms_lookup_name("start_kernel"), offset, size;
	const char *name;

	SELFTEST_CHECK(addr == (unsigned long)start_kernel);
	name = kallsyms_lookup(addr + 1, &offset, &size);
	SELFTEST_CHECK(name && strcmp(name, "start_kernel") == 0);
	SELFTEST_CHECK(offset == 1 && size > 1);
	return true;
}

/* The kernel's snprintf formats what the boot summary relies on. */
static bool
selftest_printk(void)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%d|%5u|%-3x|%016lx|%s|%c", -42, 7u, 0xau, 0xffffffff80000000UL,
		 "ok", '!');
	SELFTEST_CHECK(strcmp(buf, "-42|    7|a  |ffffffff80000000|ok|!") == 0);
	return true;
}

static const struct selftest selftests[] = {
	{ "printk", selftest_printk },
	{ "buddy", selftest_buddy },
	{ "buddy_drain", selftest_buddy_drain },
	{ "paging", selftest_paging },
	{ "slab", selftest_slab },
	{ "lockdep", selftest_lockdep },
	{ "sleeping_locks", selftest_sleeping_locks },
	{ "tlb_flush", selftest_tlb_flush },
	{ "initramfs", selftest_initramfs },
	{ "namei", selftest_namei },
	{ "procfs", selftest_procfs },
	{ "fdtable", selftest_fdtable },
	{ "kallsyms", selftest_kallsyms },
	{ "timer", selftest_timer },
};

static void
run_selftests(void)
{
	unsigned int passed = 0, failed = 0;

	for (size_t i = 0; i < ARRAY_SIZE(selftests); i++) {
		bool ok = selftests[i].run();

		pr_notice("selftest: %s %s\n", selftests[i].name, ok ? "PASS" : "FAIL");
		ok ? passed++ : failed++;
	}
	pr_notice("selftest: %u passed, %u failed\n", passed, failed);
	if (failed)
		arch_fail_test_run();
	arch_power_off();
}

void
run_boot_tests(void)
{
	char kind[16];

	if (cmdline_find_option(saved_command_line, "test_fault", kind, sizeof(kind)) >= 0)
		trigger_fault(kind);
	if (cmdline_find_option_bool(saved_command_line, "selftest"))
		run_selftests();
}
