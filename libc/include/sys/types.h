/*
 * libc/include/sys/types.h - the POSIX system data types, x86-64 sizes
 * (as in Linux's and glibc's ABI).
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>
#include <stdint.h>

typedef long ssize_t; /* a byte count or -1 */
typedef long off_t;   /* a file offset in bytes */
typedef long off64_t;
typedef int pid_t;	       /* process id */
typedef unsigned int uid_t;    /* user id */
typedef unsigned int gid_t;    /* group id */
typedef unsigned int mode_t;   /* file type and permissions */
typedef unsigned long dev_t;   /* device number */
typedef unsigned long ino_t;   /* inode number */
typedef unsigned long nlink_t; /* link count */
typedef long blksize_t;	       /* preferred I/O size */
typedef long blkcnt_t;	       /* 512-byte block count */
typedef long time_t;	       /* seconds since the epoch */
typedef long suseconds_t;      /* microseconds */
typedef int clockid_t;	       /* CLOCK_* */
typedef long clock_t;	       /* clock() ticks */
typedef unsigned int useconds_t;
typedef int id_t;

#endif /* _SYS_TYPES_H */
