/*
 * libc/src/env/getauxval.c - read the auxiliary vector.
 *
 * The kernel's execve() leaves (type, value) pairs above envp on the
 * initial stack (System V AMD64 psABI, 3.4.3 "Auxiliary Vector"); the
 * types are in <uapi/auxvec.h>. __libc_start_main() records where they
 * start.
 */
#include <sys/auxv.h>
#include <errno.h>
#include "../internal/libc.h"

/*
 * getauxval - the value of auxiliary-vector entry @type (AT_PAGESZ, ...).
 * Returns 0 and sets errno to ENOENT when there is no such entry, as
 * glibc does.
 */
unsigned long
getauxval(unsigned long type)
{
	unsigned long *a;

	for (a = __auxv; a && a[0] != AT_NULL; a += 2) {
		if (a[0] == type)
			return a[1];
	}
	errno = ENOENT;
	return 0;
}
