/*
 * kernel/lib/kallsyms.c - address to function name, for backtraces.
 *
 * The table comes from tools/gen-kallsyms.sh: kallsyms_num symbols sorted
 * by address, kallsyms_addresses[i] the address of symbol i, and its name
 * at kallsyms_names + kallsyms_name_offsets[i]. The end of the last
 * function is _etext (linker.ld).
 *
 * Counterpart: Linux kernel/kallsyms.c (which also compresses the names).
 */
#include <pagoda/kallsyms.h>
#include <pagoda/string.h>

extern const unsigned long kallsyms_num;
extern const unsigned long kallsyms_addresses[];
extern const unsigned int kallsyms_name_offsets[];
extern const char kallsyms_names[];
extern const char _etext[];

const char *
kallsyms_lookup(unsigned long addr, unsigned long *offset, unsigned long *size)
{
	unsigned long lo = 0, hi = kallsyms_num;

	if (kallsyms_num == 0 || addr < kallsyms_addresses[0] || addr >= (unsigned long)_etext)
		return NULL;
	/* Binary search for the last symbol at or below addr. */
	while (hi - lo > 1) {
		unsigned long mid = lo + (hi - lo) / 2;

		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	unsigned long end =
		lo + 1 < kallsyms_num ? kallsyms_addresses[lo + 1] : (unsigned long)_etext;

	*offset = addr - kallsyms_addresses[lo];
	*size = end - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}

unsigned long
kallsyms_lookup_name(const char *name)
{
	for (unsigned long i = 0; i < kallsyms_num; i++) {
		if (strcmp(kallsyms_names + kallsyms_name_offsets[i], name) == 0)
			return kallsyms_addresses[i];
	}
	return 0;
}
