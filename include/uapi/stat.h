/*
 * include/uapi/stat.h - what stat(2) fills in, and the file-type bits.
 *
 * The layout is Linux x86-64's struct stat (arch/x86/include/uapi/asm/stat.h,
 * the 64-bit one): glibc and musl pass a pointer to exactly this to
 * newfstatat/fstat/stat/lstat, so every field must sit where Linux puts it
 * (144 bytes; st_nlink before st_mode, unlike the i386 layout).
 */
#ifndef UAPI_STAT_H
#define UAPI_STAT_H

#include <stdint.h>

struct stat {
	uint64_t st_dev;	/* device holding the file */
	uint64_t st_ino;	/* inode number, unique on that device */
	uint64_t st_nlink;	/* hard links */
	uint32_t st_mode;	/* S_IF* type and permission bits */
	uint32_t st_uid;	/* owner */
	uint32_t st_gid;	/* group */
	uint32_t __pad0;	/* keeps st_rdev 8-byte aligned */
	uint64_t st_rdev;	/* for device files: which device */
	int64_t st_size;	/* bytes */
	int64_t st_blksize;	/* preferred I/O size */
	int64_t st_blocks;	/* 512-byte blocks allocated */
	uint64_t st_atime;	/* last access, seconds */
	uint64_t st_atime_nsec; /* and nanoseconds */
	uint64_t st_mtime;	/* last modification */
	uint64_t st_mtime_nsec;
	uint64_t st_ctime; /* last status change */
	uint64_t st_ctime_nsec;
	int64_t __reserved[3]; /* unused: Linux calls it __unused */
};

/* st_mode: the file type in bits 15..12 (octal, as in Linux's stat.h). */
#define S_IFMT	    0170000
#define S_IFSOCK    0140000
#define S_IFLNK	    0120000
#define S_IFREG	    0100000
#define S_IFBLK	    0060000
#define S_IFDIR	    0040000
#define S_IFCHR	    0020000
#define S_IFIFO	    0010000

#define S_ISLNK(m)  (((m)&S_IFMT) == S_IFLNK)
#define S_ISREG(m)  (((m)&S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m)&S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m)&S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m)&S_IFMT) == S_IFIFO)

/* Device numbers as stat reports them (Linux's new_encode_dev). */
#define MKDEV_STAT(major, minor)                                                                   \
	((((uint64_t)(minor)) & 0xff) | (((uint64_t)(major)) << 8) |                               \
	 ((((uint64_t)(minor)) & ~0xffULL) << 12))

/* getdents64 record types (d_type), Linux's DT_* values. */
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

#endif /* UAPI_STAT_H */
