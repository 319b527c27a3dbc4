/*
 * kernel/arch/x86_64/cacheflush.c - flush_icache_range() (see asm/cacheflush.h).
 *
 * Counterpart: Linux arch/x86/include/asm/cacheflush.h (an empty inline;
 * Pagoda makes it a real function so GDB can break on it).
 */
#include <pagoda/compiler.h>
#include <pagoda/mm.h>

#include <asm/cacheflush.h>

__noinline void
flush_icache_range(unsigned long start, unsigned long end)
{
	/* x86: instruction fetch sees stores without help. Just count. */
	count_vm_event(FLUSH_ICACHE_RANGE);
	barrier();
}
