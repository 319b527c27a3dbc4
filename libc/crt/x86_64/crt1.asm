; libc/crt/x86_64/crt1.asm - _start, the first instruction of every
; program linked against Pagoda's libc.
;
; execve() jumps here with the stack the kernel built (System V AMD64 psABI,
; 3.4.1 "Initial Stack and Register State", Process Initialization):
;
;     rsp ->  argc                    8 bytes
;             argv[0] .. argv[argc-1]
;             NULL
;             envp[0] .. envp[n-1]
;             NULL
;             auxv: (type, value) pairs, ended by AT_NULL
;             ... the strings themselves, higher up
;
; rsp is 16-byte aligned here, and rdx holds a function for atexit() that
; a dynamic linker may pass (0 from the kernel for a static program; Pagoda
; ignores it, as static glibc does). _start marks the outermost frame (rbp
; = 0, for backtraces), finds argv and envp, realigns the stack and calls
;     __libc_start_main(main, argc, argv, envp)
; which never returns. glibc's counterpart is sysdeps/x86_64/start.S.

	bits	64
	default	rel

	section	.text
	global	_start
	extern	main
	extern	__libc_start_main

_start:
	xor	ebp, ebp		; the outermost frame: no caller
	mov	rdi, main		; argument 1: main
	mov	rsi, [rsp]		; argument 2: argc
	lea	rdx, [rsp + 8]		; argument 3: argv
	lea	rcx, [rdx + rsi*8 + 8]	; argument 4: envp, past argv's NULL
	and	rsp, -16		; the psABI wants rsp % 16 == 0 at a call
	call	__libc_start_main
	hlt				; not reached: __libc_start_main exits

	section	.note.GNU-stack noalloc noexec nowrite progbits
