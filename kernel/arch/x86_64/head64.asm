; kernel/arch/x86_64/head64.asm - the first higher-half instructions.
;
; boot/boot32.asm jumps here in 64-bit mode with EDI = the Multiboot2 magic
; and ESI = the physical address of the boot information. We switch to the
; kernel's own stack (init_stack, below) and call start_kernel() in
; kernel/init/main.c, the first C function: `hbreak start_kernel` in GDB.
;
; Counterpart: Linux arch/x86/kernel/head_64.S (startup_64).

extern start_kernel

%include "asm-offsets.inc"

section .text
bits 64
global startup_64
startup_64:
	mov	rsp, init_stack + THREAD_SIZE
	xor	ebp, ebp		; a zero frame pointer ends backtraces
	; boot32.asm loaded EDI and ESI with 32-bit moves, which clear the
	; upper halves: RDI and RSI are the arguments as they are.
	call	start_kernel
	; start_kernel does not return; if it ever did, stop here.
.halt:
	cli
	hlt
	jmp	.halt

; The boot CPU's kernel stack, with a guard page below it that paging.c
; leaves unmapped: a stack overflow faults on the guard (and becomes a
; double fault, reported on its own stack) instead of silently
; overwriting whatever lies below.
section .bss nobits alloc noexec write align=4096
global init_stack_guard
global init_stack
alignb 4096
init_stack_guard:
	resb	4096
init_stack:
	resb	THREAD_SIZE
