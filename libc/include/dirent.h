/*
 * libc/include/dirent.h - reading directories: opendir()/readdir()/
 * closedir(), and getdents64(), which fills a buffer with Linux's struct
 * linux_dirent64 records (libc/src/stat/stat.c).
 */
#ifndef _DIRENT_H
#define _DIRENT_H

#include <sys/types.h>

/* d_type: the kind of file an entry names */
#define DT_UNKNOWN 0
#define DT_FIFO	   1
#define DT_CHR	   2
#define DT_DIR	   4
#define DT_BLK	   6
#define DT_REG	   8
#define DT_LNK	   10
#define DT_SOCK	   12

/*
 * One record as getdents64 stores it (Linux's struct linux_dirent64).
 * Records are only as long as their name needs (d_reclen); readdir()
 * returns pointers into its buffer of them, so never copy a whole struct.
 */
struct dirent {
	ino_t d_ino;		 /* inode number */
	off_t d_off;		 /* position of the next record */
	unsigned short d_reclen; /* length of this record in bytes */
	unsigned char d_type;	 /* DT_* */
	char d_name[256];	 /* NUL-terminated name */
};
#define dirent64 dirent /* offsets are 64-bit already */

typedef struct __dirstream DIR;

DIR *opendir(const char *path);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *d);
void rewinddir(DIR *d);
int closedir(DIR *d);
ssize_t getdents64(int fd, void *dirp, size_t count);

#endif /* _DIRENT_H */
