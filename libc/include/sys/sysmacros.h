/*
 * libc/include/sys/sysmacros.h - a device number's major and minor parts,
 * in Linux's (and glibc's) 64-bit encoding of st_rdev: minor bits 0-7 and
 * 20-43, major bits 8-19 and 44-63.
 */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <sys/types.h>

static inline unsigned int
major(dev_t dev)
{
	return ((dev >> 8) & 0xfff) | ((unsigned int)(dev >> 32) & ~0xfffu);
}

static inline unsigned int
minor(dev_t dev)
{
	return (dev & 0xff) | ((unsigned int)(dev >> 12) & ~0xffu);
}

static inline dev_t
makedev(unsigned int major, unsigned int minor)
{
	return (dev_t)(minor & 0xff) | ((dev_t)(major & 0xfff) << 8) |
	       ((dev_t)(minor & ~0xffu) << 12) | ((dev_t)(major & ~0xfffu) << 32);
}

#endif /* _SYS_SYSMACROS_H */
