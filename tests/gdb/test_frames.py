"""What GDB shows on the lecture path: backtraces named as Linux's, breakpoints
placed in the function's own file and line, and `next` stepping through a
system call line by line with its variables visible (the kernel at -Og).

One boot of /bin/malloc_demo serves every check: malloc(100) grows the heap
(brk), its first write faults, malloc(200 KiB) maps (mmap).
"""

import os
import re
import subprocess

import pytest

from pagoda_gdb import run_gdb
from pagoda_qemu import ROOT

STEPS = 30  # more `next`s than __do_sys_brk has lines

SCRIPT = f"""
delete
break __do_sys_brk if brk != 0
break handle_mm_fault if addr >= current->mm->start_brk && addr < current->mm->brk
continue
echo \\n==== brk bt\\n
bt
echo \\n==== brk current\\n
printf "current: %#lx %#lx\\n", current->mm->brk, $current()->mm->brk
echo \\n==== brk next\\n
python
import gdb
for _ in range({STEPS}):
    frame = gdb.selected_frame()
    if frame.name() != "__do_sys_brk":
        break
    gdb.write("STEP %d\\n" % frame.find_sal().line)
    gdb.execute("info locals")
    gdb.execute("next")
end
echo \\n==== fault bt\\n
continue
bt
delete
break __do_sys_mmap if len >= 200 * 1024
continue
echo \\n==== mmap bt\\n
bt
delete
detach
"""


def function_lines(path, definition):
    """The first and last line of the function whose definition line in
    @path (relative to the tree) matches the regex @definition."""
    with open(os.path.join(ROOT, path)) as f:
        lines = f.read().splitlines()
    first = next(i for i, line in enumerate(lines, 1) if re.match(definition, line))
    last = next(i for i, line in enumerate(lines, 1) if i > first and line == "}")
    return first, last


def section(out, title):
    return out.split(f"==== {title}\n", 1)[1].split("\n==== ", 1)[0]


def frame_names(bt):
    return re.findall(r"^#\d+ +(?:0x[0-9a-f]+ in )?([\w.]+|<[^>]+>)", bt, re.M)


@pytest.fixture(scope="module")
def run():
    return run_gdb(SCRIPT, cmdline="init=/bin/malloc_demo", timeout=120)


def breakpoint_place(out, number):
    m = re.search(rf"^Breakpoint {number} at 0x\w+: file (\S+), line (\d+)\.$", out, re.M)
    assert m, out
    return m.group(1), int(m.group(2))


def test_breakpoints_are_placed_in_the_function_itself(run):
    """Not in an inlined helper's header (get_current() in sched.h)."""
    first, last = function_lines("kernel/mm/mmap.c", r"SYSCALL_DEFINE1\(brk,")
    path, line = breakpoint_place(run.output, 2)
    assert path == "kernel/mm/mmap.c" and first <= line <= first + 2, (path, line)
    first, last = function_lines("kernel/mm/memory.c", r"handle_mm_fault\(")
    path, line = breakpoint_place(run.output, 3)
    assert path == "kernel/mm/memory.c" and first <= line <= first + 2, (path, line)


def test_brk_backtrace_reads_as_linux(run):
    names = frame_names(section(run.output, "brk bt"))
    assert names[:4] == ["__do_sys_brk", "__x64_sys_brk", "do_syscall_64", "entry_SYSCALL_64"], names
    # Then the user's frames: the libc wrapper that made the system call,
    # down to main.
    user = names[4:]
    assert user[:4] == ["__syscall1", "__brk", "brk", "sbrk"], names
    assert user[4:6] == ["sysmalloc_sbrk", "sysmalloc"], names
    assert user[-3:] == ["__libc_malloc", "demo_malloc", "main"], names


def test_mmap_backtrace_reads_as_linux(run):
    names = frame_names(section(run.output, "mmap bt"))
    assert names[:4] == ["__do_sys_mmap", "__x64_sys_mmap", "do_syscall_64",
                         "entry_SYSCALL_64"], names
    user = names[4:]
    assert user[:3] == ["__syscall6", "mmap", "sysmalloc_mmap"], names
    assert user[-2:] == ["demo_malloc", "main"], names


def test_page_fault_backtrace_names_the_entry(run):
    bt = section(run.output, "fault bt")
    names = frame_names(bt)
    assert names[:5] == ["handle_mm_fault", "exc_page_fault", "do_exception",
                         "x86_handle_interrupt", "isr_common"], names
    assert "<signal handler called>" not in bt
    # The frame below the entry is the faulting user instruction, at its own
    # line: new_top_region writes the new top chunk's size.
    assert names[5] == "new_top_region" and names[-1] == "main", names


def test_current_is_usable_in_gdb(run):
    m = re.search(r"^current: (0x\w+) (0x\w+)$", run.output, re.M)
    assert m and m.group(1) == m.group(2) and int(m.group(1), 16) > 0x400000, run.output


def test_next_steps_through_brk_in_order(run):
    """Every `next` lands on a later line of __do_sys_brk, from its first
    line to its last `return`, and the variables have values."""
    first, last = function_lines("kernel/mm/mmap.c", r"SYSCALL_DEFINE1\(brk,")
    steps = re.findall(r"^STEP (\d+)\n((?:\w+ = .*\n)*)", section(run.output, "brk next"), re.M)
    lines = [int(line) for line, _ in steps]
    assert len(lines) >= 8, run.output
    assert all(a < b for a, b in zip(lines, lines[1:])), lines
    assert first <= lines[0] <= first + 2 and lines[-1] < last, (first, last, lines)
    with open(os.path.join(ROOT, "kernel/mm/mmap.c")) as f:
        source = f.read().splitlines()
    # The growth path: through the icache hook, to the function's last return.
    assert any(re.search(r"\bflush_icache_range\(", source[n - 1]) for n in lines), lines
    returns = [n for n in range(first, last + 1) if re.match(r"\s*return\b", source[n - 1])]
    assert lines[-1] == returns[-1], (lines, returns)
    # Once assigned, mm, oldbrk and newbrk keep their values to the end.
    for name in ("mm", "oldbrk", "newbrk"):
        known = [dict(re.findall(r"^(\w+) = (.*)$", local, re.M)).get(name, "<optimized out>")
                 != "<optimized out>" for _, local in steps]
        assert True in known, (name, steps)
        assert all(known[known.index(True):]), (name, steps)


def lecture_breakpoints():
    """The kernel functions the lecture scripts break on by name."""
    names = set()
    for f in os.listdir(os.path.join(ROOT, "docs", "lectures")):
        if f.endswith(".gdb"):
            with open(os.path.join(ROOT, "docs", "lectures", f)) as script:
                names |= set(re.findall(r"^\s*(?:t|h)?break (\w+)", script.read(), re.M))
    return names


def test_every_system_call_and_lecture_breakpoint_is_placed_in_its_own_file():
    """`break F` on the kernel's ELF alone (no QEMU) for every __do_sys_*
    and every kernel function a lecture breaks on: GDB must name F's own
    .c file, never the header of an inline helper that F's first line
    calls (as `current` and count_vm_event once made it)."""
    kernel = os.path.join(ROOT, "build", "kernel.elf")
    nm = subprocess.run(["nm", kernel], capture_output=True, text=True, check=True).stdout
    text = set(re.findall(r"^[0-9a-f]+ [Tt] (\w+)$", nm, re.M))
    names = sorted(n for n in text if n.startswith("__do_sys_")) + \
        sorted(lecture_breakpoints() & text)
    assert len(names) > 80 and "__do_sys_brk" in names and "flush_icache_range" in names
    breaks = [arg for n in names for arg in ("-ex", f"break {n}")]
    out = subprocess.run(["gdb", "-q", "-batch", "-nx", *breaks, kernel],
                         capture_output=True, text=True, timeout=120).stdout
    places = re.findall(r"^Breakpoint (\d+) at 0x\w+: file (\S+), line \d+\.$", out, re.M)
    assert len(places) == len(names), out
    wrong = [f"{names[int(n) - 1]}: {path}" for n, path in places if not path.endswith((".c", ".asm"))]
    assert not wrong, wrong
