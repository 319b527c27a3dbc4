/*
 * asm/cacheflush.h - keeping instruction caches in step with memory.
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

/*
 * flush_icache_range - make instructions written to [start, end) visible to
 * instruction fetch. brk() calls it when the heap grows, as Linux's does.
 * On x86 it has nothing to do: the hardware keeps the instruction cache
 * coherent with stores ("self-modifying code", Intel SDM Vol. 3A, 11.6).
 * On architectures whose caches are not coherent (ARM, RISC-V, older
 * MIPS) it writes back the data cache and invalidates the instruction
 * cache over the range. Pagoda still calls it, counts the calls
 * (/proc/vmstat: flush_icache_range), so a lecture can break on it.
 */
void flush_icache_range(unsigned long start, unsigned long end);

#endif /* ASM_CACHEFLUSH_H */
