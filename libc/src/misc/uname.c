/*
 * libc/src/misc/uname.c - system information and small process calls:
 * uname(), arch_prctl(), getrandom(), sched_yield(), sysconf(),
 * getpagesize(), syscall().
 */
#include <sys/utsname.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/auxv.h>
#include <sched.h>
#include <stdarg.h>
#include <unistd.h>
#include <errno.h>
#include "../internal/syscall.h"

/* uname - fill in *@buf with the kernel's name, release and machine */
int
uname(struct utsname *buf)
{
	return __syscall_ret(__syscall1(__NR_uname, (long)buf));
}

/*
 * arch_prctl - x86-64 specific process state: @code ARCH_SET_FS sets the
 * FS base to @addr (thread-local storage), ARCH_GET_FS stores it at
 * (unsigned long *)@addr.
 */
int
arch_prctl(int code, unsigned long addr)
{
	return __syscall_ret(__syscall2(__NR_arch_prctl, code, addr));
}

/*
 * getrandom - fill @buf with @buflen random bytes from the kernel.
 * Returns the number of bytes filled, or -1 with errno.
 */
ssize_t
getrandom(void *buf, size_t buflen, unsigned int flags)
{
	return __syscall_ret(__syscall3(__NR_getrandom, (long)buf, buflen, flags));
}

/* sched_yield - let another runnable process have the CPU */
int
sched_yield(void)
{
	return __syscall_ret(__syscall0(__NR_sched_yield));
}

/* getpagesize - the page size in bytes, from the auxiliary vector */
int
getpagesize(void)
{
	unsigned long sz = getauxval(AT_PAGESZ);

	return sz ? (int)sz : 4096;
}

/*
 * sysconf - a system limit: _SC_PAGESIZE, _SC_CLK_TCK, _SC_OPEN_MAX.
 * Returns -1 with errno EINVAL for names Pagoda does not know.
 */
long
sysconf(int name)
{
	switch (name) {
	case _SC_PAGESIZE: return getpagesize();
	case _SC_CLK_TCK: return 100;
	case _SC_OPEN_MAX: return 1024;
	default: errno = EINVAL; return -1;
	}
}

/*
 * syscall - make system call @number with up to six long arguments.
 * Returns the result, or -1 with errno.
 */
long
syscall(long number, ...)
{
	long a[6];
	va_list ap;
	int i;

	va_start(ap, number);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __syscall_ret(__syscall6(number, a[0], a[1], a[2], a[3], a[4], a[5]));
}
