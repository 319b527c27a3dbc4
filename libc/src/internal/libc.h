/*
 * libc/src/internal/libc.h - state and functions shared inside libc, never
 * seen by programs.
 */
#ifndef LIBC_INTERNAL_LIBC_H
#define LIBC_INTERNAL_LIBC_H

#include <stddef.h>

/* start-up: crt1's _start calls this (src/env/libc_start_main.c) */
_Noreturn void __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv,
				 char **envp);

/* the auxiliary vector the kernel left above envp (set at start-up) */
extern unsigned long *__auxv;

/* stdio: flush every stream; exit() calls it after the atexit handlers */
void __stdio_exit(void);

/* the raw program break (src/mman/brk.c): the kernel's answer, no errno */
unsigned long __brk(unsigned long addr);

#endif /* LIBC_INTERNAL_LIBC_H */
