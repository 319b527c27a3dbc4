/*
 * include/uapi/stat.h - struct stat and the file-mode bits, shared by the
 * kernel and libc.
 *
 * The layout is Linux's x86-64 struct stat (arch/x86/include/uapi/asm/
 * stat.h), 144 bytes, filled in by fstat(2), stat(2) and newfstatat(2).
 */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <stdint.h>

struct stat {
	uint64_t st_dev;	/* device holding the file */
	uint64_t st_ino;	/* inode number */
	uint64_t st_nlink;	/* number of hard links */
	uint32_t st_mode;	/* file type (S_IFMT) and permissions */
	uint32_t st_uid;	/* owner's user id */
	uint32_t st_gid;	/* owner's group id */
	uint32_t __pad0;	/* keeps st_rdev 8-byte aligned */
	uint64_t st_rdev;	/* device number, for device files */
	int64_t st_size;	/* size in bytes */
	int64_t st_blksize;	/* preferred I/O size in bytes */
	int64_t st_blocks;	/* 512-byte blocks allocated */
	uint64_t st_atime;	/* last access, seconds since the epoch */
	uint64_t st_atime_nsec; /* ... and nanoseconds */
	uint64_t st_mtime;	/* last modification */
	uint64_t st_mtime_nsec;
	uint64_t st_ctime; /* last status change */
	uint64_t st_ctime_nsec;
	int64_t __reserved[3]; /* reserved */
};

/* st_mode: the file type in bits 12-15 */
#define S_IFMT	 0170000
#define S_IFSOCK 0140000
#define S_IFLNK	 0120000
#define S_IFREG	 0100000
#define S_IFBLK	 0060000
#define S_IFDIR	 0040000
#define S_IFCHR	 0020000
#define S_IFIFO	 0010000

/* st_mode: set-id, sticky and permission bits */
#define S_ISUID	 04000
#define S_ISGID	 02000
#define S_ISVTX	 01000
#define S_IRWXU	 00700
#define S_IRUSR	 00400
#define S_IWUSR	 00200
#define S_IXUSR	 00100
#define S_IRWXG	 00070
#define S_IRGRP	 00040
#define S_IWGRP	 00020
#define S_IXGRP	 00010
#define S_IRWXO	 00007
#define S_IROTH	 00004
#define S_IWOTH	 00002
#define S_IXOTH	 00001

/* Kernel-only names: the C library defines its own versions of these
 * in its headers (<signal.h>, <unistd.h>, <dirent.h>...). */
#ifdef __KERNEL__
#define S_ISLNK(m)  (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m)&S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)
#define MKDEV_STAT(major, minor)                                                                   \
	((((uint64_t)(minor)) & 0xff) | (((uint64_t)(major)) << 8) |                               \
	 ((((uint64_t)(minor)) & ~0xffULL) << 12))
#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_REG	   8
#define DT_LNK	   10
/* One getdents64 record; d_reclen rounds it up to 8 bytes. */
struct linux_dirent64 {
	uint64_t d_ino;	   /* inode number */
	int64_t d_off;	   /* where the next record's position is */
	uint16_t d_reclen; /* length of this record */
	uint8_t d_type;	   /* DT_* */
	char d_name[];	   /* NUL-terminated */
};
#endif /* __KERNEL__ */

#endif /* UAPI_STAT_H */
