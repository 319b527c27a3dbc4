/*
 * include/pagoda/err.h - an errno carried in a pointer.
 *
 * A function that returns a pointer and can fail for more than one reason
 * returns ERR_PTR(-Exxx) on failure: the top 4095 addresses are never a
 * valid object, so IS_ERR() tells the two apart and PTR_ERR() gives the
 * errno back.
 *
 * Counterpart: Linux include/linux/err.h.
 */
#ifndef PAGODA_ERR_H
#define PAGODA_ERR_H

#include <pagoda/types.h>

#include <uapi/errno.h> /* MAX_ERRNO */

/* ERR_PTR - @error (a negative errno) as a pointer. */
static inline void *
ERR_PTR(long error)
{
	return (void *)error;
}

/* PTR_ERR - the negative errno in error pointer @ptr. */
static inline long
PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

/* IS_ERR - is @ptr an error pointer rather than an object? */
static inline bool
IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}

#endif /* PAGODA_ERR_H */
