; boot/boot32.asm - from GRUB's 32-bit protected mode to 64-bit long mode.
;
; Step 1 of the boot lecture (docs/lectures/L1-boot.md). GRUB jumps to
; _start32 at its physical address with paging off (Multiboot2 spec, 3.3
; "I386 machine state"): EAX holds the Multiboot2 magic, EBX the physical
; address of the boot information. This file:
;
;   1. checks the magic and that the CPU has long mode, and on failure
;      prints why on the serial port (COM1) and halts, rather than letting
;      the CPU triple-fault silently;
;   2. builds the early page tables (below);
;   3. enables PAE, long mode and NX, turns paging on, loads a 64-bit GDT
;      (Intel SDM Vol. 3A, 10.8.5 "Initializing IA-32e Mode");
;   4. jumps to startup_64 in kernel/arch/x86_64/head64.asm, in the higher
;      half, with the magic and the boot information address.
;
; Everything here is linked at its load address (linker.ld: .boot), so it
; runs before paging; the page tables it builds are replaced by
; kernel/arch/x86_64/ once the page-frame allocator is up.
;
; Counterpart: Linux arch/x86/boot/compressed/head_64.S (startup_32).
;
; The C headers' constants come through asm-offsets.inc (asm-offsets.c),
; under their C names: MULTIBOOT2_BOOTLOADER_MAGIC (pagoda/multiboot2.h),
; the page-table entry bits _PAGE_PRESENT, _PAGE_RW and _PAGE_PSE (a
; 2 MiB page in a PD entry; asm/pgtable.h), the control-register and EFER
; bits X86_CR0_*, X86_CR4_*, MSR_EFER, EFER_LME, EFER_NX
; (asm/processor.h), the selectors __KERNEL_CS and __KERNEL_DS of the
; boot GDT below (asm/segment.h), QEMU_EXIT_PORT and QEMU_EXIT_PANIC
; (asm/qemu.h).

%include "asm-offsets.inc"

CPUID_EXT_LM	equ 1 << 29		; CPUID 0x80000001 EDX: long mode
CPUID_EXT_NX	equ 1 << 20		; CPUID 0x80000001 EDX: NX

COM1		equ 0x3f8

extern startup_64

section .boot.text
bits 32
global _start32
_start32:
	cli
	cld
	mov	esp, boot_stack_top
	mov	[boot_mb2_magic], eax	; keep them for start_kernel; the code
	mov	[boot_mb2_info], ebx	; below uses every register
	call	serial_init32

	cmp	dword [boot_mb2_magic], MULTIBOOT2_BOOTLOADER_MAGIC
	jne	.no_multiboot
	call	check_long_mode
	test	eax, eax
	jz	.no_long_mode

	call	build_page_tables
	call	enable_long_mode

	lgdt	[boot_gdt_ptr]
	; A far jump loads CS from the 64-bit GDT: from here on we run in
	; 64-bit mode (still at the low, identity-mapped address).
	jmp	__KERNEL_CS:long_mode_low

.no_multiboot:
	mov	esi, msg_no_multiboot
	jmp	boot_fail
.no_long_mode:
	mov	esi, msg_no_long_mode
	jmp	boot_fail

; check_long_mode - EAX = 1 when the CPU can run 64-bit code, else 0.
; It needs CPUID itself (EFLAGS.ID can be toggled), the extended leaf
; 0x80000001, and that leaf's LM bit (Intel SDM Vol. 2A, CPUID).
check_long_mode:
	pushfd
	pop	eax
	mov	ecx, eax
	xor	eax, 1 << 21		; try to flip EFLAGS.ID
	push	eax
	popfd
	pushfd
	pop	eax
	push	ecx			; restore the original flags
	popfd
	xor	eax, ecx
	jz	.no

	mov	eax, 0x80000000
	cpuid
	cmp	eax, 0x80000001
	jb	.no
	mov	eax, 0x80000001
	cpuid
	test	edx, CPUID_EXT_LM
	jz	.no
	mov	eax, 1
	ret
.no:
	xor	eax, eax
	ret

; build_page_tables - the early address space, with 2 MiB pages:
;
;   virtual 0 .. 4 GiB                        -> physical 0 .. 4 GiB (identity,
;                                                 for this code until the jump)
;   0xffff888000000000 .. + 4 GiB (direct map) -> physical 0 .. 4 GiB
;   0xffffffff80000000 .. + 2 GiB (kernel)     -> physical 0 .. 2 GiB
;
; A 48-bit virtual address splits into four 9-bit table indexes and a page
; offset: PML4 [47:39], PDPT [38:30], PD [29:21], and with a 2 MiB page the
; offset is [20:0]. 0xffff888000000000 has PML4 index 273; 0xffffffff80000000
; has PML4 index 511 and PDPT index 510. The identity and direct-map ranges
; share one PDPT; all three share the four page directories.
build_page_tables:
	; the tables live in .boot.bss, which is not in the file: zero it
	mov	edi, boot_pml4
	mov	ecx, (boot_page_tables_end - boot_pml4) / 4
	xor	eax, eax
	rep stosd

	mov	eax, boot_pdpt_low + _PAGE_PRESENT + _PAGE_RW
	mov	[boot_pml4 + 0 * 8], eax
	mov	[boot_pml4 + 273 * 8], eax
	mov	eax, boot_pdpt_high + _PAGE_PRESENT + _PAGE_RW
	mov	[boot_pml4 + 511 * 8], eax

	; pdpt_low[0..3] -> pd0..pd3; pdpt_high[510..511] -> pd0..pd1
	mov	eax, boot_pd + _PAGE_PRESENT + _PAGE_RW
	mov	ecx, 0
.pdpt_loop:
	mov	[boot_pdpt_low + ecx * 8], eax
	add	eax, 4096
	inc	ecx
	cmp	ecx, 4
	jne	.pdpt_loop
	mov	eax, boot_pd + _PAGE_PRESENT + _PAGE_RW
	mov	[boot_pdpt_high + 510 * 8], eax
	add	eax, 4096
	mov	[boot_pdpt_high + 511 * 8], eax

	; 2048 PD entries, entry i maps physical i * 2 MiB
	mov	eax, _PAGE_PRESENT + _PAGE_RW + _PAGE_PSE
	mov	edi, boot_pd
	mov	ecx, 2048
.pd_loop:
	mov	[edi], eax
	mov	dword [edi + 4], 0
	add	eax, 0x200000
	add	edi, 8
	loop	.pd_loop
	ret

; enable_long_mode - PAE paging with our PML4, EFER.LME (and NXE when the
; CPU has NX), then CR0.PG: the CPU is now in IA-32e compatibility mode.
enable_long_mode:
	mov	eax, cr4
	or	eax, X86_CR4_PAE | X86_CR4_PGE
	mov	cr4, eax
	mov	eax, boot_pml4
	mov	cr3, eax

	mov	eax, 0x80000001
	cpuid
	mov	ebx, EFER_LME
	test	edx, CPUID_EXT_NX
	jz	.no_nx
	or	ebx, EFER_NX
.no_nx:
	mov	ecx, MSR_EFER
	rdmsr
	or	eax, ebx
	wrmsr

	mov	eax, cr0
	or	eax, X86_CR0_PG | X86_CR0_WP | X86_CR0_PE
	mov	cr0, eax
	ret

; serial_init32 - COM1 at 115200 baud, 8 data bits, no parity, 1 stop bit,
; so that a boot failure can be reported before any C code runs.
; (PC16550D UART data sheet: registers at base + 0..7.)
serial_init32:
	mov	dx, COM1 + 1		; IER: no interrupts
	xor	al, al
	out	dx, al
	mov	dx, COM1 + 3		; LCR: DLAB on to set the divisor
	mov	al, 0x80
	out	dx, al
	mov	dx, COM1 + 0		; divisor 1 = 115200 baud
	mov	al, 1
	out	dx, al
	mov	dx, COM1 + 1
	xor	al, al
	out	dx, al
	mov	dx, COM1 + 3		; LCR: 8N1, DLAB off
	mov	al, 0x03
	out	dx, al
	mov	dx, COM1 + 2		; FCR: enable and clear the FIFOs
	mov	al, 0xc7
	out	dx, al
	ret

; serial_puts32 - write the NUL-terminated string at ESI to COM1.
serial_puts32:
.next:
	lodsb
	test	al, al
	jz	.done
	mov	ah, al
	mov	dx, COM1 + 5		; LSR bit 5: transmit holding register empty
.wait:
	in	al, dx
	test	al, 0x20
	jz	.wait
	mov	dx, COM1
	mov	al, ah
	out	dx, al
	jmp	.next
.done:
	ret

; boot_fail - print "Pagoda boot failed: " and the message at ESI, ask
; QEMU to exit with a failure status (harmless on real hardware: nothing
; listens on port 0xf4), then halt for good.
boot_fail:
	push	esi
	mov	esi, msg_boot_failed
	call	serial_puts32
	pop	esi
	call	serial_puts32
	mov	dx, QEMU_EXIT_PORT
	mov	eax, QEMU_EXIT_PANIC
	out	dx, eax
.halt:
	cli
	hlt
	jmp	.halt

bits 64
; long_mode_low - first 64-bit instruction, still at the identity-mapped
; low address. Load the data segments, then jump to the higher half:
; an absolute 64-bit jump, since the target is more than 2 GiB away.
long_mode_low:
	mov	ax, __KERNEL_DS
	mov	ds, ax
	mov	es, ax
	mov	ss, ax
	xor	eax, eax
	mov	fs, ax
	mov	gs, ax
	mov	edi, [boot_mb2_magic]	; start_kernel(magic, info_pa)
	mov	esi, [boot_mb2_info]
	mov	rax, startup_64
	jmp	rax

section .boot.rodata
msg_boot_failed:
	db "Pagoda boot failed: ", 0
msg_no_multiboot:
	db "not started by a Multiboot2 boot loader (EAX is not 0x36d76289)", 13, 10, 0
msg_no_long_mode:
	db "this CPU has no 64-bit long mode; Pagoda needs an x86-64 CPU", 13, 10, 0

; The boot GDT: just enough for the jump to 64-bit mode. Its selectors
; match the kernel's final GDT (kernel/arch/x86_64/gdt.c), which replaces it.
align 8
boot_gdt:
	dq 0				; 0x00 null
	dq 0x00cf9a000000ffff		; 0x08 32-bit code (unused)
	dq 0x00af9a000000ffff		; 0x10 64-bit code: L=1, P=1, DPL 0
	dq 0x00cf92000000ffff		; 0x18 data: writable, P=1
boot_gdt_end:
boot_gdt_ptr:
	dw boot_gdt_end - boot_gdt - 1
	dd boot_gdt

section .boot.bss nobits alloc noexec write
alignb 4096
global boot_pml4
boot_pml4:	resb 4096
boot_pdpt_low:	resb 4096
boot_pdpt_high:	resb 4096
boot_pd:	resb 4 * 4096		; four page directories: 4 GiB
boot_page_tables_end:
boot_mb2_magic:	resd 1
boot_mb2_info:	resd 1
alignb 16
boot_stack:	resb 4096
boot_stack_top:
