/*
 * include/pagoda/selftest.h - in-kernel self-tests, run at boot on request.
 *
 * A self-test is a function that checks one subsystem from inside the
 * running kernel and returns true when it passes. `selftest` on the kernel
 * command line runs them all after boot, prints one line each and a total,
 * then powers off; a failure makes QEMU exit with a failure status
 * (asm/qemu.h). tests/qemu/ boots the kernel this way.
 */
#ifndef PAGODA_SELFTEST_H
#define PAGODA_SELFTEST_H

#include <pagoda/types.h>

struct selftest {
	const char *name;  /* "timer", "kallsyms", ... */
	bool (*run)(void); /* true when the test passes */
};

/* Report a failed check from inside a self-test and make it fail. */
#define SELFTEST_CHECK(cond)                                                                       \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			pr_err("selftest: check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
			return false;                                                              \
		}                                                                                  \
	} while (0)

/* kernel/mm/mm_selftest.c */
bool selftest_buddy(void);
bool selftest_buddy_drain(void);
bool selftest_paging(void);
bool selftest_slab(void);

/* kernel/locking/locking_selftest.c */
bool selftest_lockdep(void);
bool selftest_sleeping_locks(void);
bool selftest_tlb_flush(void);

/* kernel/fs/fs_selftest.c */
bool selftest_initramfs(void);
bool selftest_namei(void);
bool selftest_procfs(void);
bool selftest_fdtable(void);

#endif /* PAGODA_SELFTEST_H */
