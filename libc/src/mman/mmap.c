/*
 * libc/src/mman/mmap.c - memory mappings: mmap(), munmap(), mprotect(),
 * mremap(), madvise().
 *
 * malloc's sysmalloc() uses mmap() for requests of mmap_threshold (128 KiB)
 * and more, and munmap() to give them back. In the kernel these are
 * do_mmap()/do_munmap() (Linux's mm/mmap.c; Pagoda's kernel/mm/mmap.c).
 * The calls pass their arguments through unchanged; the kernel checks
 * alignment and flags. mmap() returns an address, so the error test of
 * __syscall_ret() (a result in -4095..-1) is what separates an address in
 * the top of the address space from an error.
 */
#include <sys/mman.h>
#include <stdarg.h>
#include "../internal/syscall.h"

/*
 * mmap - map @length bytes with protection @prot (PROT_*) and @flags
 * (MAP_PRIVATE | MAP_ANONYMOUS, ...), at @addr if MAP_FIXED (a hint
 * otherwise), of @fd from byte @offset (page-aligned) unless anonymous.
 * Returns the start of the mapping, or MAP_FAILED with errno.
 */
void *
mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
	return (void *)__syscall_ret(
		__syscall6(__NR_mmap, (long)addr, length, prot, flags, fd, offset));
}

/*
 * munmap - remove the mappings of the pages in [@addr, @addr + @length).
 * Returns 0, or -1 with errno (EINVAL for an unaligned @addr).
 */
int
munmap(void *addr, size_t length)
{
	return __syscall_ret(__syscall2(__NR_munmap, (long)addr, length));
}

/* mprotect - change the protection of the pages in [@addr, @addr + @length) */
int
mprotect(void *addr, size_t length, int prot)
{
	return __syscall_ret(__syscall3(__NR_mprotect, (long)addr, length, prot));
}

/*
 * mremap - resize the mapping at @old_address from @old_size to @new_size
 * bytes; MREMAP_MAYMOVE lets it move, and MREMAP_FIXED takes the new
 * address as a fifth argument. Returns the new address, or MAP_FAILED.
 */
void *
mremap(void *old_address, size_t old_size, size_t new_size, int flags, ...)
{
	long new_address = 0;
	va_list ap;

	if (flags & MREMAP_FIXED) {
		va_start(ap, flags);
		new_address = (long)va_arg(ap, void *);
		va_end(ap);
	}
	return (void *)__syscall_ret(
		__syscall5(__NR_mremap, (long)old_address, old_size, new_size, flags, new_address));
}

/* madvise - tell the kernel how [@addr, @addr + @length) will be used */
int
madvise(void *addr, size_t length, int advice)
{
	return __syscall_ret(__syscall3(__NR_madvise, (long)addr, length, advice));
}
