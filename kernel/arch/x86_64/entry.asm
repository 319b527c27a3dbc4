; kernel/arch/x86_64/entry.asm - the way into the kernel from an interrupt
; or exception.
;
; The CPU delivers vector N by looking up IDT entry N (idt.c), switching to
; the kernel stack if it was in user mode (the stack in the TSS, gdt.c),
; and pushing SS, RSP, RFLAGS, CS, RIP and, for some exceptions, an error
; code (Intel SDM Vol. 3A, 6.14 "Exception and Interrupt Handling in
; 64-bit Mode"). The stub for vector N completes that frame into a struct
; pt_regs (asm/ptrace.h) and calls x86_handle_interrupt(regs, N) in
; traps.c. When it returns, the registers are restored from the frame
; (a handler may have changed them) and iretq resumes the interrupted code.
;
; Field offsets come from asm-offsets.c, generated from the C struct.
;
; Counterpart: Linux arch/x86/entry/entry_64.S (idtentry).

%include "asm-offsets.inc"

extern x86_handle_interrupt

section .text
bits 64

; isr_stub VECTOR, HAS_ERROR_CODE - the entry for one vector. Where the CPU
; pushes no error code, push a 0 in its place so every frame is alike.
; Then push the vector and go to the common code.
%macro isr_stub 2
isr_stub_%1:
%if %2 == 0
	push	0
%endif
	push	%1
	jmp	isr_common
%endmacro

; Exceptions that push an error code (Intel SDM Vol. 3A, Table 6-1):
; 8 #DF, 10 #TS, 11 #NP, 12 #SS, 13 #GP, 14 #PF, 17 #AC, 21 #CP, 29 #VC, 30 #SX.
%assign v 0
%rep 48
%if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
	isr_stub v, 1
%else
	isr_stub v, 0
%endif
%assign v v + 1
%endrep

; isr_common - on entry the stack holds, from the top: the vector, the
; error code (in the place of pt_regs.orig_rax), then the CPU's frame.
; The vector's slot is where pt_regs.rdi goes, so swapping it with RDI
; both saves RDI there and puts the vector in a register.
global isr_common
isr_common:
	; From user mode, switch GS to the kernel's per-CPU data (percpu.h).
	; The CPU's frame sits above the vector and the error code: CS is at
	; [rsp + 24], and its low two bits are the privilege level we came from.
	test	byte [rsp + 24], 3
	jz	.from_kernel
	swapgs
.from_kernel:
	xchg	rdi, [rsp]
	sub	rsp, PTREGS_RDI		; room for r15 .. rsi below rdi
	mov	[rsp + PTREGS_R15], r15
	mov	[rsp + PTREGS_R14], r14
	mov	[rsp + PTREGS_R13], r13
	mov	[rsp + PTREGS_R12], r12
	mov	[rsp + PTREGS_RBP], rbp
	mov	[rsp + PTREGS_RBX], rbx
	mov	[rsp + PTREGS_R11], r11
	mov	[rsp + PTREGS_R10], r10
	mov	[rsp + PTREGS_R9], r9
	mov	[rsp + PTREGS_R8], r8
	mov	[rsp + PTREGS_RAX], rax
	mov	[rsp + PTREGS_RCX], rcx
	mov	[rsp + PTREGS_RDX], rdx
	mov	[rsp + PTREGS_RSI], rsi

	mov	rsi, rdi		; x86_handle_interrupt(regs, vector)
	mov	rdi, rsp
	cld				; the C ABI wants DF clear
	; The CPU aligned RSP to 16 bytes before pushing its frame; with the
	; 21 words of pt_regs on top, one more word re-aligns it for the call
	; (System V AMD64 psABI, 3.2.2 "The Stack Frame").
	sub	rsp, 8
	call	x86_handle_interrupt
	add	rsp, 8
	jmp	restore_regs_and_iret

; Its length, for its call-frame information (entry_cfi.asm).
global isr_common_size
isr_common_size equ restore_regs_and_iret - isr_common

; restore_regs_and_iret - RSP points at a struct pt_regs: load every
; register from it and return to where it says, switching GS back when
; that is user mode.
global restore_regs_and_iret
restore_regs_and_iret:
	cli
	mov	r15, [rsp + PTREGS_R15]
	mov	r14, [rsp + PTREGS_R14]
	mov	r13, [rsp + PTREGS_R13]
	mov	r12, [rsp + PTREGS_R12]
	mov	rbp, [rsp + PTREGS_RBP]
	mov	rbx, [rsp + PTREGS_RBX]
	mov	r11, [rsp + PTREGS_R11]
	mov	r10, [rsp + PTREGS_R10]
	mov	r9, [rsp + PTREGS_R9]
	mov	r8, [rsp + PTREGS_R8]
	mov	rax, [rsp + PTREGS_RAX]
	mov	rcx, [rsp + PTREGS_RCX]
	mov	rdx, [rsp + PTREGS_RDX]
	mov	rsi, [rsp + PTREGS_RSI]
	mov	rdi, [rsp + PTREGS_RDI]
	add	rsp, PTREGS_RIP		; drop the saved registers and orig_rax
	test	byte [rsp + 8], 3	; CS: back to user mode?
	jz	.to_kernel
	swapgs
.to_kernel:
	iretq

; The stubs' addresses, for idt.c to install.
section .rodata
global isr_stub_table
isr_stub_table:
%assign v 0
%rep 48
	dq	isr_stub_ %+ v
%assign v v + 1
%endrep
