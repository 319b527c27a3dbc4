/*
 * tests/host/include/host_test.h - what every host unit test includes.
 *
 * cmocka (with the headers it needs first, in the order its manual asks),
 * the kernel's formatting functions under their renamed host names
 * (host.mk), and the shim's helpers for looking at what the kernel
 * printed or why it panicked.
 */
#ifndef HOST_TEST_H
#define HOST_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

/* kernel/lib/vsprintf.c, renamed in libkhost.a so glibc's stay usable. */
int kernel_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kernel_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/* Everything printk printed since the last host_log_clear(). */
const char *host_log(void);
void host_log_clear(void);

/* The message of the last panic() (tests/host/shim.c). */
const char *host_last_panic(void);

#endif /* HOST_TEST_H */
