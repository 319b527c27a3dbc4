/*
 * libc/include/sys/fsuid.h - the ids file permission checks use (Linux
 * only): setfsuid() and setfsgid() return the old id and never fail.
 */
#ifndef _SYS_FSUID_H
#define _SYS_FSUID_H

#include <sys/types.h>

int setfsuid(uid_t fsuid);
int setfsgid(gid_t fsgid);

#endif /* _SYS_FSUID_H */
