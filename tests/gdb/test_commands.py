"""The GDB commands of tools/gdb/pagoda.py, checked against the kernel.

One boot of /bin/malloc_demo as init, stopped in demo_free("q", q): by then
p = malloc(100) is a 112-byte chunk on a one-page heap and q =
malloc(200 KiB) is a mapping of its own. The commands' output is checked
against what the kernel itself reports (the program's /proc/self/maps
lines on the serial console) and against the hardware's rules.
"""

import re

import pytest

from pagoda_gdb import run_gdb
from pagoda_qemu import EXIT_SUCCESS

COMMANDS = r"""
delete
break demo_free
continue
echo \n@@ user-syms\n
user-syms
echo \n@@ info breakpoints\n
info breakpoints
echo \n@@ tasks\n
tasks
echo \n@@ vmas\n
vmas
echo \n@@ vmas 1\n
vmas 1
echo \n@@ pte p\n
pte (unsigned long)p
echo \n@@ pte kernel\n
pte start_kernel
echo \n@@ pte unmapped\n
pte 0x1000
echo \n@@ buddy\n
buddy
echo \n@@ buddy 10\n
buddy 10
echo \n@@ mchunks\n
mchunks
echo \n@@ values\n
printf "p=%#lx\n", (unsigned long)p
echo \n@@ end\n
delete
detach
"""


@pytest.fixture(scope="module")
def run():
    r = run_gdb(COMMANDS, cmdline="init=/bin/malloc_demo", timeout=90)
    assert r.status == EXIT_SUCCESS, r.output + r.serial
    return r


def section(run, name):
    m = re.search(rf"^@@ {re.escape(name)}\n(.*?)(?=^@@ )", run.output, re.M | re.S)
    assert m, run.output
    return m.group(1)


def test_stopped_in_demo_free(run):
    assert re.search(r"^Breakpoint 2, demo_free \(what=", run.output, re.M), run.output
    assert "[pagoda] execve: pid 1 runs malloc_demo; symbols from build/user/malloc_demo" \
        in run.output


def test_user_syms(run):
    assert section(run, "user-syms").strip() == "user symbols: build/user/malloc_demo"


def test_user_breakpoints_wait_for_their_page(run):
    info = section(run, "info breakpoints")
    assert re.search(r"demo_free at user/malloc_demo.c:\d+\n\s+stop only if "
                     r"\$_pagoda_page_ready\(\)", info), info


def test_tasks(run):
    lines = section(run, "tasks").strip().splitlines()
    assert lines[0].split() == ["PID", "PPID", "S", "COMM", "MM"]
    assert re.match(r"^\*\s+1\s+0 R malloc_demo\s+0xffff8880\w+$", lines[1]), lines


def test_vmas_match_proc_maps(run):
    vmas = section(run, "vmas")
    assert vmas == section(run, "vmas 1")
    # malloc_demo printed the /proc/self/maps lines of p's and q's blocks.
    proc = re.findall(r"/proc/self/maps: (\w+-\w+ [rwxps-]{4} \w+) \S+ \d+ *([^\n]*)$", run.serial, re.M)
    assert len(proc) >= 2, run.serial
    for rng, name in proc[:2]:
        line = rng + ("  " + name if name else "")
        assert re.search(rf"^{re.escape(line)}$", vmas, re.M), (line, vmas)
    assert re.search(r"^\w+-\w+ r-xp 00001000  /bin/malloc_demo$", vmas, re.M)
    assert re.search(r"^7ff\w+-7ffffffff000 rw-p 00000000  \[stack\]$", vmas, re.M)
    m = re.search(r"(\d+) VMAs \(map_count (\d+)\), start_brk (0x\w+), brk (0x\w+)", vmas)
    assert m and m.group(1) == m.group(2)
    assert int(m.group(4), 16) - int(m.group(3), 16) == 0x1000


def test_pte_user_page(run):
    out = section(run, "pte p")
    p = int(re.search(r"p=(0x\w+)", run.output).group(1), 16)
    assert out.startswith(f"VA {p:#x}: PML4 {p >> 39 & 511}, PDPT {p >> 30 & 511}, PD {p >> 21 & 511}, "
                          f"PT {p >> 12 & 511}, offset {p & 0xfff:#x}")
    assert re.search(r"^  PT  \[ *\d+\] @ \S+ = 0x8\w+  P W U A D NX$", out, re.M), out
    frame = int(re.search(r"=> physical (0x\w+)", out).group(1), 16)
    assert frame & 0xfff == p & 0xfff


def test_pte_kernel_text_and_unmapped(run):
    out = section(run, "pte kernel")
    assert re.search(r"^  PML4\[511\] .* P W A", out, re.M), out
    # Kernel text: present, global, read-only, executable (W^X).
    assert re.search(r"^  PT  \[ *\d+\] @ \S+ = 0x0\w+  P (A )?G$", out, re.M), out
    assert "not present" in section(run, "pte unmapped")


def test_buddy(run):
    out = section(run, "buddy")
    counts = [int(c) for c in re.match(r"Node 0, zone   Normal((?: +\d+){11})\n", out)
              .group(1).split()]
    free = int(re.search(r"free pages: (\d+) of (\d+)", out).group(1))
    assert sum(c << k for k, c in enumerate(counts)) == free
    assert "lists" not in out                      # every list agrees with nr_free
    rows = re.findall(r"^ +(\d+) +\d+ [KM]iB +(\d+)  (.*)$", out, re.M)
    assert [int(r[0]) for r in rows] == list(range(11))
    for k, n, pfns in rows:
        for pfn in pfns.replace("...", "").split():
            assert int(pfn, 16) % (1 << int(k)) == 0   # aligned to its size
    ten = section(run, "buddy 10")
    assert len(re.findall(r"0x\w+", ten.splitlines()[2])) == counts[10]


def test_mchunks(run):
    out = section(run, "mchunks")
    # demo_free(q): q is mmapped; the heap holds p's 112-byte chunk and the top.
    assert re.search(r"mmapped chunks 1$", out, re.M), out
    heap = int(re.search(r"heap from (0x\w+)", out).group(1), 16)
    vmas = section(run, "vmas")
    assert re.search(rf"-{heap + 0x1000:08x} rw-p 00000000  \[heap\]$", vmas, re.M), vmas
    assert re.search(rf"^ +{heap:#x} +0x70 P- +in use$", out, re.M), out
    assert re.search(rf"^ +{heap + 0x70:#x} +0xf90 P- +top$", out, re.M), out
