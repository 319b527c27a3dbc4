; kernel/arch/x86_64/entry_cfi.asm - how a debugger unwinds through the
; kernel's entry code: DWARF call-frame information (DWARF 5, 6.4) for
; entry_SYSCALL_64 and isr_common, written out by hand (NASM has no CFI
; directives).
;
; Both entries save the user's (or the interrupted kernel code's)
; registers in a struct pt_regs and then `call` into C with RSP 8 bytes
; below it. So, at the return address of that call, the frame's canonical
; frame address (CFA) is RSP + 8, the pt_regs itself, and every register
; of the caller, RSP and RIP included, is in the pt_regs at CFA + its
; PTREGS_ offset. A backtrace so goes on from the kernel's stack to the
; user's stack below it: `bt` in __do_sys_brk continues through sbrk and
; malloc down to main, and in handle_mm_fault through the faulting user
; function.
;
; The two entries differ in what the saved RIP is. After `syscall` it is
; the next instruction, as a return address is after a call: an ordinary
; frame, which GDB names entry_SYSCALL_64 (and it looks up the user's
; line at RIP - 1, the syscall instruction). After an exception it is the
; interrupted instruction itself, so isr_common's CIE has the augmentation
; "S", a signal frame, as glibc marks __restore_rt: GDB then looks up the
; faulting RIP itself, not RIP - 1 (which may be in another line, or
; another function). GDB prints a signal frame as `<signal handler
; called>`; tools/gdb/pagoda.py's frame filter prints `isr_common` in a
; `bt` instead.
;
; Only the return address of the call into C is described correctly:
; stepping through the entry code instruction by instruction, `bt` is
; wrong there.

%include "asm-offsets.inc"

extern entry_SYSCALL_64, entry_SYSCALL_64_size, isr_common, isr_common_size

%define DW_CFA_def_cfa			0x0c
%define DW_CFA_offset_extended_sf	0x11
%define DWARF_RSP			7
%define DWARF_RIP			16	; the return-address column

; The register with DWARF number %1 is saved at CFA + %2 (a multiple of 8;
; the data alignment factor is -8, so the factored offset is -%2 / 8).
%macro saved_at 2
	db	DW_CFA_offset_extended_sf, %1, (-(%2) / 8) & 0x7f
%endmacro

; One FDE: the %3 bytes of code at %2 use the CIE %1.
%macro entry_fde 3
	dd	%%end - %%start		; length
%%start:
	dd	%1			; the CIE (an offset in .debug_frame)
	dq	%2			; initial location
	dq	%3			; address range
	align	8, db 0			; DW_CFA_nop
%%end:
%endmacro

section .debug_frame noalloc noexec nowrite progbits align=8

; The rules both CIEs share: CFA = RSP + 8, every register in the pt_regs.
%macro ptregs_rules 0
	db	1			; code alignment factor
	db	0x78			; data alignment factor: -8 (SLEB128)
	db	DWARF_RIP		; return-address register
	db	DW_CFA_def_cfa, DWARF_RSP, 8
	saved_at 0, PTREGS_RAX
	saved_at 1, PTREGS_RDX
	saved_at 2, PTREGS_RCX
	saved_at 3, PTREGS_RBX
	saved_at 4, PTREGS_RSI
	saved_at 5, PTREGS_RDI
	saved_at 6, PTREGS_RBP
	saved_at DWARF_RSP, PTREGS_RSP
	saved_at 8, PTREGS_R8
	saved_at 9, PTREGS_R9
	saved_at 10, PTREGS_R10
	saved_at 11, PTREGS_R11
	saved_at 12, PTREGS_R12
	saved_at 13, PTREGS_R13
	saved_at 14, PTREGS_R14
	saved_at DWARF_RIP, PTREGS_RIP
	saved_at 49, PTREGS_EFLAGS	; RFLAGS
	align	8, db 0
%endmacro

; entry_SYSCALL_64: an ordinary frame. The saved RIP follows the user's
; `syscall` instruction, as a return address follows a call.
syscall_cie:
	dd	.end - .start		; length
.start:
	dd	0xffffffff		; CIE id
	db	1			; version
	db	0			; augmentation: none
	ptregs_rules
.end:

; isr_common: a signal frame. The saved RIP is the interrupted instruction.
isr_cie:
	dd	.end - .start		; length
.start:
	dd	0xffffffff		; CIE id
	db	1			; version
	db	"S", 0			; augmentation: a signal frame
	ptregs_rules
.end:

	entry_fde syscall_cie, entry_SYSCALL_64, entry_SYSCALL_64_size
	entry_fde isr_cie, isr_common, isr_common_size
