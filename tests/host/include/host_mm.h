/*
 * tests/host/include/host_mm.h - an address space for host tests of
 * kernel/mm/vma.c and mmap.c (tests/host/shim_mm.c fakes what they call).
 */
#ifndef HOST_MM_H
#define HOST_MM_H

#include <pagoda/mm.h>

/* host_mm_up - make a current task whose mm is empty, its heap starting
 * (and ending) at @start_brk; every rlimit infinite. Returns the mm. */
struct mm_struct *host_mm_up(unsigned long start_brk);

/* host_mm_down - free the mm's VMAs; there is no current task after it. */
void host_mm_down(void);

/* flush_icache_range() calls so far (brk growth makes one). */
extern unsigned long host_icache_flushes;

#endif /* HOST_MM_H */
