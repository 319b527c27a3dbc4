/*
 * tests/linux/altstack.c - sigaltstack: its errors, a handler with
 * SA_ONSTACK running on the alternate stack (and one without, not), what
 * the handler's ucontext and sigaltstack say there, SS_AUTODISARM, and a
 * stack overflow caught by a SIGSEGV handler on the alternate stack.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <ucontext.h>
#include <unistd.h>

#include "raw_syscall.h"

#define ALT_SIZE (64 * 1024)

#ifndef SS_AUTODISARM
#define SS_AUTODISARM (1U << 31)
#endif

static char alt[ALT_SIZE] __attribute__((aligned(16)));
static volatile int on_alt, uc_flags, inside_flags, inside_set;

static int
in_alt(const void *p)
{
	return (const char *)p >= alt && (const char *)p < alt + ALT_SIZE;
}

static void
handler(int sig, siginfo_t *info, void *ucv)
{
	ucontext_t *uc = ucv;
	stack_t now, again;
	char here;

	(void)sig;
	(void)info;
	on_alt = in_alt(&here);
	uc_flags = uc->uc_stack.ss_flags;
	sigaltstack(NULL, &now);
	inside_flags = now.ss_flags;
	memset(&again, 0, sizeof(again));
	again.ss_sp = alt;
	again.ss_size = ALT_SIZE;
	inside_set = sigaltstack(&again, NULL) < 0 ? errno : 0;
}

static void
install(int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | flags;
	sigaction(SIGUSR1, &sa, NULL);
}

static const char *
errname(int err)
{
	return err == 0 ? "ok" : err == EPERM ? "EPERM" : strerror(err);
}

static volatile int depth;

static int
recurse(int n)
{
	volatile char pad[1024];

	pad[0] = (char)n;
	depth++;
	return recurse(n + 1) + pad[0];
}

static void
on_segv(int sig, siginfo_t *info, void *uc)
{
	char here;

	(void)info;
	(void)uc;
	printf("SIGSEGV %d handled on the %s stack after deep recursion\n", sig,
	       in_alt(&here) ? "alternate" : "normal");
	_exit(depth > 1000 ? 0 : 1);
}

/* Errors, as the kernel returns them. */
static void
test_errors(void)
{
	stack_t ss;

	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = alt;
	ss.ss_size = 1024;
	printf("size 1024: %ld\n", raw(131, (long)&ss, 0, 0, 0, 0, 0));
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 99;
	printf("flags 99: %ld\n", raw(131, (long)&ss, 0, 0, 0, 0, 0));
	printf("bad pointer: %ld\n", raw(131, 16, 0, 0, 0, 0, 0));
	printf("bad old pointer: %ld\n", raw(131, 0, 16, 0, 0, 0, 0));
}

/* A stack overflow in a child: only a handler on another stack can run. */
static void
stack_overflow(void)
{
	stack_t ss = { .ss_sp = alt, .ss_size = ALT_SIZE, .ss_flags = 0 };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		struct sigaction sa;

		sigaltstack(&ss, NULL);
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_segv;
		sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
		sigaction(SIGSEGV, &sa, NULL);
		_exit(recurse(0));
	}
	waitpid(pid, &status, 0);
	printf("child status %#x\n", status);
}

int
main(void)
{
	stack_t ss, old;

	setvbuf(stdout, NULL, _IONBF, 0);
	sigaltstack(NULL, &old);
	printf("at start: flags %d, size %zu\n", old.ss_flags, old.ss_size);

	test_errors();
	memset(&ss, 0, sizeof(ss));
	ss.ss_sp = alt;
	ss.ss_size = ALT_SIZE;
	printf("set 64 KiB: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("now: flags %d, size %zu, the same stack %d\n", old.ss_flags, old.ss_size,
	       old.ss_sp == alt);

	install(SA_ONSTACK);
	raise(SIGUSR1);
	printf("SA_ONSTACK: on the alternate stack %d, uc_stack flags %d, inside flags %d, "
	       "changing it inside: %s\n",
	       on_alt, uc_flags, inside_flags, errname(inside_set));
	install(0);
	raise(SIGUSR1);
	printf("no SA_ONSTACK: on the alternate stack %d, inside flags %d, changing it inside: %s\n",
	       on_alt, inside_flags, errname(inside_set));

	ss.ss_flags = SS_AUTODISARM;
	printf("set with SS_AUTODISARM: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("now: flags %#x\n", (unsigned)old.ss_flags);
	install(SA_ONSTACK);
	raise(SIGUSR1);
	printf("SS_AUTODISARM: on the alternate stack %d, inside flags %d, uc_stack flags %#x\n",
	       on_alt, inside_flags, (unsigned)uc_flags);
	sigaltstack(NULL, &old);
	printf("after the handler: flags %#x, size %zu\n", (unsigned)old.ss_flags, old.ss_size);

	ss.ss_flags = SS_DISABLE;
	printf("disable: %d\n", sigaltstack(&ss, NULL));
	sigaltstack(NULL, &old);
	printf("now: flags %d, size %zu\n", old.ss_flags, old.ss_size);

	stack_overflow();
	return 0;
}
