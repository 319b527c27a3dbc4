"""user/malloc_demo.c, built natively with Pagoda's malloc, tells the lecture's story.

malloc(100) is a 112-byte chunk from a heap grown with brk (by one page);
malloc(200 KiB) is mmapped and leaves the break alone; after that chunk is
freed, the raised mmap threshold sends the same request to brk.
"""

import os
import re
import subprocess

from pagoda_make import make

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEMO = os.path.join(ROOT, "build", "malloc", "malloc_demo")


def run_demo():
    make("build/malloc/malloc_demo")
    p = subprocess.run([DEMO], capture_output=True, text=True, timeout=30)
    assert p.returncode == 0, p.stderr
    # One block of lines per step, separated by the step's first line.
    return {m.group(1): m.group(0) for m in
            re.finditer(r"^(\w) = malloc\(\d+\)\n(?:  .*\n)+", p.stdout, re.M)}


def test_steps():
    steps = run_demo()
    assert "chunk size nb = 112" in steps["p"]
    assert "-> brk" in steps["p"]
    assert "break: +0 before, +0x1000 after" in steps["p"]
    assert "[heap]" in steps["p"]

    assert "chunk size nb = 204816" in steps["q"]
    assert ">= the mmap threshold 131072 -> mmap" in steps["q"]
    assert "break: +0x1000 before, +0x1000 after" in steps["q"]

    assert "< the mmap threshold 208896 -> brk" in steps["r"]
