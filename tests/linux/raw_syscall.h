/*
 * tests/linux/raw_syscall.h - a system call without the C library, for
 * the test programs that must see the kernel's own return value (-errno
 * included) rather than libc's -1 and errno.
 */
#ifndef TESTS_RAW_SYSCALL_H
#define TESTS_RAW_SYSCALL_H

/* raw - system call @nr with up to six arguments (Linux x86-64 registers). */
static inline long
raw(long nr, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d, r8 __asm__("r8") = e, r9 __asm__("r9") = f;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

#endif /* TESTS_RAW_SYSCALL_H */
