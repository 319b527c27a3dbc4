# L2: the page-frame allocator: a split and a coalesce, seen with `buddy`.
# cmdline: init=/bin/brk_demo
#
# Walk-through: docs/lectures/l2-buddy.md. Run it with
#     make lecture L=l2-buddy
# or: `make qemu-gdb CMDLINE=init=/bin/brk_demo`, `make gdb`,
# `(gdb) source docs/lectures/l2-buddy.gdb`.

delete
echo \n==== 1. a split: an order-0 request when free_area[0] is empty\n
# In the first user process (pid 1): its page faults need single frames.
break alloc_pages if order == 0 && zone.free_area[0].nr_free == 0 && current_task->pid == 1
continue
bt 4
echo -- before:\n
buddy
# No breakpoint may interrupt `finish` (QEMU can report one twice).
delete
finish
set $split = (unsigned long)($ - mem_map)
printf "alloc_pages returned frame %#lx\n", $split
echo -- after: one block of a higher order became the frame plus one free block of each order below\n
buddy

echo \n==== 2. a coalesce: a free whose buddy is free and of the same order\n
delete
break __free_pages if current_task->pid == 1 && page->_refcount == 1 && (mem_map[(page - mem_map) ^ (1UL << order)].flags & 1) && mem_map[(page - mem_map) ^ (1UL << order)].private == order
continue
set $pfn = (unsigned long)(page - mem_map)
set $order = order
printf "__free_pages(frame %#lx, order %u): its buddy is frame %#lx, free\n", $pfn, $order, $pfn ^ (1UL << $order)
bt 4
echo -- before:\n
buddy
delete
finish
echo -- after: the two buddies merged (and maybe further up)\n
buddy
delete
detach
