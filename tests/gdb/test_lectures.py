"""Every lecture script in docs/lectures/ runs in batch mode and shows what
its walk-through says: the breakpoints are hit in the lecture's order and
the values it prints are the kernel's.

One boot per lecture (tools/run-lecture); each test checks one lecture's
output.
"""

import os
import re
import sys

import pytest

from pagoda_qemu import EXIT_SUCCESS, ROOT

sys.path.insert(0, os.path.join(ROOT, "tools"))
import importlib.machinery  # noqa: E402
import importlib.util  # noqa: E402

_loader = importlib.machinery.SourceFileLoader("run_lecture",
                                               os.path.join(ROOT, "tools", "run-lecture"))
_spec = importlib.util.spec_from_loader("run_lecture", _loader)
run_lecture_mod = importlib.util.module_from_spec(_spec)
_loader.exec_module(run_lecture_mod)

LECTURES = sorted(f[:-4] for f in os.listdir(os.path.join(ROOT, "docs", "lectures"))
                  if f.endswith(".gdb"))


def hits(out):
    """The functions of the breakpoints hit, in order."""
    return re.findall(r"^(?:Breakpoint|Temporary breakpoint) \d+(?:\.\d+)?, (?:0x[0-9a-f]+ in )?(\w+)",
                      out, re.M)


def assert_in_order(seq, expected):
    """@expected is a subsequence of @seq."""
    it = iter(seq)
    missing = [e for e in expected if e not in it]
    assert not missing, f"{expected} not in order in {seq}"


@pytest.fixture(scope="module")
def runs():
    return {}


def lecture(runs, name):
    if name not in runs:
        runs[name] = run_lecture_mod.run_lecture(name, timeout=90)
    run = runs[name]
    assert "Error in sourced command file" not in run.output or \
        "Remote connection closed" in run.output, run.output
    return run


def test_every_lecture_is_tested():
    tested = {name[len("test_"):].replace("_", "-") for name in globals()
              if name.startswith("test_l")}
    assert set(LECTURES) <= tested, set(LECTURES) - tested


def test_l3_malloc_brk(runs):
    run = lecture(runs, "l3-malloc-brk")
    out = run.output
    assert "Error in sourced" not in out, out
    assert_in_order(hits(out), [
        "__libc_malloc", "_int_malloc", "sysmalloc",          # user mode
        "sbrk", "__do_sys_brk", "do_brk_flags", "flush_icache_range",   # the system call
        "handle_mm_fault", "do_anonymous_page", "alloc_pages",          # the first touch
        "sbrk",                                                          # back in user mode
    ])
    assert "[pagoda] execve: pid 1 runs malloc_demo" in out
    assert "nb = 112, mp_.mmap_threshold = 131072" in out
    # One backtrace from the kernel down to main, through the named entry
    # (entry_cfi.asm); tests/gdb/test_frames.py checks every frame.
    bt = out[re.search(r"Breakpoint \d+, __do_sys_brk", out).start():]
    bt = bt[:bt.index("-- the heap before")]
    assert_in_order(re.findall(r"^#\d+ +(?:0x[0-9a-f]+ in )?<?(\w+)", bt, re.M),
                    ["__do_sys_brk", "__x64_sys_brk", "do_syscall_64", "entry_SYSCALL_64",
                     "__brk", "brk", "sbrk", "sysmalloc_sbrk", "sysmalloc", "__libc_malloc",
                     "demo_malloc", "main"])
    # The break before and after: one page.
    before = re.search(r"heap before.*\nrequested brk = (0x\w+)\n"
                       r"mm->start_brk = (0x\w+), mm->brk = (0x\w+)", out)
    after = re.search(r"heap after\nmm->start_brk = (0x\w+), mm->brk = (0x\w+)", out)
    assert before and after, out
    req, start, old = (int(x, 16) for x in before.groups())
    assert old == start and req == start + 4096
    assert int(after.group(1), 16) == start and int(after.group(2), 16) == req
    assert f"do_brk_flags(addr {start:#x}, len 0x1000)" in out
    assert f"flush_icache_range(start {start:#x}, end {req:#x})" in out
    assert re.search(rf"^{start:08x}-{req:08x} rw-p 00000000  \[heap\]$", out, re.M) or \
        re.search(rf"-{req:08x} rw-p 00000000  \[heap\]$", out, re.M), out
    # The page fault's backtrace goes on past the exception entry, through
    # the faulting user function, down to main (entry_cfi.asm).
    bt = out[re.search(r"Breakpoint \d+, handle_mm_fault", out).start():]
    bt = bt[:bt.index("CR2 =")]
    assert_in_order(re.findall(r"^#\d+ +(?:0x[0-9a-f]+ in )?<?(\w+)", bt, re.M),
                    ["handle_mm_fault", "exc_page_fault", "isr_common", "new_top_region",
                     "sysmalloc", "__libc_malloc", "demo_malloc", "main"])
    # Before the fault no PTE; after it a present, writable user page.
    assert "not present at the PT level: an access faults" in out
    assert re.search(r"CR2 = 0x\w+, error code 6 ", out)
    pfn = int(re.search(r"^pfn = (0x\w+)$", out, re.M).group(1), 16)
    assert re.search(rf"PT  \[ *\d+\] @ \S+ = 0x\w+  P W U .*\n=> physical {pfn << 12:#x} ", out)
    # sbrk returned the old break; malloc's chunk of 112 bytes and the top.
    assert f"Value returned is $2 = (void *) {start:#x}" in out
    assert re.search(rf"^ +{start:#x} +0x70 P- +in use$", out, re.M), out
    assert re.search(rf"^ +{start + 0x70:#x} +0xf90 P- +top$", out, re.M), out
    assert run.status == EXIT_SUCCESS, run.serial


def test_l1_boot(runs):
    run = lecture(runs, "l1-boot")
    out = run.output
    assert "Error in sourced" not in out, out
    assert_in_order(hits(out), ["mb2_header_end", "long_mode_low", "startup_64", "start_kernel",
                                "print_memory_map"])
    # GRUB's hand-over: the magic, protected mode without paging.
    assert "EAX = 0x36d76289" in out
    assert "CR0 = 0x11: PE=1 PG=0" in out or re.search(r"CR0 = 0x\w+: PE=1 PG=0", out)
    assert "EFER = 0: LME=0 LMA=0" in out
    # In long_mode_low: paging on, long mode active, running at a low address.
    assert re.search(r"CR0 = 0x8\w+: PE=1 PG=1", out)
    assert re.search(r"EFER = 0x\w+: LME=1 LMA=1", out)
    m = re.search(r"RIP = (0x\w+), CS = 0x10", out)
    assert m and int(m.group(1), 16) < 0x200000
    # The boot page tables map the higher half with a 2 MiB page.
    assert re.search(r"VA 0xffffffff8\w+: PML4 511, PDPT 510", out)
    assert "=> a 2 MiB page" in out
    assert "magic = 0x36d76289" in out
    # The backtrace ends at startup_64.
    assert re.search(r"^#1 .* in startup_64 \(\) .*\n#2  0x0000000000000000 in \?\? \(\)\n(?!#3)",
                     out, re.M), out
    assert re.search(r'boot_info: \d+ memory ranges, command line "poweroff"', out)
    assert run.status == EXIT_SUCCESS


def test_l4_mmap(runs):
    run = lecture(runs, "l4-mmap")
    out = run.output
    assert "Error in sourced" not in out, out
    assert_in_order(hits(out), ["sysmalloc", "__do_sys_mmap", "mmap_region", "handle_mm_fault",
                                "do_anonymous_page", "munmap_chunk", "__do_sys_munmap"])
    assert "nb = 204816 >= mp_.mmap_threshold = 131072" in out
    assert "mmap(addr 0, len 0x33000, prot 0x3, flags 0x22, fd -1)" in out
    start = int(re.search(r"the new mapping starts at (0x\w+)", out).group(1), 16)
    end = start + 0x33000
    line = f"{start:08x}-{end:08x} rw-p 00000000"
    before, rest = out.split("the new mapping starts at", 1)
    assert line not in before.split("-- before: the VMAs")[1]
    during, after = rest.split("-- after: the mapping is gone")
    assert re.search(rf"^{line}$", during, re.M), during
    assert line not in after
    assert "munmap(addr %#x, len 0x33000)" % start in out
    # malloc_trim: systrim shrinks the break through __do_sys_brk.
    assert_in_order(hits(out), ["__do_sys_munmap", "systrim", "__do_sys_brk"])
    m = re.search(r"brk\((0x\w+)\) with mm->brk = (0x\w+): a shrink", out)
    assert m and int(m.group(1), 16) < int(m.group(2), 16), out
    assert re.search(r"mm->brk is now %s$" % m.group(1), out, re.M), out
    # Before the first touch no PTE; after it a frame, writable.
    assert re.search(rf"VA {start:#x}: (.*\n)+?not present", during)
    assert re.search(r"PT  \[ *\d+\] @ \S+ = 0x8\w+  P W U D NX\n=> physical", during), during
    assert run.status == EXIT_SUCCESS, run.serial


def test_l5_fork_cow(runs):
    run = lecture(runs, "l5-fork-cow")
    out = run.output
    assert "Error in sourced" not in out, out
    assert_in_order(hits(out), ["__do_sys_fork", "dup_mm", "copy_page_range", "wake_up_process",
                                "do_wp_page"])
    assert re.search(r"^#5 +fork \(\) at libc/src/process/fork.c", out, re.M), out
    assert re.search(r"^\*\s+1\s+0 R init\s+\S+\n\s+2\s+1 R init\s+\S+$", out, re.M), out
    ptes = re.findall(r"PT  \[510\] @ \S+ = (0x\w+)  ([A-Z ]+)\n=> physical (0x\w+)", out)
    # before fork: writable; after: read-only in both, one frame; after the
    # write fault: the writer has a new writable frame, the other the old one.
    assert len(ptes) == 5, ptes
    before, parent, child, copied, other = ptes
    assert " W " in before[1] + " "
    assert " W " not in parent[1] + " " and " W " not in child[1] + " "
    assert parent[2] == child[2] == before[2]
    assert "_refcount = 2: shared, so it is copied" in out
    assert copied[1].startswith("P W U") and copied[2] != before[2]
    assert other[2] == before[2] and " W " not in other[1] + " "


def buddy_counts(text):
    """The free-block counts per order from each `buddy` in @text."""
    return [[int(c) for c in m.split()] for m in
            re.findall(r"^Node 0, zone   Normal((?: +\d+){11})$", text, re.M)]


def test_l2_buddy(runs):
    run = lecture(runs, "l2-buddy")
    out = run.output
    assert "Error in sourced" not in out, out
    assert_in_order(hits(out), ["alloc_pages", "__free_pages"])
    split, merge = out.split("==== 2.")
    # The split: order 0 was empty; the smallest non-empty order k lost a
    # block and each order below k gained one, minus the frame handed out.
    before, after = buddy_counts(split)
    k = next(o for o, c in enumerate(before) if c)
    assert before[0] == 0 and k > 0
    assert after[k] == before[k] - 1
    assert all(after[o] == before[o] + 1 for o in range(k))
    assert after[k + 1:] == before[k + 1:]
    frame = int(re.search(r"alloc_pages returned frame (0x\w+)", split).group(1), 16)
    assert frame % (1 << k) == 0
    # The coalesce: an order-n free whose buddy was free: the buddy left
    # free_area[n] and no block of order n was added.
    m = re.search(r"__free_pages\(frame (0x\w+), order (\d+)\): its buddy is frame (0x\w+)", merge)
    pfn, n, buddy = int(m.group(1), 16), int(m.group(2)), int(m.group(3), 16)
    assert buddy == pfn ^ (1 << n)
    before, after = buddy_counts(merge)
    assert after[n] == before[n] - 1
    assert sum(c << o for o, c in enumerate(after)) == sum(c << o for o, c in enumerate(before)) \
        + (1 << n)
    assert run.status == EXIT_SUCCESS


def transcript_lines(markdown):
    """The GDB output a lecture's Markdown quotes: the lines of its indented
    blocks that hold `(gdb)` commands, but for the commands themselves and
    the lines that are only "...". A "..." inside a line stands for
    anything."""
    lines, block = [], []
    for line in markdown.splitlines() + [""]:
        if line.startswith("    "):
            block.append(line[4:])
            continue
        if line.strip() == "" and block:
            block.append("")
            continue
        if any(b.startswith("(gdb)") for b in block):
            command, prev = False, ""  # in a command, or in its continuation lines
            for b in block:
                if b.startswith("(gdb)"):
                    command = True
                elif command and not prev.rstrip().endswith("\\"):
                    command = False
                if not command and b.strip() and b.strip() != "...":
                    lines.append(b)
                prev = b
        block = []
    return lines


def quoted_at(line, output_lines, start):
    """The index of the first of @output_lines from @start that @line (with
    "..." as a wildcard) is, or is part of; None if there is none."""
    parts = [" ".join(p.split()) for p in line.split("...")]
    for i in range(start, len(output_lines)):
        pos = 0
        for p in parts:
            pos = output_lines[i].find(p, pos)
            if pos < 0:
                break
            pos += len(p)
        else:
            return i
    return None


@pytest.mark.parametrize("name", LECTURES)
def test_markdown_quotes_what_the_script_prints(runs, name):
    """The walk-through's quoted GDB output and every address in its text
    are what the script prints now: the Markdown cannot go stale."""
    run = lecture(runs, name)
    with open(os.path.join(ROOT, "docs", "lectures", name + ".md")) as f:
        markdown = f.read()
    output_lines = [" ".join(line.split()) for line in run.output.splitlines()]
    quoted = transcript_lines(markdown)
    if name == "l3-malloc-brk":
        assert len(quoted) > 40, quoted     # L3 quotes every step's output
    # In order: each quoted line after the one before it.
    stale, at = [], 0
    for line in quoted:
        i = quoted_at(line, output_lines, at)
        if i is None:
            stale.append(line)
        else:
            at = i + 1
    assert not stale, "quoted in the Markdown but not printed there:\n" + "\n".join(stale)
    text = "\n".join(line for line in markdown.splitlines()
                     if not line.strip().startswith("(gdb)"))  # not the commands
    addresses = set(re.findall(r"\b0x[0-9a-f]{5,}\b", text))
    missing = sorted(a for a in addresses if a[2:] not in run.output)  # or as in maps
    assert not missing, f"addresses in the Markdown that the script does not print: {missing}"
