/*
 * kernel/mm/vmstat.c - event counters of the memory code, and /proc/vmstat.
 *
 * The fault path and brk count what they do in vm_events[]
 * (count_vm_event, include/pagoda/mm.h); /proc/vmstat prints one
 * "name value" line per counter, Linux's format, so a lecture can read
 * the counters before and after a program runs and see, for instance,
 * one pgfault per first-touched page.
 *
 * Linux has no counter for anonymous first-touch allocations or for
 * copy-on-write breaks under these names; Pagoda adds pgalloc_anon and
 * cow_fault, and counts flush_icache_range() calls, a no-op on x86. The
 * TLB flush counters are Linux's (shown with CONFIG_DEBUG_TLBFLUSH).
 *
 * Counterpart: Linux mm/vmstat.c (vmstat_text, vmstat_show).
 */
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/proc_fs.h>

unsigned long vm_events[NR_VM_EVENTS];
long vm_node_stat[NR_VM_NODE_STAT_ITEMS];

void
count_vm_event(enum vm_event_item item)
{
	vm_events[item]++;
}

/* The names /proc/vmstat prints, in enum vm_event_item's order. */
static const char *const vmstat_text[NR_VM_EVENTS] = {
	[PGFAULT] = "pgfault",
	[PGALLOC_ANON] = "pgalloc_anon",
	[COW_FAULT] = "cow_fault",
	[FLUSH_ICACHE_RANGE] = "flush_icache_range",
	[NR_TLB_LOCAL_FLUSH_ONE] = "nr_tlb_local_flush_one",
	[NR_TLB_LOCAL_FLUSH_ALL] = "nr_tlb_local_flush_all",
};

/*
 * proc_vmstat - the text of /proc/vmstat into @buf (@size bytes,
 * snprintf-style). Returns the length the whole text needs.
 */
int
proc_vmstat(char *buf, size_t size)
{
	size_t len = 0;

	for (int i = 0; i < NR_VM_EVENTS; i++)
		len += snprintf(buf + min(len, size), size - min(len, size), "%s %lu\n",
				vmstat_text[i], vm_events[i]);
	return (int)len;
}
