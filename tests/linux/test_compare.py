"""Programs that must behave the same on Linux and on Pagoda.

Each program in tests/linux/ is built with this machine's C libraries
(glibc: gcc -static; musl: musl-gcc -static), run natively and under
tools/run-elf, and the two runs must agree on standard output, line for
line, and on the exit status. Every Pagoda run must also give back every
page frame and every slab object its processes used.
"""

import os
import re
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(ROOT, "build", "linux-tests")
RUN_ELF = os.path.join(ROOT, "tools", "run-elf")

# The environment Pagoda gives its first process (kernel/init/main.c).
ENV = {"HOME": "/", "TERM": "linux", "PATH": "/bin"}

COMPILERS = {"glibc": ["gcc", "-static"], "musl": ["musl-gcc", "-static"]}

PROGRAMS = [
    ("hello", []),
    ("argv_env", ["one", "two words", ""]),
    ("printf_heavy", []),
    ("fork_wait", []),
    ("brk_mmap", []),
    ("preempt", []),
    ("attacks", []),
]


def build(prog, libc):
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, f"{prog}-{libc}")
    src = os.path.join(HERE, f"{prog}.c")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.run(COMPILERS[libc] + ["-O2", "-o", exe, src], check=True)
    return exe


@pytest.mark.parametrize("libc", sorted(COMPILERS))
@pytest.mark.parametrize("prog,args", PROGRAMS, ids=[p for p, _ in PROGRAMS])
def test_same_as_linux(prog, args, libc, tmp_path):
    exe = build(prog, libc)
    native = subprocess.run([exe] + args, env=ENV, cwd=OUT, capture_output=True, timeout=60)
    log = tmp_path / "kernel.log"
    pagoda = subprocess.run([RUN_ELF, "--log", str(log), exe] + args, cwd=OUT,
                            capture_output=True, timeout=120)
    kernel_log = log.read_text() if log.exists() else ""
    assert pagoda.stdout.decode().splitlines() == native.stdout.decode().splitlines(), \
        pagoda.stderr.decode() + kernel_log
    assert pagoda.returncode == native.returncode, kernel_log
    m = re.search(r"init: (\d+) pages free, (\d+) when init started", kernel_log)
    assert m, kernel_log
    assert m.group(1) == m.group(2), "page frames were not all returned"
    m = re.search(r"init: (\d+) slab pages, (\d+) when init started; (-?\d+) slab objects more",
                  kernel_log)
    assert m, kernel_log
    assert m.group(1) == m.group(2) and m.group(3) == "0", "slab objects leaked\n" + kernel_log
