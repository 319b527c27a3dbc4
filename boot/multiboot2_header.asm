; boot/multiboot2_header.asm - the header that tells GRUB this is a Multiboot2 kernel.
;
; GRUB scans the first 32 KiB of the image for this header (Multiboot2
; spec, section 3.1 "OS image format"), loads the ELF segments, and jumps
; to the ELF entry point, _start32 in boot/boot32.asm, in 32-bit protected
; mode with paging off, EAX = 0x36d76289 and EBX = the physical address of
; the boot information (Multiboot2 spec, section 3.3 "I386 machine state").
;
; We ask for no tags: without a framebuffer tag GRUB leaves the VGA in
; 80x25 text mode, which kernel/arch/x86_64/vga.c writes to, and the
; memory map, command line, modules and ELF sections are always given.

MB2_MAGIC	equ 0xe85250d6
MB2_ARCH_I386	equ 0		; 32-bit protected mode entry

section .multiboot2
align 8
mb2_header:
	dd MB2_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	; magic + architecture + length + checksum must be 0 (mod 2^32)
	dd 0x100000000 - (MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))

	; end tag: type 0, flags 0, size 8
	align 8
	dw 0
	dw 0
	dd 8
mb2_header_end:
