# L5: fork and copy-on-write: dup_mm -> copy_page_range shares every page
# read-only; the first write to one of them faults into do_wp_page, which
# copies it.
# cmdline: loglevel=4
#
# /init forks; the child execs /bin/sh. Walk-through:
# docs/lectures/l5-fork-cow.md. Run it with `make lecture L=l5-fork-cow`,
# or: `make qemu-gdb`, `make gdb`, `(gdb) source docs/lectures/l5-fork-cow.gdb`.

delete
echo \n==== 1. fork -> __do_sys_fork -> kernel_clone -> copy_process -> dup_mm\n
break __do_sys_fork
break dup_mm
continue
bt 7
tasks
continue
echo \n==== 2. copy_page_range: each present page is mapped in both, read-only\n
break copy_page_range if (vma->vm_flags & 0x100) != 0
continue
printf "the stack VMA %#lx-%#lx\n", vma->vm_start, vma->vm_end
set $page = current_task->mm->start_stack & ~0xfff
echo -- the parent's PTE for the page that holds argc, before:\n
pte $page
# finish returns to dup_vma, which holds both page tables' locks around
# copy_page_range; dup_mmap holds both mms' mmap_lock around the loop.
finish
printf "mmap_lock.count: parent %ld, child %ld (-1: held for writing)\n", vma->vm_mm->mmap_lock.count, mm->mmap_lock.count
printf "page_table_lock.locked: parent %d, child %d\n", vma->vm_mm->page_table_lock.locked, mm->page_table_lock.locked
delete
break wake_up_process
continue
set $parent = current_task->pid
set $child = task->pid
tasks
echo -- after: read-only (no W) in the parent, and the same frame in the child\n
pte $page
pte -p $child $page
echo \n==== 3. the first write to a shared page faults: do_wp_page copies it\n
delete
break do_wp_page
continue
# Usually the parent writes first; if a timer tick ended its time slice
# during fork, the child runs first and is the writer.
set $addr = addr
set $other = current_task->pid == $parent ? $child : $parent
printf "pid %d (%s) writes to %#lx\n", current_task->pid, current_task->comm, $addr
set $old_pfn = (*pte & 0xffffffffff000) >> 12
printf "frame %#lx, _refcount = %d: shared, so it is copied\n", $old_pfn, mem_map[$old_pfn]._refcount
# `up` selects handle_mm_fault's frame (frame 1), and finish runs until it
# returns to exc_page_fault: the whole fault.
up
finish
printf "pid %d after the copy:\n", current_task->pid
pte $addr
echo -- the other process still maps the old frame (read-only until it writes too)\n
pte -p $other $addr
delete
kill
