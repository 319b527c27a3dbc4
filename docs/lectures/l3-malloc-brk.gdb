# L3: malloc(100) -> brk -> the first-touch page fault, in one GDB run.
# cmdline: init=/bin/malloc_demo
#
# Walk-through: docs/lectures/l3-malloc-brk.md. Run it with
#     make lecture L=l3-malloc-brk
# or by hand: `make qemu-gdb CMDLINE=init=/bin/malloc_demo`, then in a
# second terminal `make gdb` and `(gdb) source docs/lectures/l3-malloc-brk.gdb`.
# It starts where `make gdb` leaves QEMU: halted before the BIOS.

delete
echo \n==== 1. malloc(100) in user mode: main -> malloc -> _int_malloc -> sysmalloc\n
# Pending until init execs /bin/malloc_demo; then tools/gdb/pagoda.py loads
# build/user/malloc_demo's symbols and the breakpoint resolves.
break __libc_malloc if bytes == 100
continue
bt
# One breakpoint at a time: each is deleted once it has been hit.
delete
break _int_malloc
continue
delete
break sysmalloc
continue
echo \n-- sysmalloc: the request (chunk size nb) and the mmap threshold\n
printf "nb = %lu, mp_.mmap_threshold = %lu\n", nb, mp_.mmap_threshold
printf "top chunk size = %lu (0: there is no heap yet)\n", main_arena.top->mchunk_size & ~7
mchunks

echo \n==== 2. sbrk -> brk -> syscall -> entry_SYSCALL_64 -> __do_sys_brk\n
delete
break sbrk
continue
delete
break __do_sys_brk
continue
bt
echo \n-- the heap before: start_brk and brk of current->mm\n
printf "requested brk = %#lx\n", brk
printf "mm->start_brk = %#lx, mm->brk = %#lx\n", current->mm->start_brk, current->mm->brk
echo \n-- the range check passes (start_brk <= brk <= the RLIMIT_DATA limit), so the\n
echo -- heap VMA grows (do_brk_flags) and flush_icache_range(old, new) is called\n
break do_brk_flags
break flush_icache_range
continue
printf "do_brk_flags(addr %#lx, len %#lx)\n", addr, len
continue
printf "flush_icache_range(start %#lx, end %#lx)\n", start, end
finish
printf "mmap_lock.count = %ld (a writer holds it: pid %d)\n", current->mm->mmap_lock.count, current->mm->mmap_lock.owner->pid
finish
echo \n-- the heap after\n
printf "mm->start_brk = %#lx, mm->brk = %#lx\n", current->mm->start_brk, current->mm->brk
printf "mmap_lock.count = %ld (free again)\n", current->mm->mmap_lock.count
vmas
echo \n-- no frame yet: the new page is not in the page tables\n
pte current_task->mm->start_brk

echo \n==== 3. back to user mode: brk returns to sbrk, sbrk to sysmalloc\n
delete
frame function sbrk
finish
echo \n==== 4. the first write to the new page faults\n
break handle_mm_fault if addr >= current_task->mm->start_brk && addr < current_task->mm->brk
continue
printf "mmap_lock.count = %ld (one reader: this fault)\n", mm->mmap_lock.count
bt
frame function exc_page_fault
printf "CR2 = %#lx, error code %lu (P=0: not present, W=1: a write, U=1: from user mode)\n", address, error_code
echo the faulting user instruction:\n
x/i regs->rip
frame 0
break do_anonymous_page
break alloc_pages
continue
continue
finish
echo \n-- the frame the buddy allocator gave\n
printf "pfn = %#lx\n", $ - mem_map
delete
frame function handle_mm_fault
finish
pte current_task->mm->start_brk

echo \n==== 5. back in user mode: malloc returned; demo_malloc reads the break again\n
delete
break sbrk
continue
bt
mchunks
# Let the program run to its end (QEMU powers off when init exits).
delete
detach
