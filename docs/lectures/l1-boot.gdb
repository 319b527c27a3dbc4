# L1: from GRUB to start_kernel: _start32 -> long mode -> startup_64 -> start_kernel.
# cmdline: poweroff
#
# Walk-through: docs/lectures/l1-boot.md. Run it with
#     make lecture L=l1-boot
# or by hand: `make qemu-gdb CMDLINE=poweroff`, `make gdb`, then
# `(gdb) source docs/lectures/l1-boot.gdb`.

delete
echo \n==== 1. GRUB jumps to _start32: 32-bit protected mode, paging off\n
# Hardware breakpoints: before paging, the code runs at its physical address.
hbreak *&_start32
continue
printf "EAX = %#x (the Multiboot2 magic 0x36d76289)\n", $eax
printf "EBX = %#x (physical address of the boot information)\n", $ebx
printf "CR0 = %#x: PE=%d PG=%d\n", $cr0, $cr0 & 1, ($cr0 >> 31) & 1
printf "EFER = %#x: LME=%d LMA=%d\n", $efer, ($efer >> 8) & 1, ($efer >> 10) & 1

echo \n==== 2. long_mode_low: the first 64-bit instruction, still at a low address\n
hbreak *&long_mode_low
continue
printf "CR0 = %#x: PE=%d PG=%d\n", $cr0, $cr0 & 1, ($cr0 >> 31) & 1
printf "CR4.PAE=%d\n", ($cr4 >> 5) & 1
printf "EFER = %#x: LME=%d LMA=%d NXE=%d\n", $efer, ($efer >> 8) & 1, ($efer >> 10) & 1, ($efer >> 11) & 1
printf "CR3 = %#x (boot_pml4)\n", $cr3
printf "RIP = %#lx, CS = %#x\n", $rip, $cs
echo -- the boot page tables map the kernel's higher-half address:\n
pte startup_64

echo \n==== 3. startup_64 in the higher half, then start_kernel\n
hbreak startup_64
continue
printf "RIP = %#lx\n", $rip
break start_kernel
continue
bt
printf "magic = %#x, info_pa = %#lx\n", magic, info_pa

echo \n==== 4. start_kernel: boot_info holds what read_boot_info parsed from GRUB's boot information\n
break print_memory_map
continue
printf "boot_info: %u memory ranges, command line \"%s\"\n", boot_info.nr_mem_ranges, boot_info.cmdline
delete
detach
