/*
 * include/pagoda/uaccess.h - reading and writing user memory from the kernel.
 *
 * A system call's pointer arguments come from user space and cannot be
 * trusted: NULL, a kernel address, a non-canonical address, an unmapped or
 * read-only page. These functions check that the range lies in user space,
 * then copy; if the copy faults, the page-fault handler first tries to
 * bring the page in (demand paging), and if that fails it resumes at a
 * fixup that makes the function report failure (arch/x86_64/uaccess.c,
 * the exception table). So bad pointers give -EFAULT, never a kernel oops.
 *
 * Counterpart: Linux include/linux/uaccess.h.
 */
#ifndef PAGODA_UACCESS_H
#define PAGODA_UACCESS_H

#include <pagoda/types.h>

#include <asm/processor.h> /* TASK_SIZE_MAX */

/* Marks a pointer as a user-space address (documentation only). */
#define __user

/* access_ok - does [addr, addr + size) lie wholly in user space? */
static inline bool
access_ok(const void __user *addr, unsigned long size)
{
	unsigned long a = (unsigned long)addr;

	return size <= TASK_SIZE_MAX && a <= TASK_SIZE_MAX - size;
}

/* Copy @n bytes; return the number of bytes NOT copied (0 on success). */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);

/* Zero @n user bytes; returns the number NOT cleared. */
unsigned long clear_user(void __user *to, unsigned long n);

/*
 * strncpy_from_user - copy a NUL-terminated string of at most @count bytes
 * (including the NUL) into @dst. Returns its length without the NUL,
 * @count if no NUL was found within @count bytes (@dst is then not
 * terminated), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long count);

/* Read or write one 64-bit or 32-bit value: 0 or -EFAULT. */
int get_user_u64(uint64_t *val, const void __user *addr);
int put_user_u64(uint64_t val, void __user *addr);
int put_user_u32(uint32_t val, void __user *addr);

#endif /* PAGODA_UACCESS_H */
