#!/bin/sh
# tools/gen-kallsyms.sh - turn a kernel's function symbols into the table
# kernel/lib/kallsyms.c reads.
#
# Usage: tools/gen-kallsyms.sh [KERNEL.elf] > kallsyms.S
# Without an argument it writes an empty table, for the first link.
# Only text symbols (nm types T and t) are listed: they sit before the
# table in the image (linker.ld), so adding the table cannot move them.
set -eu

symbols() {
	if [ $# -gt 0 ]; then
		nm -n --defined-only "$1" | awk '$2 == "T" || $2 == "t" { print $1, $3 }'
	fi
}

symbols "$@" | awk '
	{ addr[NR] = $1; name[NR] = $2 }
	END {
		print "\t.section .kallsyms, \"a\""
		print "\t.balign 8"
		print "\t.globl kallsyms_num"
		print "kallsyms_num:\n\t.quad " NR
		print "\t.globl kallsyms_addresses"
		print "kallsyms_addresses:"
		for (i = 1; i <= NR; i++)
			print "\t.quad 0x" addr[i]
		print "\t.globl kallsyms_name_offsets"
		print "kallsyms_name_offsets:"
		off = 0
		for (i = 1; i <= NR; i++) {
			print "\t.long " off
			off += length(name[i]) + 1
		}
		print "\t.globl kallsyms_names"
		print "kallsyms_names:"
		for (i = 1; i <= NR; i++)
			print "\t.asciz \"" name[i] "\""
		print "\t.byte 0"
		print "\t.section .note.GNU-stack, \"\", @progbits"
	}'
