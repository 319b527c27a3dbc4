/*
 * tests/linux/mmap_files.c - mmap of files and Linux's order of mmap's
 * error checks: private and shared mappings of a read-only file, offsets,
 * the end of the file (SIGBUS past the last page), files that cannot be
 * mapped (pipes), MAP_SHARED_VALIDATE, and which check wins when several
 * fail. Prints only booleans and errno names.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define PAGE 4096UL

#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#define MAP_UNKNOWN 0x400000 /* no such flag (yet) */

static const char *
errname(long ret)
{
	if (ret >= 0 || ret < -4095)
		return "ok";
	switch (-ret) {
	case EINVAL: return "EINVAL";
	case ENOMEM: return "ENOMEM";
	case EBADF: return "EBADF";
	case EACCES: return "EACCES";
	case EEXIST: return "EEXIST";
	case ENODEV: return "ENODEV";
	case EOVERFLOW: return "EOVERFLOW";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default: return "other";
	}
}

static long
mmap_(long addr, unsigned long len, int prot, int flags, int fd, long off)
{
	return raw(SYS_mmap, addr, len, prot, flags, fd, off);
}

/* fate - what reading (or writing) @p does to a child. */
static const char *
fate(volatile char *p, int write)
{
	int status;

	if (fork() == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		_exit(0);
	}
	wait(&status);
	if (!WIFSIGNALED(status))
		return "ok";
	return WTERMSIG(status) == SIGSEGV  ? "SIGSEGV"
	       : WTERMSIG(status) == SIGBUS ? "SIGBUS"
					    : "signal";
}

static void
file_mappings(int fd, long size)
{
	unsigned long pages = (size + PAGE - 1) / PAGE;
	long p = mmap_(0, PAGE, PROT_READ, MAP_SHARED, fd, 0), q;
	char first[16];

	pread(fd, first, sizeof(first), PAGE);
	printf("shared read-only: %s, ELF %d\n", errname(p), memcmp((char *)p, "\177ELF", 4) == 0);
	printf("shared read-only, write: %s\n", fate((char *)p, 1));
	printf("shared read-only, mprotect writable: %s\n",
	       errname(raw(SYS_mprotect, p, PAGE, PROT_READ | PROT_WRITE, 0, 0, 0)));
	printf("shared writable of a read-only fd: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0)));
	printf("validate, writable of a read-only fd: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED_VALIDATE, fd, 0)));
	printf("validate, unknown flag: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_UNKNOWN, fd, 0)));
	q = mmap_(0, PAGE, PROT_READ, MAP_SHARED | MAP_UNKNOWN, fd, 0);
	printf("shared, unknown flag ignored: %s\n", errname(q));
	raw(SYS_munmap, q, PAGE, 0, 0, 0, 0);
	raw(SYS_munmap, p, PAGE, 0, 0, 0, 0);
	p = mmap_(0, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, PAGE);
	printf("private writable at offset 1 page: %s, same bytes %d\n", errname(p),
	       memcmp((char *)p, first, sizeof(first)) == 0);
	printf("private write: %s\n", fate((char *)p, 1));
	raw(SYS_munmap, p, PAGE, 0, 0, 0, 0);
	/* Two pages past the end: the last partial page reads zeros after EOF,
	 * a page wholly past EOF raises SIGBUS. */
	p = mmap_(0, (pages + 2) * PAGE, PROT_READ, MAP_PRIVATE, fd, 0);
	printf("map past EOF: %s\n", errname(p));
	printf("last page tail is zero: %d\n",
	       size % PAGE == 0 || ((char *)p)[(pages - 1) * PAGE + size % PAGE] == 0);
	printf("read the page past EOF: %s\n", fate((char *)p + pages * PAGE, 0));
	raw(SYS_munmap, p, (pages + 2) * PAGE, 0, 0, 0, 0);
	p = mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, fd, (pages + 4) * PAGE);
	printf("offset past EOF: %s, read %s\n", errname(p), fate((char *)p, 0));
	raw(SYS_munmap, p, PAGE, 0, 0, 0, 0);
}

static void
unmappable(void)
{
	int pfd[2];

	pipe(pfd);
	printf("pipe read end: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, pfd[0], 0)));
	printf("pipe write end: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_SHARED, pfd[1], 0)));
	close(pfd[0]);
	close(pfd[1]);
	printf("closed fd: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, pfd[0], 0)));
	printf("directory: %s\n", errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE,
						open("/", O_RDONLY | O_DIRECTORY), 0)));
}

/* Which error wins when more than one check fails. */
static void
check_order(int fd)
{
	int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	long p = mmap_(0, 2 * PAGE, PROT_READ, anon, -1, 0);

	printf("len 0, no type: %s\n", errname(mmap_(0, 0, PROT_READ, MAP_ANONYMOUS, -1, 0)));
	printf("len 0, bad fd: %s\n", errname(mmap_(0, 0, PROT_READ, MAP_PRIVATE, 99, 0)));
	printf("unaligned offset, bad fd: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE, 99, 1)));
	printf("huge len, no type: %s\n",
	       errname(mmap_(0, -PAGE, PROT_READ, MAP_ANONYMOUS, -1, 0)));
	printf("no type, fixed unaligned: %s\n",
	       errname(mmap_(p + 1, PAGE, PROT_READ, MAP_ANONYMOUS | MAP_FIXED, -1, 0)));
	printf("no type, noreplace onto a mapping: %s\n",
	       errname(mmap_(p, PAGE, PROT_READ, MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0)));
	printf("no type, fixed beyond user space: %s\n",
	       errname(mmap_(0x7ffffffff000L, 2 * PAGE, PROT_READ, MAP_ANONYMOUS | MAP_FIXED, -1,
			     0)));
	printf("bad fd, no type: %s\n", errname(mmap_(0, PAGE, PROT_READ, 0, 99, 0)));
	printf("file, no type: %s\n", errname(mmap_(0, PAGE, PROT_READ, 0, fd, 0)));
	printf("anonymous shared-validate: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ, MAP_SHARED_VALIDATE | MAP_ANONYMOUS, -1, 0)));
	printf("anonymous type 0xf: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ, 0xf | MAP_ANONYMOUS, -1, 0)));
	printf("offset overflow: %s\n",
	       errname(mmap_(0, 2 * PAGE, PROT_READ, MAP_PRIVATE, fd, -PAGE)));
	printf("file growsdown: %s\n",
	       errname(mmap_(0, PAGE, PROT_READ, MAP_PRIVATE | MAP_GROWSDOWN, fd, 0)));
	printf("munmap beyond user space: %s\n",
	       errname(raw(SYS_munmap, 0x7ffffffff000L, 2 * PAGE, 0, 0, 0, 0)));
	printf("munmap huge len: %s\n", errname(raw(SYS_munmap, p, -PAGE, 0, 0, 0, 0)));
	printf("munmap unmapped: %s\n", errname(raw(SYS_munmap, 0x10000000, PAGE, 0, 0, 0, 0)));
	printf("mprotect huge len: %s\n", errname(raw(SYS_mprotect, p, -PAGE, PROT_READ, 0, 0, 0)));
	printf("mprotect len 0 unmapped: %s\n",
	       errname(raw(SYS_mprotect, 0x10000000, 0, PROT_READ, 0, 0, 0)));
	printf("mprotect bad prot, unaligned: %s\n",
	       errname(raw(SYS_mprotect, p + 1, PAGE, 0x100, 0, 0, 0)));
	raw(SYS_munmap, p, 2 * PAGE, 0, 0, 0, 0);
}

int
main(void)
{
	int fd = open("/proc/self/exe", O_RDONLY);
	struct stat st;

	setvbuf(stdout, NULL, _IONBF, 0);
	fstat(fd, &st);
	file_mappings(fd, st.st_size);
	unmappable();
	check_order(fd);
	return 0;
}
