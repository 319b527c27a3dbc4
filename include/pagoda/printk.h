/*
 * include/pagoda/printk.h - the kernel's printf, with Linux's log levels.
 *
 * A message may start with a level, KERN_ERR "..." for example. Messages
 * whose level is below console_loglevel reach the consoles (serial, VGA);
 * the kernel command line sets it: `quiet` (only warnings and worse),
 * `loglevel=N`. Every message also goes into the log buffer (dmesg).
 *
 * Counterpart: Linux include/linux/printk.h, kernel/printk/printk.c.
 */
#ifndef PAGODA_PRINTK_H
#define PAGODA_PRINTK_H

#include <stdarg.h>

#include <pagoda/compiler.h>
#include <pagoda/types.h>

#define KERN_SOH		 "\001"	      /* "start of header": a level follows */
#define KERN_EMERG		 KERN_SOH "0" /* the system is unusable */
#define KERN_ALERT		 KERN_SOH "1"
#define KERN_CRIT		 KERN_SOH "2"
#define KERN_ERR		 KERN_SOH "3"
#define KERN_WARNING		 KERN_SOH "4"
#define KERN_NOTICE		 KERN_SOH "5"
#define KERN_INFO		 KERN_SOH "6"
#define KERN_DEBUG		 KERN_SOH "7"

#define LOGLEVEL_DEFAULT	 4 /* level of a message with no level: warning */
#define CONSOLE_LOGLEVEL_DEFAULT 7 /* show everything but debug */
#define CONSOLE_LOGLEVEL_QUIET	 4 /* `quiet`: warnings and worse */

extern int console_loglevel;

__printf(1, 2) int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);

#define pr_emerg(fmt, ...)  printk(KERN_EMERG fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG fmt, ##__VA_ARGS__)

/* kernel/lib/vsprintf.c: the formatting engine behind printk. */
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);

/*
 * errname - the symbolic name of error number @err, as Linux's errname()
 * (declared there in linux/errname.h): "EFAULT" for 14, "-EFAULT" for -14,
 * NULL for a number without a name (0 among them). A panic or log line
 * that reports a negative error code prints the name beside the number,
 * "error -14 (EFAULT)": "error %d (%s)", err, errname(-err).
 * kernel/lib/errname.c.
 */
const char *errname(int err);

#endif /* PAGODA_PRINTK_H */
