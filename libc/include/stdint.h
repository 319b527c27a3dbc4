/*
 * libc/include/stdint.h - fixed-width integer types.
 *
 * GCC ships the definitions for a freestanding environment in
 * <stdint-gcc.h>; a hosted compile of GCC's own <stdint.h> would look for
 * the C library's, which is this file, so Pagoda's libc takes GCC's
 * definitions directly.
 */
#ifndef _STDINT_H
#define _STDINT_H

#include <stdint-gcc.h>

#endif /* _STDINT_H */
