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

/* tests/host/shim_fs.c: "user" addresses below this fault (EFAULT). */
#define HOST_BAD_USER_LIMIT 0x10000UL

/* wake_up() calls so far. */
extern unsigned long host_wake_ups;

/* A cpio "newc" archive being built by a test. */
struct cpio_buf {
	char data[64 * 1024];
	size_t len;
};
void cpio_add(struct cpio_buf *a, const char *name, unsigned int mode, const void *data,
	      size_t len);
void cpio_trailer(struct cpio_buf *a);

#endif /* HOST_TEST_H */
