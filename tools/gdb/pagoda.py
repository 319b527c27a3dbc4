"""tools/gdb/pagoda.py - GDB support for Pagoda: kernel and user in one GDB.

Loaded by build/gdbinit (tools/gdbinit.tmpl) after the kernel's symbols.
It adds:

  user-syms [PROG]  load build/user/PROG's symbols (the initramfs holds a
                    stripped copy); without PROG, say what is loaded.
                    On every execve the symbols of the new program are
                    loaded by themselves (a silent breakpoint on
                    arch_start_thread reads current->comm).
  tasks             every task of task_list: pid, parent, state, comm, mm
  vmas [PID]        a process's VMAs (mm->mmap, vm_next) as /proc/PID/maps
  pte [-p PID] VA   the 4-level page walk for VA, each entry decoded
  buddy (freepages) the buddy allocator's free blocks per order
  mchunks           the user heap's chunks, from mp_.sbrk_base to the top

  $current()        the task running now (current_task), as the kernel's
                    `current` macro: `p $current()->mm->brk`. A GDB macro
                    `current` is defined too, so `p current->mm->brk`
                    works as in the source.

and three things that make kernel and user debugging behave:

  - an unwinder that ends a backtrace at the first frame of a kernel
    stack (the entry code itself is described to GDB in DWARF by
    kernel/arch/x86_64/entry_cfi.asm: it reads the struct pt_regs, so `bt`
    in __do_sys_brk continues into sbrk, sysmalloc, malloc and main;
  - a frame filter that names the exception entry in a backtrace
    (isr_common, where GDB would print `<signal handler called>`: see
    EntryFrameFilter);
  - a condition on breakpoints at user addresses. QEMU checks breakpoints
    by address before it fetches the instruction, so a breakpoint on a
    user page that is not mapped yet (program text is read on first
    touch, see do_file_page) triggers once, the fetch then page-faults,
    and it triggers again when the instruction really runs; the same when
    the instruction's own memory access faults (a push to a new stack
    page). The condition $_pagoda_page_ready() makes GDB ignore one of
    the two.

Only one user program's symbols are loaded at a time, since all of them
are linked at 0x400000: those of the process that is running. They
follow it: at an execve, and at every stop in another process than the
last one (current_task->comm names the program). A breakpoint on a user
function is placed at its address in the program whose symbols are
loaded, and placed again in the new program when they change: set user
breakpoints while the process you mean is the one stopped in (or let
them wait, pending, for its execve). The commands below
read kernel data through the kernel's symbols, so they work whichever
process is running; `mchunks` reads the heap of the process whose page
tables are loaded (CR3).
"""

import os

import gdb
import gdb.unwinder
from gdb.FrameDecorator import FrameDecorator

PAGE_SIZE = 4096
PAGE_OFFSET = 0xFFFF888000000000  # the direct map of physical memory
USER_TOP = 0x0000800000000000  # user addresses are below this

# ---------------------------------------------------------------- reading the target


def u64(value):
    """A gdb.Value (pointer or integer) as a Python int."""
    return int(value.cast(gdb.lookup_type("unsigned long")))


def read_u64(addr):
    data = gdb.selected_inferior().read_memory(addr, 8)
    return int.from_bytes(bytes(data), "little")


def mapped(addr):
    """True when GDB can read the byte at virtual address @addr now."""
    try:
        gdb.selected_inferior().read_memory(addr, 1)
        return True
    except gdb.MemoryError:
        return False


def build_dir():
    """The build directory: where the kernel's ELF file was loaded from."""
    kernel = gdb.current_progspace().filename
    if kernel:
        return os.path.dirname(os.path.abspath(kernel))
    return os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), "build")


def kernel_var(name):
    """A kernel variable; a static one (e.g. page_alloc.c's zone) too."""
    sym = gdb.lookup_global_symbol(name) or gdb.lookup_static_symbol(name)
    if sym is None:
        raise gdb.GdbError(f"no kernel symbol {name}: is build/kernel.elf loaded?")
    return sym.value()


def container_of(ptr, type_name, member):
    """The struct @type_name holding the field @member at @ptr."""
    struct = gdb.lookup_type(type_name)
    offset = next(f.bitpos // 8 for f in struct.fields() if f.name == member)
    return gdb.Value(u64(ptr) - offset).cast(struct.pointer())


def list_entries(head, type_name, member):
    """The structs on the list_head list at @head (a gdb.Value struct)."""
    node = head["next"]
    end = u64(head.address)
    while u64(node) != end:
        yield container_of(node, type_name, member)
        node = node["next"]


def tasks():
    return list_entries(kernel_var("task_list"), "struct task_struct", "tasks")


def current_task():
    return kernel_var("current_task")


def find_task(pid):
    for task in tasks():
        if int(task["pid"]) == pid:
            return task
    raise gdb.GdbError(f"no task with pid {pid}")


def task_or_current(arg):
    arg = arg.strip()
    task = find_task(int(gdb.parse_and_eval(arg))) if arg else current_task()
    if u64(task) == 0:
        raise gdb.GdbError("no task is running yet")
    return task


def comm(task):
    return task["comm"].string()


class CurrentFunction(gdb.Function):
    """$current() - the task running now: current_task, what the kernel's
`current` macro (include/pagoda/sched.h) reads. `p $current()->mm->brk`,
`p $current()->pid`; also in breakpoint conditions. (`p current->mm->brk`
works too: pagoda.py defines `current` as a GDB macro.)"""

    def __init__(self):
        super().__init__("current")

    def invoke(self):
        return current_task()


# ---------------------------------------------------------------- user symbols


class UserSymbols:
    """Which user program's symbols are loaded (build/user/NAME)."""

    def __init__(self):
        self.path = None

    def load(self, name, quiet=False):
        path = os.path.join(build_dir(), "user", os.path.basename(name))
        if not os.path.isfile(path):
            if not quiet:
                raise gdb.GdbError(f"no {path}: `make` builds the user programs")
            return False
        if self.path == path:
            return True
        if self.path is not None:
            gdb.execute(f"remove-symbol-file {self.path}", to_string=True)
        # GDB reads the ELF's own section addresses (linked at 0x400000).
        gdb.execute(f"add-symbol-file {path}", to_string=True)
        self.path = path
        return True


user_symbols = UserSymbols()


class UserSymsCommand(gdb.Command):
    """Load the symbols of user program PROG (build/user/PROG) beside the kernel's.

Usage: user-syms [PROG]
Without PROG, print which program's symbols are loaded. An execve loads
the new program's symbols by itself (an internal breakpoint on
arch_start_thread: `maint info breakpoints` lists it)."""

    def __init__(self):
        super().__init__("user-syms", gdb.COMMAND_FILES, gdb.COMPLETE_FILENAME)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        if arg:
            user_symbols.load(arg)
        if user_symbols.path:
            gdb.write(f"user symbols: {os.path.relpath(user_symbols.path)}\n")
        else:
            gdb.write("user symbols: none loaded\n")


class ExecBreakpoint(gdb.Breakpoint):
    """On execve (arch_start_thread, after current->comm is set), load the
    new program's symbols. It never stops the machine."""

    def __init__(self):
        super().__init__("arch_start_thread", internal=True)
        self.silent = True

    def stop(self):
        task = current_task()
        name = comm(task)
        if user_symbols.load(name, quiet=True):
            gdb.write(f"[pagoda] execve: pid {int(task['pid'])} runs {name}; "
                      f"symbols from {os.path.relpath(user_symbols.path)}\n")
        return False


def follow_current_task(event):
    """At every stop, the user symbols of the process that is running:
    a backtrace's user frames, `break` and `print` of user names then mean
    that process's program, whichever process GDB stopped in."""
    try:
        task = current_task()
        if u64(task) == 0 or u64(task["mm"]) == 0:
            return  # before the first task, or a kernel thread
        name = comm(task)
    except (gdb.error, gdb.MemoryError, UnicodeDecodeError):
        return
    before = user_symbols.path
    if user_symbols.load(name, quiet=True) and user_symbols.path != before:
        gdb.write(f"[pagoda] pid {int(task['pid'])} ({name}) is running: "
                  f"symbols from {os.path.relpath(user_symbols.path)}\n")


def page_faults():
    """The kernel's count of page faults (vm_events[PGFAULT]), or None."""
    try:
        return int(gdb.parse_and_eval("vm_events[PGFAULT]"))
    except gdb.error:
        return None


class PageReady(gdb.Function):
    """$_pagoda_page_ready() - 1 unless this is a user breakpoint hit that
the instruction's own page fault makes QEMU report twice.

QEMU reports a breakpoint before the instruction runs. If the instruction
then faults (its code page is not mapped yet, or the stack page it
pushes to), the kernel maps the page and the instruction starts again:
the breakpoint triggers a second time. This returns 0 for the first of
those (the code page is not mapped) and for the repeat of a stop just
reported (same PC and stack pointer, one page fault since). Breakpoints at
user addresses get it as their condition (see the top of this file)."""

    def __init__(self):
        super().__init__("_pagoda_page_ready")
        self.last_stop = None  # (pc, rsp, page faults) of the last user stop
        gdb.events.stop.connect(self.stopped)

    def stopped(self, event):
        try:
            pc = u64(gdb.parse_and_eval("$pc"))
            rsp = u64(gdb.parse_and_eval("$rsp"))
        except gdb.error:
            return
        self.last_stop = (pc, rsp, page_faults()) if pc < USER_TOP else None

    def invoke(self):
        pc = u64(gdb.parse_and_eval("$pc"))
        if pc >= USER_TOP:
            return 1
        if not mapped(pc):
            return 0
        last, rsp, faults = self.last_stop, u64(gdb.parse_and_eval("$rsp")), page_faults()
        if last and last[0] == pc and last[1] == rsp and faults is not None and \
                last[2] is not None and faults == last[2] + 1:
            self.last_stop = None
            return 0
        return 1


READY = "$_pagoda_page_ready()"


def at_user_address(bp):
    for loc in getattr(bp, "locations", []):
        if loc.address is not None and loc.address < USER_TOP:
            return True
    return False


def guard_user_breakpoint(bp):
    """Prefix the condition of a user-space breakpoint with READY."""
    if bp.number <= 0 or not bp.is_valid() or not at_user_address(bp):
        return
    if bp.type not in (gdb.BP_BREAKPOINT, gdb.BP_HARDWARE_BREAKPOINT):
        return
    cond = bp.condition
    if cond is None:
        bp.condition = READY
    elif not cond.startswith(READY):
        bp.condition = f"{READY} && ({cond})"


# ---------------------------------------------------------------- unwinding


class FrameId:
    """What identifies a frame to GDB: its stack pointer and its function."""

    def __init__(self, sp, pc):
        ptr = gdb.lookup_type("void").pointer()
        self.sp = gdb.Value(sp).cast(ptr)
        self.pc = gdb.Value(pc).cast(ptr)


class OutermostUnwinder(gdb.unwinder.Unwinder):
    """End a backtrace at the first frame of a kernel stack.

startup_64's call of start_kernel and ret_from_fork's call of a kernel
thread's function have no caller: a zero return address ends the
backtrace there instead of in whatever lies above the stack. (Unwinding
through the entry code, from the kernel to the interrupted user or
kernel code, needs no Python: kernel/arch/x86_64/entry_cfi.asm describes
the saved struct pt_regs in DWARF for GDB.)"""

    def __init__(self):
        super().__init__("pagoda-outermost")
        self.outermost = None

    def ranges(self):
        if self.outermost is None:
            def addr(name):
                return u64(gdb.parse_and_eval(f"(unsigned long)&{name}"))
            self.outermost = [(addr("startup_64"), addr("startup_64") + 0x20),
                              (addr("ret_from_fork"), addr("ret_from_fork") + 0x14)]
        return self.outermost

    def __call__(self, pending_frame):
        try:
            pc = u64(pending_frame.read_register("rip"))
            ranges = self.ranges()
        except gdb.error:
            return None
        if not any(lo < pc < hi for lo, hi in ranges):
            return None
        sp = u64(pending_frame.read_register("rsp"))
        info = pending_frame.create_unwind_info(FrameId(sp, pc))
        info.add_saved_register("rip", gdb.Value(0).cast(pending_frame.read_register("rip").type))
        info.add_saved_register("rsp", gdb.Value(sp).cast(pending_frame.read_register("rsp").type))
        return info


class EntryFrameDecorator(FrameDecorator):
    """An exception entry frame under its own name (see EntryFrameFilter)."""

    def __init__(self, base, name):
        super().__init__(base)
        self.entry_name = name

    def function(self):
        return self.entry_name

    def frame_args(self):
        return []

    def sal(self):
        """The call instruction's line (the frame's pc is the return address)."""
        return gdb.find_pc_line(self.inferior_frame().pc() - 1)

    def filename(self):
        sal = self.sal()
        return sal.symtab.filename if sal.symtab else None

    def line(self):
        sal = self.sal()
        return sal.line if sal.symtab else None


class EntryFrameFilter:
    """Name the exception entry in `bt`.

kernel/arch/x86_64/entry_cfi.asm marks isr_common's frame as a signal
frame ("S"): the code below it was interrupted, so GDB looks up the
faulting instruction itself (not the one before it, as for a return
address). GDB prints every such frame as `<signal handler called>`; this
filter prints the entry's name instead, with its file and line, as for
entry_SYSCALL_64 (an ordinary frame: `syscall` is a call). Only `bt` uses
frame filters: `frame N` and `up` still say `<signal handler called>`.

With a frame filter enabled, GDB prints every frame of a `bt` through
Python, which words some frames differently (a frame without a function);
so the filter is enabled only for a stack that has an exception entry."""

    def __init__(self):
        self.name = "pagoda-entry"
        self.priority = 100
        self.user_enabled = True

    @property
    def enabled(self):
        if not self.user_enabled:
            return False
        try:
            frame = gdb.newest_frame()
            while frame is not None:
                if self.entry_name(frame):
                    return True
                frame = frame.older()
        except gdb.error:
            pass
        return False

    @enabled.setter
    def enabled(self, value):
        self.user_enabled = value  # `enable frame-filter`, `disable frame-filter`

    @staticmethod
    def entry_name(frame):
        """isr_common for the frame of an exception entry, else None."""
        if frame.type() != gdb.SIGTRAMP_FRAME or frame.pc() < USER_TOP:
            return None
        name = frame.name()
        # NASM names a local label global.local: isr_common.from_kernel.
        return name.split(".")[0] if name else None

    def decorate(self, decorator):
        name = self.entry_name(decorator.inferior_frame())
        return EntryFrameDecorator(decorator, name) if name else decorator

    def filter(self, frame_iter):
        return map(self.decorate, frame_iter)


# ---------------------------------------------------------------- tasks


STATES = {0x0: "R", 0x1: "S", 0x10: "X", 0x20: "Z"}


class TasksCommand(gdb.Command):
    """List every task (task_list): pid, parent pid, state, program, mm.

Usage: tasks
State letters as ps prints them: R running or runnable, S sleeping,
Z zombie, X being freed. `*` marks current_task."""

    def __init__(self):
        super().__init__("tasks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        cur = u64(current_task())
        gdb.write(f"  {'PID':>5} {'PPID':>5} S {'COMM':<16} MM\n")
        for task in tasks():
            parent = task["parent"]
            ppid = int(parent["pid"]) if u64(parent) else 0
            state = STATES.get(int(task["__state"]), "?")
            mark = "*" if u64(task) == cur else " "
            gdb.write(f"{mark} {int(task['pid']):>5} {ppid:>5} {state} {comm(task):<16} "
                      f"{u64(task['mm']):#x}\n")


# ---------------------------------------------------------------- vmas

VM_READ, VM_WRITE, VM_EXEC, VM_SHARED, VM_MAYSHARE, VM_GROWSDOWN = 1, 2, 4, 8, 0x80, 0x100


def vma_name(mm, vma):
    """As kernel/mm/task_mmu.c's vma_name() names it."""
    flags = int(vma["vm_flags"])
    if u64(vma["vm_file"]):
        inode = vma["vm_file"]["f_inode"]
        return inode["i_path"].string() if u64(inode) and u64(inode["i_path"]) else ""
    start, end = u64(vma["vm_start"]), u64(vma["vm_end"])
    brk, start_brk = u64(mm["brk"]), u64(mm["start_brk"])
    if start <= brk and end >= start_brk and brk > start_brk and not flags & VM_SHARED:
        return "[heap]"
    if flags & VM_GROWSDOWN:
        return "[stack]"
    return ""


class VmasCommand(gdb.Command):
    """List a process's VMAs as /proc/PID/maps shows them.

Usage: vmas [PID]
Walks mm->mmap and vm_next (kernel/mm/vma.c); PID defaults to the current
task. After the list: start_brk, brk and the number of VMAs (map_count)."""

    def __init__(self):
        super().__init__("vmas", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        task = task_or_current(arg)
        mm = task["mm"]
        if u64(mm) == 0:
            raise gdb.GdbError(f"pid {int(task['pid'])} ({comm(task)}) has no mm")
        vma, n = mm["mmap"], 0
        while u64(vma):
            flags = int(vma["vm_flags"])
            perms = ("r" if flags & VM_READ else "-") + ("w" if flags & VM_WRITE else "-") + \
                    ("x" if flags & VM_EXEC else "-") + ("s" if flags & VM_MAYSHARE else "p")
            pgoff = u64(vma["vm_pgoff"]) << 12 if u64(vma["vm_file"]) else 0
            line = f"{u64(vma['vm_start']):08x}-{u64(vma['vm_end']):08x} {perms} {pgoff:08x}"
            name = vma_name(mm, vma)
            gdb.write(f"{line}  {name}\n" if name else line + "\n")
            vma, n = vma["vm_next"], n + 1
        gdb.write(f"pid {int(task['pid'])} ({comm(task)}): {n} VMAs (map_count "
                  f"{int(mm['map_count'])}), start_brk {u64(mm['start_brk']):#x}, "
                  f"brk {u64(mm['brk']):#x}\n")


# ---------------------------------------------------------------- pte

# The bits of an x86-64 page-table entry (Intel SDM Vol. 3A, 4.5 "4-Level
# Paging", Tables 4-15 to 4-20; asm/pgtable.h has the same names).
PTE_BITS = ((0, "P"), (1, "W"), (2, "U"), (3, "PWT"), (4, "PCD"), (5, "A"), (6, "D"),
            (7, "PS"), (8, "G"), (63, "NX"))
PTE_ADDR = 0x000FFFFFFFFFF000
LEVELS = ((4, "PML4", 39), (3, "PDPT", 30), (2, "PD", 21), (1, "PT", 12))


def decode_pte(entry):
    return " ".join(name for bit, name in PTE_BITS if entry >> bit & 1) or "(none)"


class PteCommand(gdb.Command):
    """Walk the page tables for a virtual address and decode each entry.

Usage: pte [-p PID] VA
VA is any expression. From CR3 (or, with -p PID, that process's mm->pgd), through PML4, PDPT, PD
and PT: the index VA selects at each level (VA bits 47-39, 38-30, 29-21,
20-12), the entry, its flags (P present, W writable, U user, A accessed,
D dirty, PS large page, G global, NX no-execute) and where it points."""

    def __init__(self):
        super().__init__("pte", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        arg = arg.strip()
        pid = None
        if arg.startswith("-p"):
            parts = arg[2:].split(None, 1)
            if len(parts) != 2:
                raise gdb.GdbError("usage: pte [-p PID] VA")
            pid, arg = int(gdb.parse_and_eval(parts[0])), parts[1]
        if not arg:
            raise gdb.GdbError("usage: pte [-p PID] VA")
        va = u64(gdb.parse_and_eval(arg)) & 0xFFFFFFFFFFFFFFFF
        if pid is not None:
            task = find_task(pid)
            table = u64(task["mm"]["pgd"]) - PAGE_OFFSET
            source = f"mm->pgd of pid {pid} ({comm(task)})"
        else:
            table = u64(gdb.parse_and_eval("$cr3")) & PTE_ADDR
            source = "CR3"
        gdb.write(f"VA {va:#x}: PML4 {va >> 39 & 511}, PDPT {va >> 30 & 511}, "
                  f"PD {va >> 21 & 511}, PT {va >> 12 & 511}, offset {va & 0xfff:#x}\n")
        gdb.write(f"{source}: table at physical {table:#x}\n")
        for level, name, shift in LEVELS:
            index = va >> shift & 511
            slot = table + 8 * index
            entry = read_u64(PAGE_OFFSET + slot)
            gdb.write(f"  {name:<4}[{index:3}] @ {slot:#011x} = {entry:#018x}  "
                      f"{decode_pte(entry)}\n")
            if not entry & 1:
                gdb.write(f"not present at the {name} level: an access faults\n")
                return
            if level in (2, 3) and entry & 0x80:
                size = 1 << shift
                pa = (entry & PTE_ADDR & ~(size - 1)) + (va & (size - 1))
                gdb.write(f"=> a {size >> 20} MiB page: physical {pa:#x}\n")
                return
            table = entry & PTE_ADDR
        pa = table + (va & 0xFFF)
        gdb.write(f"=> physical {pa:#x} (frame {table >> 12:#x})\n")


# ---------------------------------------------------------------- buddy


class BuddyCommand(gdb.Command):
    """Show the buddy allocator's free lists (kernel/mm/page_alloc.c).

Usage: buddy [ORDER]
One line per order: block size, nr_free, and the first free blocks' frame
numbers (all of them for ORDER). The first line has /proc/buddyinfo's
format. A list whose length differs from nr_free is reported."""

    def __init__(self):
        super().__init__("buddy", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        zone = kernel_var("zone")
        mem_map = u64(kernel_var("mem_map"))
        page_size = gdb.lookup_type("struct page").sizeof
        areas = zone["free_area"]
        norders = areas.type.range()[1] + 1
        only = int(gdb.parse_and_eval(arg)) if arg.strip() else None
        counts = [int(areas[k]["nr_free"]) for k in range(norders)]
        gdb.write("Node 0, zone   Normal " + "".join(f"{c:7}" for c in counts) + "\n")
        gdb.write(f"{'order':>5} {'block':>8} {'nr_free':>8}  free blocks (first frame numbers)\n")
        for k in range(norders):
            if only is not None and k != only:
                continue
            pfns = [(u64(p) - mem_map) // page_size
                    for p in list_entries(areas[k]["free_list"], "struct page", "lru")]
            shown = pfns if only is not None else pfns[:4]
            more = " ..." if len(shown) < len(pfns) else ""
            size = PAGE_SIZE << k
            size_str = f"{size >> 20} MiB" if size >= 1 << 20 else f"{size >> 10} KiB"
            gdb.write(f"{k:>5} {size_str:>8} {counts[k]:>8}  "
                      + " ".join(f"{p:#x}" for p in shown) + more + "\n")
            if len(pfns) != counts[k]:
                gdb.write(f"      free_area[{k}] lists {len(pfns)} blocks but nr_free "
                          f"is {counts[k]}\n")
        gdb.write(f"free pages: {int(zone['free_pages'])} of {int(zone['managed_pages'])}\n")


# ---------------------------------------------------------------- mchunks

PREV_INUSE, IS_MMAPPED = 1, 2


def tcache_chunks():
    """The chunk addresses parked in the tcache (its next links are
    safe-linked: stored XOR (their own address >> 12), REVEAL_PTR)."""
    found = set()
    try:
        tcache = gdb.parse_and_eval("tcache")
    except gdb.error:
        return found
    entries = tcache["entries"]
    for i in range(entries.type.range()[1] + 1):
        e = u64(entries[i])
        for _ in range(int(tcache["counts"][i])):
            if not e:
                break
            found.add(e - 16)
            e = (e >> 12) ^ read_u64(e)
    return found


class MchunksCommand(gdb.Command):
    """Walk the user heap's chunks (libc/malloc) from mp_.sbrk_base to the top.

Usage: mchunks
One line per chunk: address, size, flag bits (P = PREV_INUSE), and what it
is: in use, free (in a bin), in the tcache (free, but still marked in
use), or the top. A chunk is free when the next chunk's P bit is clear.
Needs the user program's symbols (user-syms) and its page tables (stop
in that process, in user or kernel mode)."""

    def __init__(self):
        super().__init__("mchunks", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        try:
            arena = gdb.parse_and_eval("main_arena")
            mp = gdb.parse_and_eval("mp_")
        except gdb.error:
            raise gdb.GdbError("no main_arena: load the program's symbols (user-syms PROG)")
        base = u64(mp["sbrk_base"])
        top = u64(arena["top"])
        if base == 0:
            gdb.write("the heap is empty: sysmalloc has not grown it yet\n")
            return
        cached = tcache_chunks()
        gdb.write(f"heap from {base:#x}, top {top:#x}, system_mem {int(arena['system_mem'])}, "
                  f"mmapped chunks {int(mp['n_mmaps'])}\n")
        gdb.write(f"{'chunk':>18} {'size':>10} flags  state\n")
        p, count = base, 0
        while count < 4096:
            size_field = read_u64(p + 8)
            size = size_field & ~7
            flags = ("P" if size_field & PREV_INUSE else "-") + \
                    ("M" if size_field & IS_MMAPPED else "-")
            if p == top:
                gdb.write(f"{p:#18x} {size:#10x} {flags}     top\n")
                return
            if size < 16 or p + size > top:
                gdb.write(f"{p:#18x} {size:#10x} {flags}     not a chunk: the walk stops\n")
                return
            nxt = read_u64(p + size + 8)
            if size == 16:
                state = "fencepost (end of a heap region)"
            elif p in cached:
                state = "in the tcache"
            elif nxt & PREV_INUSE:
                state = "in use"
            else:
                state = "free"
            gdb.write(f"{p:#18x} {size:#10x} {flags}     {state}\n")
            p += size
            count += 1


# ---------------------------------------------------------------- set-up


def install():
    UserSymsCommand()
    TasksCommand()
    VmasCommand()
    PteCommand()
    BuddyCommand()
    gdb.execute("alias freepages = buddy")
    MchunksCommand()
    PageReady()
    CurrentFunction()
    gdb.execute("macro define current current_task")
    gdb.unwinder.register_unwinder(None, OutermostUnwinder(), replace=True)
    gdb.frame_filters["pagoda-entry"] = EntryFrameFilter()
    gdb.events.breakpoint_created.connect(guard_user_breakpoint)
    gdb.events.breakpoint_modified.connect(guard_user_breakpoint)
    # A breakpoint on a user function before its program has exec'd
    # waits, pending, for the symbols.
    gdb.execute("set breakpoint pending on")
    ExecBreakpoint()
    gdb.events.stop.connect(follow_current_task)


install()
