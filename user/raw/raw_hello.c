/*
 * user/raw/raw_hello.c - the smallest user program: no C library at all.
 *
 * Two system calls by hand (Linux x86-64 convention: number in RAX,
 * arguments in RDI, RSI, RDX): write(1, msg, len), then exit_group(0).
 * It checks the kernel's entry, exec and exit paths before any libc runs.
 */
static long
raw_syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return ret;
}

void _start(void) __attribute__((noreturn));

void
_start(void)
{
	static const char msg[] = "hello from user mode\n";

	raw_syscall3(1, 1, (long)msg, sizeof(msg) - 1); /* write */
	raw_syscall3(231, 0, 0, 0);			/* exit_group */
	for (;;)
		;
}
