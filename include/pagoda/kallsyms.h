/*
 * include/pagoda/kallsyms.h - kernel function names for backtraces.
 *
 * The build links the kernel twice: the first link's function symbols are
 * turned into a table (tools/gen-kallsyms.sh) that the second link
 * includes, so the kernel can print `start_kernel+0x2a/0x90` instead of a
 * bare address. Linux builds its kallsyms the same way.
 */
#ifndef PAGODA_KALLSYMS_H
#define PAGODA_KALLSYMS_H

#include <pagoda/types.h>

/*
 * kallsyms_lookup - the function containing address @addr: returns its name
 * and sets *@offset (bytes from its start) and *@size (bytes to the next
 * symbol); NULL when no function contains @addr.
 */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size);

/* The address of the function called @name, or 0 (used by tests). */
unsigned long kallsyms_lookup_name(const char *name);

#endif /* PAGODA_KALLSYMS_H */
