/*
 * kernel/arch/x86_64/dumpstack.c - call traces for oopses and panics.
 *
 * The kernel is compiled with frame pointers (-fno-omit-frame-pointer), so
 * every function starts with `push rbp; mov rbp, rsp`. RBP then points at
 * a two-word record: the caller's saved RBP, and above it the return
 * address into the caller. Following the saved RBPs walks the chain of
 * callers until a zero RBP (head64.asm starts the chain with 0).
 *
 *          higher addresses
 *   | return address  |  <- rbp + 8: where this function returns to
 *   | caller's rbp    |  <- rbp
 *   | locals ...      |
 *
 * Counterpart: Linux arch/x86/kernel/dumpstack.c (with the frame-pointer
 * unwinder, arch/x86/kernel/unwind_frame.c).
 */
#include <pagoda/arch.h>
#include <pagoda/kallsyms.h>
#include <pagoda/printk.h>

#include <asm/page.h>

#include "internal.h"

#define MAX_TRACE_DEPTH 32

/* print_address_symbol - "@prefix name+0xoff/0xsize", or the bare address. */
void
print_address_symbol(const char *prefix, unsigned long addr)
{
	unsigned long offset, size;
	const char *name = kallsyms_lookup(addr, &offset, &size);

	if (name)
		pr_emerg("%s%s+0x%lx/0x%lx\n", prefix, name, offset, size);
	else
		pr_emerg("%s0x%016lx\n", prefix, addr);
}

/*
 * frame_is_sane - is @rbp a plausible frame record? Kernel stacks live in
 * the kernel image's .bss or in the direct map; a record is 8-aligned.
 * A corrupt chain must not make the report itself fault.
 */
static bool
frame_is_sane(unsigned long rbp)
{
	if (rbp & 7)
		return false;
	return rbp >= PAGE_OFFSET && rbp < (unsigned long)-16;
}

/*
 * dump_stack_from - print one line per caller, starting with the return
 * address in the frame record at @rbp. Frames must move up the stack
 * (callers' frames are at higher addresses), which also stops loops.
 */
void
dump_stack_from(unsigned long rbp)
{
	for (int depth = 0; depth < MAX_TRACE_DEPTH && frame_is_sane(rbp); depth++) {
		const unsigned long *frame = (const unsigned long *)rbp;
		unsigned long next = frame[0], ret = frame[1];

		if (ret == 0)
			break;
		/* ret - 1 lies inside the call instruction, hence in the caller. */
		print_address_symbol(" ", ret - 1);
		if (next <= rbp)
			break;
		rbp = next;
	}
}

void
arch_dump_stack(void)
{
	pr_emerg("Call Trace:\n");
	dump_stack_from((unsigned long)__builtin_frame_address(0));
}
