/*
 * include/pagoda/syscall_table.h - the system-call table.
 */
#ifndef PAGODA_SYSCALL_TABLE_H
#define PAGODA_SYSCALL_TABLE_H

#include <pagoda/syscalls.h>

#define NR_syscalls 451 /* one more than the highest Linux x86-64 number */

/* sys_call_table[nr]: the implementation of system call nr, or NULL. */
extern const sys_call_ptr_t sys_call_table[NR_syscalls];

/* sys_ni_syscall - an unimplemented call: -ENOSYS, logged once per number. */
long sys_ni_syscall(unsigned long nr);

#endif /* PAGODA_SYSCALL_TABLE_H */
