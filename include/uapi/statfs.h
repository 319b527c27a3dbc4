/*
 * include/uapi/statfs.h - struct statfs, what statfs() and fstatfs()
 * fill in: Linux's x86-64 layout (120 bytes), from its
 * include/uapi/asm-generic/statfs.h.
 */
#ifndef UAPI_STATFS_H
#define UAPI_STATFS_H

#include <stdint.h>

struct statfs {
	int64_t f_type;	    /* the file system's magic number (TMPFS_MAGIC) */
	int64_t f_bsize;    /* the block size the counts below are in */
	uint64_t f_blocks;  /* blocks in all */
	uint64_t f_bfree;   /* blocks free */
	uint64_t f_bavail;  /* blocks free for ordinary users */
	uint64_t f_files;   /* inodes in all */
	uint64_t f_ffree;   /* inodes free */
	int32_t f_fsid[2];  /* an identifier (0 on Pagoda, as on tmpfs) */
	int64_t f_namelen;  /* the longest name (NAME_MAX) */
	int64_t f_frsize;   /* the fragment size: f_bsize */
	int64_t f_flags;    /* ST_VALID and the mount flags */
	int64_t f_spare[4]; /* zeros */
};

#define ST_VALID 0x0020 /* f_flags is filled in */

#endif /* UAPI_STATFS_H */
