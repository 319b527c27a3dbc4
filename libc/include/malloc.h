/*
 * libc/include/malloc.h - the allocator's entry points, as glibc's
 * <malloc.h> offers them.
 */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stddef.h>

void *malloc(size_t size);
void free(void *ptr);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);

#endif /* _MALLOC_H */
