/*
 * libc/include/malloc.h - the allocator's entry points, as glibc's
 * <malloc.h> offers them: malloc and friends, memalign, mallopt,
 * mallinfo2, malloc_stats. The allocator (libc/malloc/) declares them.
 */
#ifndef _MALLOC_H
#define _MALLOC_H

#include "../malloc/malloc.h"

#endif /* _MALLOC_H */
