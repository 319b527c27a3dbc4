"""Programs that must behave the same on Linux and on Pagoda.

Each program in tests/linux/ is built with this machine's C libraries
(glibc: gcc -static; musl: musl-gcc -static), run natively and under
tools/run-elf, and the two runs must agree on standard output, line for
line, and on the exit status. Every Pagoda run must also give back every
page frame its processes used.
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

# Pagoda's own C library (libc/libc.mk: USER_CFLAGS, crt1.o, libc.a).
LIBC_INCLUDE = ["-nostdinc", "-isystem",
                subprocess.run(["gcc", "-print-file-name=include"], capture_output=True,
                               text=True).stdout.strip(),
                "-I" + os.path.join(ROOT, "libc", "include"), "-I" + os.path.join(ROOT, "include")]
COMPILERS["pagoda"] = (["gcc", "-static", "-fno-pie", "-no-pie", "-nostdlib",
                        "-fno-stack-protector"] + LIBC_INCLUDE)
PAGODA_LINK = [os.path.join(ROOT, "build", "libc", "crt1.o"),
               os.path.join(ROOT, "build", "libc", "libc.a"), "-lgcc"]

PROGRAMS = [
    ("hello", []),
    ("argv_env", ["one", "two words", ""]),
    ("printf_heavy", []),
    ("fork_wait", []),
    ("brk_mmap", []),
    ("preempt", []),
    ("exec_errors", []),
    ("malloc_heavy", []),
    ("signals", []),
]


def build(prog, libc):
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, f"{prog}-{libc}")
    src = os.path.join(HERE, f"{prog}.c")
    deps = [src] + (PAGODA_LINK[:2] if libc == "pagoda" else [])
    if not os.path.exists(exe) or any(os.path.getmtime(exe) < os.path.getmtime(d) for d in deps):
        link = PAGODA_LINK if libc == "pagoda" else []
        subprocess.run(COMPILERS[libc] + ["-O2", "-o", exe, src] + link, check=True)
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
