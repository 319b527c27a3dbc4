/*
 * libc/src/stdlib/malloc_placeholder.c - a stand-in allocator until
 * Pagoda's real malloc (libc/malloc/) is linked.
 *
 * A bump allocator on sbrk(): each block is a 16-byte header holding its
 * size, then the memory, 16-byte aligned. free() gives memory back only
 * when the block is the last one handed out; realloc() always copies. Every
 * function is a weak symbol, so the real malloc's objects, when linked,
 * replace all of them.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <stdint.h>

#define BLOCK_HEADER 16 /* bytes before each block: its size, padded */

static char *bump_top; /* the end of the last block handed out */

/* the size stored in the header of the block at @ptr */
static inline size_t
block_size(void *ptr)
{
	return *(size_t *)((char *)ptr - BLOCK_HEADER);
}

/* malloc - @size bytes of uninitialized memory, or NULL with ENOMEM */
__attribute__((weak)) void *
malloc(size_t size)
{
	size_t need = (size + 15) & ~(size_t)15;
	char *p;

	if (size > PTRDIFF_MAX - 64) {
		errno = ENOMEM;
		return NULL;
	}
	p = sbrk(need + BLOCK_HEADER);
	if (p == (void *)-1)
		return NULL;
	/* the break starts where the kernel put it: align the first block */
	if ((uintptr_t)p & 15) {
		if (sbrk(16 - ((uintptr_t)p & 15)) == (void *)-1)
			return NULL;
		p += 16 - ((uintptr_t)p & 15);
	}
	*(size_t *)p = size;
	bump_top = p + BLOCK_HEADER + need;
	return p + BLOCK_HEADER;
}

/* free - release @ptr; only the last block handed out is really reused */
__attribute__((weak)) void
free(void *ptr)
{
	size_t need;

	if (!ptr)
		return;
	need = (block_size(ptr) + 15) & ~(size_t)15;
	if ((char *)ptr + need == bump_top && sbrk(0) == bump_top) {
		sbrk(-(long)(need + BLOCK_HEADER));
		bump_top = (char *)ptr - BLOCK_HEADER;
	}
}

/* calloc - zeroed memory for @nmemb elements of @size bytes */
__attribute__((weak)) void *
calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

/* realloc - resize @ptr to @size bytes by copying into a new block */
__attribute__((weak)) void *
realloc(void *ptr, size_t size)
{
	void *n;
	size_t old;

	if (!ptr)
		return malloc(size);
	old = block_size(ptr);
	if (size <= old)
		return ptr;
	n = malloc(size);
	if (!n)
		return NULL;
	memcpy(n, ptr, old);
	free(ptr);
	return n;
}
