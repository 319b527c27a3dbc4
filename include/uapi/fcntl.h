/*
 * include/uapi/fcntl.h - open flags, *at() flags and fcntl commands.
 *
 * Linux's x86-64 values (include/uapi/asm-generic/fcntl.h, linux/fcntl.h),
 * in octal where Linux writes them in octal.
 */
#ifndef UAPI_FCNTL_H
#define UAPI_FCNTL_H

/* open(2) flags: the access mode is the low two bits. */
#define O_ACCMODE	    00000003
#define O_RDONLY	    00000000
#define O_WRONLY	    00000001
#define O_RDWR		    00000002
#define O_CREAT		    00000100
#define O_EXCL		    00000200
#define O_NOCTTY	    00000400
#define O_TRUNC		    00001000
#define O_APPEND	    00002000
#define O_NONBLOCK	    00004000
#define O_DSYNC		    00010000
#define O_DIRECT	    00040000
#define O_LARGEFILE	    00100000
#define O_DIRECTORY	    00200000
#define O_NOFOLLOW	    00400000
#define O_NOATIME	    01000000
#define O_CLOEXEC	    02000000
#define O_PATH		    010000000

/* The *at() calls: a directory descriptor, or the working directory. */
#define AT_FDCWD	    (-100)
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EACCESS	    0x200
#define AT_REMOVEDIR	    0x200
#define AT_SYMLINK_FOLLOW   0x400
#define AT_NO_AUTOMOUNT	    0x800
#define AT_EMPTY_PATH	    0x1000

/* fcntl(2) commands. */
#define F_DUPFD		    0
#define F_GETFD		    1
#define F_SETFD		    2
#define F_GETFL		    3
#define F_SETFL		    4
#define F_DUPFD_CLOEXEC	    1030
#define FD_CLOEXEC	    1 /* F_GETFD/F_SETFD: the descriptor's only flag */

/* access(2) modes. */
#define F_OK		    0
#define X_OK		    1
#define W_OK		    2
#define R_OK		    4

/* lseek(2) whence. */
#define SEEK_SET	    0
#define SEEK_CUR	    1
#define SEEK_END	    2

#endif /* UAPI_FCNTL_H */
