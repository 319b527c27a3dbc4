"""Pagoda's malloc inside Pagoda: the lecture program and the trace driver.

user/malloc_demo and user/mdriver are built with Pagoda's libc; here they
run as Pagoda's first process (tools/run-elf). mdriver's utilization on a
trace depends only on the allocator and on brk/mmap semantics, so the
same binary must report the same figures on Linux and on Pagoda.
"""

import os
import re
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUN_ELF = os.path.join(ROOT, "tools", "run-elf")
USER = os.path.join(ROOT, "build", "user")

# A quick subset for make test; `make bench` replays all 13.
TRACES = ["amptjp-bal.rep", "cccp-bal.rep", "coalescing-bal.rep", "binary2-bal.rep",
          "short1-bal.rep", "short2-bal.rep"]


def utilizations(text):
    return {m.group(1): m.group(2) for m in
            re.finditer(r"^(\S+\.rep)\s+\d+\s+([\d.]+%)\s.*\bok$", text, re.M)}


def test_mdriver_same_utilization_as_linux():
    native = subprocess.run([os.path.join(USER, "mdriver"), "-n", "1"] +
                            [os.path.join(ROOT, "tests/data/malloc-traces", t) for t in TRACES],
                            capture_output=True, text=True, timeout=300)
    pagoda = subprocess.run([RUN_ELF, "--timeout", "300", os.path.join(USER, "mdriver"), "-n",
                             "1"] + ["/data/malloc-traces/" + t for t in TRACES],
                            stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=400)
    assert pagoda.returncode == 0, pagoda.stdout + pagoda.stderr
    ours, linux = utilizations(pagoda.stdout), utilizations(native.stdout)
    assert len(ours) == len(TRACES), pagoda.stdout
    assert ours == linux, (pagoda.stdout, native.stdout)


def test_malloc_demo_takes_both_paths():
    p = subprocess.run([RUN_ELF, os.path.join(USER, "malloc_demo")], stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    out = p.stdout
    assert "p = malloc(100)" in out
    assert "chunk size nb = 112" in out
    assert "nb < the mmap threshold 131072 -> brk" in out
    assert "q = malloc(204800)" in out
    assert "nb >= the mmap threshold 131072 -> mmap" in out
    assert re.search(r"/proc/self/maps: [0-9a-f]+-[0-9a-f]+ rw-p .*\[heap\]", out), out
