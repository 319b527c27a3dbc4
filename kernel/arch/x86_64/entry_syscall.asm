; kernel/arch/x86_64/entry_syscall.asm - system calls, and the ways a task
; starts running.
;
; entry_SYSCALL_64: step 3 of the malloc lecture. A user program executes
; `syscall` with the number in RAX and arguments in RDI, RSI, RDX, R10, R8,
; R9. The CPU saves RIP in RCX and RFLAGS in R11, clears the flags in
; MSR_SYSCALL_MASK (interrupts off), loads CS/SS from MSR_STAR and jumps
; here (MSR_LSTAR) -- still on the user's stack (Intel SDM Vol. 2B,
; SYSCALL). We switch to the task's kernel stack, build a struct pt_regs
; as an interrupt would, and call do_syscall_64(regs) in syscall_64.c,
; which calls sys_call_table[RAX]. The result is in regs->rax.
;
; The way back is `sysret` when the saved state allows it, else `iretq`
; (do_syscall_64 decides: sysret cannot return to a non-canonical RIP
; safely, and cannot restore RCX and R11).
;
; __switch_to_asm and ret_from_fork: how the scheduler moves between
; tasks' kernel stacks, and where a new task begins.
;
; Counterpart: Linux arch/x86/entry/entry_64.S.

%include "asm-offsets.inc"	; also __USER_CS, __USER_DS, ENOSYS

extern do_syscall_64
extern restore_regs_and_iret

section .text
bits 64

global entry_SYSCALL_64
entry_SYSCALL_64:
	swapgs				; GS -> this CPU's struct pcpu
	mov	[gs:PCPU_USER_RSP], rsp
	mov	rsp, [gs:PCPU_TOP_OF_STACK]

	; The frame an interrupt from user mode would have pushed ...
	push	__USER_DS		; ss
	push	qword [gs:PCPU_USER_RSP] ; rsp
	push	r11			; rflags
	push	__USER_CS		; cs
	push	rcx			; rip
	push	rax			; orig_rax: the system-call number
	; ... and the general registers below it.
	sub	rsp, PTREGS_ORIG_RAX
	mov	[rsp + PTREGS_RDI], rdi
	mov	[rsp + PTREGS_RSI], rsi
	mov	[rsp + PTREGS_RDX], rdx
	mov	[rsp + PTREGS_RCX], rcx
	mov	qword [rsp + PTREGS_RAX], -ENOSYS
	mov	[rsp + PTREGS_R8], r8
	mov	[rsp + PTREGS_R9], r9
	mov	[rsp + PTREGS_R10], r10
	mov	[rsp + PTREGS_R11], r11
	mov	[rsp + PTREGS_RBX], rbx
	mov	[rsp + PTREGS_RBP], rbp
	mov	[rsp + PTREGS_R12], r12
	mov	[rsp + PTREGS_R13], r13
	mov	[rsp + PTREGS_R14], r14
	mov	[rsp + PTREGS_R15], r15

	mov	rdi, rsp
	sub	rsp, 8			; 21 words of pt_regs: re-align to 16
	call	do_syscall_64		; true: sysret may be used
	add	rsp, 8
	test	al, al
	jz	restore_regs_and_iret

	; sysret: RIP from RCX, RFLAGS from R11; the rest as saved.
	cli
	mov	r15, [rsp + PTREGS_R15]
	mov	r14, [rsp + PTREGS_R14]
	mov	r13, [rsp + PTREGS_R13]
	mov	r12, [rsp + PTREGS_R12]
	mov	rbp, [rsp + PTREGS_RBP]
	mov	rbx, [rsp + PTREGS_RBX]
	mov	r10, [rsp + PTREGS_R10]
	mov	r9, [rsp + PTREGS_R9]
	mov	r8, [rsp + PTREGS_R8]
	mov	rax, [rsp + PTREGS_RAX]
	mov	rdx, [rsp + PTREGS_RDX]
	mov	rsi, [rsp + PTREGS_RSI]
	mov	rdi, [rsp + PTREGS_RDI]
	mov	rcx, [rsp + PTREGS_RIP]
	mov	r11, [rsp + PTREGS_EFLAGS]
	mov	rsp, [rsp + PTREGS_RSP]	; the user stack, last
	swapgs
	o64 sysret

; __switch_to_asm(unsigned long *prev_sp, unsigned long next_sp) - save the
; callee-saved registers on this stack, store RSP in *prev_sp, load
; next_sp, pop the next task's registers and return on its stack: into
; the schedule() call it made, or into ret_from_fork for a new task.
; Its length, for its call-frame information (entry_cfi.asm).
global entry_SYSCALL_64_size
entry_SYSCALL_64_size equ __switch_to_asm - entry_SYSCALL_64

global __switch_to_asm
__switch_to_asm:
	push	rbp
	push	rbx
	push	r12
	push	r13
	push	r14
	push	r15
	mov	[rdi], rsp
	mov	rsp, rsi
	pop	r15
	pop	r14
	pop	r13
	pop	r12
	pop	rbx
	pop	rbp
	ret

; ret_from_fork - where a new task first runs (copy_thread in process.c
; built its stack). For a kernel thread RBX holds a function and R12 its
; argument: call it (it may exec a user program, filling in the pt_regs).
; Then return to user mode through the pt_regs at the top of the stack,
; by way of exit_to_user_mode like every other return to user mode: a
; signal may be pending (a SIGKILL, or the SIGSEGV of a bad entry point).
extern schedule_tail
extern exit_to_user_mode
global ret_from_fork
ret_from_fork:
	sub	rsp, 8			; RSP is at the pt_regs: align for calls
	call	schedule_tail
	test	rbx, rbx
	jz	.to_user
	mov	rdi, r12
	call	rbx
.to_user:
	lea	rdi, [rsp + 8]		; exit_to_user_mode(regs)
	call	exit_to_user_mode
	add	rsp, 8
	jmp	restore_regs_and_iret
