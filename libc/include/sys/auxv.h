/*
 * libc/include/sys/auxv.h - getauxval(): read the auxiliary vector the
 * kernel left on the initial stack.
 */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <uapi/auxvec.h>

unsigned long getauxval(unsigned long type);

#endif /* _SYS_AUXV_H */
