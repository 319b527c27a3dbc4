/*
 * include/uapi/utsname.h - struct utsname, shared by the kernel and libc.
 *
 * uname(2) fills in six NUL-terminated strings of 65 bytes each (Linux's
 * struct new_utsname, include/uapi/linux/utsname.h).
 */
#ifndef UAPI_UTSNAME_H
#define UAPI_UTSNAME_H

#define __NEW_UTS_LEN 64 /* longest string, without its NUL */

struct utsname {
	char sysname[__NEW_UTS_LEN + 1];    /* "Linux" on Linux, "Pagoda" here */
	char nodename[__NEW_UTS_LEN + 1];   /* host name */
	char release[__NEW_UTS_LEN + 1];    /* kernel release */
	char version[__NEW_UTS_LEN + 1];    /* kernel version and build date */
	char machine[__NEW_UTS_LEN + 1];    /* "x86_64" */
	char domainname[__NEW_UTS_LEN + 1]; /* NIS domain name */
};

#endif /* UAPI_UTSNAME_H */
