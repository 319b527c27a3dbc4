/*
 * libc/src/env/libc_start_main.c - from _start to main() and back out
 * through exit().
 *
 * crt1's _start (libc/crt/x86_64/crt1.asm) calls __libc_start_main() with
 * what the kernel's execve() left on the stack. It sets environ, finds the
 * auxiliary vector (getauxval()), runs the constructors (.init_array),
 * runs main() and passes its return value to exit(), which runs the
 * atexit() handlers and the destructors (.fini_array), flushes stdio and
 * ends the process with exit_group. glibc's function of the same name does
 * much more (TLS, IRELATIVE relocations, stack protector); Pagoda's
 * programs use none of it, so no system call happens before main().
 */
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include "../internal/libc.h"

/*
 * The constructor table: GNU ld's default linker script brackets the
 * .init_array section with these symbols (empty when a program has no
 * constructors). Each entry is called as f(argc, argv, envp), as glibc
 * calls them.
 */
extern void (*__init_array_start[])(int, char **, char **) __attribute__((weak));
extern void (*__init_array_end[])(int, char **, char **) __attribute__((weak));

char **environ;
unsigned long *__auxv;
char *program_invocation_name;
char *program_invocation_short_name;

/*
 * __libc_start_main - set up the C library and run @main.
 * @argc, @argv, @envp: the program's arguments and environment, as the
 * kernel placed them on the initial stack. Does not return.
 */
_Noreturn void
__libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp)
{
	char **p = envp;
	char *slash;

	environ = envp;

	/* the auxiliary vector starts right after envp's NULL */
	while (*p)
		p++;
	__auxv = (unsigned long *)(p + 1);

	if (argc > 0 && argv[0]) {
		program_invocation_name = argv[0];
		slash = strrchr(argv[0], '/');
		program_invocation_short_name = slash ? slash + 1 : argv[0];
	} else {
		program_invocation_name = program_invocation_short_name = "";
	}

	for (size_t i = 0; __init_array_start + i < __init_array_end; i++)
		__init_array_start[i](argc, argv, envp);

	exit(main(argc, argv, envp));
}
