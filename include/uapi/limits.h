/*
 * include/uapi/limits.h - limits on names that the kernel enforces and
 * libc's <limits.h> reports, shared by both.
 *
 * Linux's values (include/uapi/linux/limits.h).
 */
#ifndef UAPI_LIMITS_H
#define UAPI_LIMITS_H

#define NAME_MAX 255  /* longest file-name component, in bytes */
#define PATH_MAX 4096 /* longest path name, with its NUL */

#endif /* UAPI_LIMITS_H */
