# L4: malloc(200 KiB) -> sysmalloc -> mmap -> a new VMA -> page faults;
# free -> munmap_chunk -> munmap.
# cmdline: init=/bin/malloc_demo
#
# Walk-through: docs/lectures/l4-mmap.md. Run it with
#     make lecture L=l4-mmap
# or: `make qemu-gdb CMDLINE=init=/bin/malloc_demo`, `make gdb`,
# `(gdb) source docs/lectures/l4-mmap.gdb`.

delete
echo \n==== 1. a request of 128 KiB or more: sysmalloc takes the mmap path\n
break sysmalloc if nb >= mp_.mmap_threshold
continue
printf "nb = %lu >= mp_.mmap_threshold = %lu\n", nb, mp_.mmap_threshold

echo \n==== 2. mmap -> entry_SYSCALL_64 -> __do_sys_mmap -> do_mmap -> mmap_region\n
delete
break __do_sys_mmap
break mmap_region
continue
printf "mmap(addr %#lx, len %#lx, prot %#lx, flags %#lx, fd %ld)\n", addr, len, prot, flags, (long)fd
bt 8
continue
printf "mmap_region(addr %#lx, len %#lx, vm_flags %#lx)\n", addr, len, vm_flags
echo -- before: the VMAs\n
vmas
finish
set $map = $
printf "the new mapping starts at %#lx\n", $map
vmas
pte $map

echo \n==== 3. the first write: sysmalloc_mmap sets the chunk's header\n
delete
break handle_mm_fault if addr >= $map && addr < $map + 0x1000
break do_anonymous_page
continue
bt
continue
delete
frame function handle_mm_fault
finish
pte $map

echo \n==== 4. free(q): __libc_free -> munmap_chunk -> munmap -> __do_sys_munmap\n
delete
break munmap_chunk
continue
bt 3
delete
break __do_sys_munmap
continue
printf "munmap(addr %#lx, len %#lx)\n", addr, len
finish
echo -- after: the mapping is gone\n
vmas

echo \n==== 5. malloc_trim(0): systrim -> sbrk(-n) -> brk, the "always allow shrinking" path\n
delete
break systrim
continue
bt 2
delete
break __do_sys_brk
continue
printf "brk(%#lx) with mm->brk = %#lx: a shrink\n", brk, current->mm->brk
delete
finish
printf "mm->brk is now %#lx\n", current->mm->brk
delete
detach
