/*
 * include/pagoda/init.h - boot-time steps called from start_kernel().
 */
#ifndef PAGODA_INIT_H
#define PAGODA_INIT_H

#include <pagoda/compiler.h>
#include <pagoda/multiboot2.h>

/* start_kernel - the first C function (kernel/init/main.c). */
__noreturn void start_kernel(unsigned long magic, phys_addr_t info_pa);

/* What GRUB told us (kernel/init/main.c). */
extern struct boot_info boot_info;

/*
 * run_boot_tests - the boot-time test hooks named on the kernel command
 * line (kernel/init/boot_tests.c): `test_fault=KIND` raises a deliberate
 * fault, `selftest` runs the in-kernel self-tests and powers off.
 */
void run_boot_tests(void);

#endif /* PAGODA_INIT_H */
