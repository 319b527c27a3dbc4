/*
 * include/pagoda/types.h - the kernel's basic types.
 *
 * Fixed-width integers come from the compiler's freestanding <stdint.h>.
 * Physical addresses have their own type so that a prototype says which
 * kind of address it takes (STYLE.md: `pa`/phys_addr_t for physical,
 * `va`/unsigned long for virtual).
 */
#ifndef PAGODA_TYPES_H
#define PAGODA_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t phys_addr_t; /* a physical address */

#ifndef __ssize_t_defined
typedef long ssize_t;
#define __ssize_t_defined
#endif

#endif /* PAGODA_TYPES_H */
