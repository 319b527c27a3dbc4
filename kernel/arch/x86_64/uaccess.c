/*
 * kernel/arch/x86_64/uaccess.c - touching user memory safely.
 *
 * Each instruction here that may fault on a bad user address is listed in
 * the exception table (section __ex_table, collected by linker.ld) with a
 * fixup: where to resume instead. The page-fault handler first tries to
 * satisfy the fault (the page may just not be there yet: demand paging);
 * only when the address is truly bad does fixup_exception() move RIP to
 * the fixup, which makes the function return an error. So a system call
 * handed a bad pointer returns -EFAULT, and the kernel carries on.
 *
 * Every access is bracketed by stac/clac (asm/smap.h): with SMAP on, these
 * are the only instructions in the kernel allowed to touch a user page.
 *
 * Counterpart: Linux arch/x86/lib/copy_user_64.S, arch/x86/mm/extable.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

#include <asm/smap.h>

#include "internal.h"

/* One exception-table entry: a faulting instruction and its fixup. */
struct exception_table_entry {
	unsigned long insn;
	unsigned long fixup;
};

extern const struct exception_table_entry __start___ex_table[], __stop___ex_table[];

/* Emit an __ex_table entry: a fault at label `from` resumes at `to`. */
#define EX_TABLE(from, to)                                                                         \
	".pushsection __ex_table, \"a\"\n\t.balign 8\n\t.quad " #from ", " #to "\n\t"              \
	".popsection\n\t"

bool
fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __start___ex_table; e < __stop___ex_table;
	     e++) {
		if (e->insn == regs->rip) {
			regs->rip = e->fixup;
			return true;
		}
	}
	return false;
}

/*
 * raw_copy - copy @n bytes eight at a time, then the tail; returns the
 * number of bytes not copied. A fault in the first loop leaves RCX
 * quadwords to go: the fixup turns that into bytes.
 */
static unsigned long
raw_copy(void *to, const void *from, unsigned long n)
{
	unsigned long qwords = n / 8, tail = n % 8;

	stac();
	__asm__ volatile("1:	rep movsq\n\t"
			 "	mov %[tail], %%rcx\n\t"
			 "2:	rep movsb\n\t"
			 "3:\n\t"
			 ".pushsection .text.fixup, \"ax\"\n"
			 "4:	lea (%[tail], %%rcx, 8), %%rcx\n\t"
			 "	jmp 3b\n\t"
			 ".popsection\n\t" EX_TABLE(1b, 4b) EX_TABLE(2b, 3b)
			 : "+D"(to), "+S"(from), "+c"(qwords)
			 : [tail] "r"(tail)
			 : "memory");
	clac();
	return qwords;
}

unsigned long
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	if (!access_ok(from, n))
		return n;
	return raw_copy(to, from, n);
}

unsigned long
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!access_ok(to, n))
		return n;
	return raw_copy(to, from, n);
}

unsigned long
clear_user(void __user *to, unsigned long n)
{
	unsigned long left = n;

	if (!access_ok(to, n))
		return n;
	stac();
	__asm__ volatile("1:	rep stosb\n\t"
			 "2:\n\t" EX_TABLE(1b, 2b)
			 : "+D"(to), "+c"(left)
			 : "a"(0)
			 : "memory");
	clac();
	return left;
}

/* get_user_u8 - one byte: 0, or -EFAULT. */
static int
get_user_u8(uint8_t *val, const uint8_t __user *addr)
{
	int err = 0;
	uint8_t v = 0;

	stac();
	__asm__ volatile("1:	movb (%[addr]), %[v]\n\t"
			 "2:\n\t"
			 ".pushsection .text.fixup, \"ax\"\n"
			 "3:	mov %[efault], %[err]\n\t"
			 "	jmp 2b\n\t"
			 ".popsection\n\t" EX_TABLE(1b, 3b)
			 : [v] "+q"(v), [err] "+r"(err)
			 : [addr] "r"(addr), [efault] "i"(-EFAULT));
	clac();
	*val = v;
	return err;
}

long
strncpy_from_user(char *dst, const char __user *src, long count)
{
	for (long i = 0; i < count; i++) {
		uint8_t c;

		if (!access_ok(src + i, 1) || get_user_u8(&c, (const uint8_t *)src + i) < 0)
			return -EFAULT;
		dst[i] = (char)c;
		if (c == '\0')
			return i;
	}
	return count;
}

int
get_user_u64(uint64_t *val, const void __user *addr)
{
	return copy_from_user(val, addr, sizeof(*val)) ? -EFAULT : 0;
}

int
put_user_u64(uint64_t val, void __user *addr)
{
	return copy_to_user(addr, &val, sizeof(val)) ? -EFAULT : 0;
}

int
put_user_u32(uint32_t val, void __user *addr)
{
	return copy_to_user(addr, &val, sizeof(val)) ? -EFAULT : 0;
}
