"""Pagoda's malloc replays the 13 malloc-lab traces correctly.

build/malloc/mdriver-pagoda (user/mdriver.c with libc/malloc linked into a
glibc program, libc/malloc/malloc.mk) checks every block of every trace:
16-byte alignment, no overlap with another live block, contents intact
across realloc and until free. Correctness only: the speed and the space
utilization it prints are for tools/bench_malloc.py, never asserted here.
"""

import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MDRIVER = os.path.join(ROOT, "build", "malloc", "mdriver-pagoda")
TRACES = os.path.join(ROOT, "tests", "data", "malloc-traces")
NAMES = sorted(f for f in os.listdir(TRACES) if f.endswith(".rep"))


@pytest.fixture(scope="module")
def mdriver():
    subprocess.run(["make", "-C", ROOT, "--no-print-directory", "build/malloc/mdriver-pagoda"],
                   check=True, stdout=subprocess.DEVNULL)
    return MDRIVER


def test_there_are_13_traces():
    assert len(NAMES) == 13


@pytest.mark.parametrize("name", NAMES)
def test_trace(mdriver, name):
    # One timed replay is enough: only the checked run matters here.
    p = subprocess.run([mdriver, "-n", "1", os.path.join(TRACES, name)],
                       capture_output=True, text=True, timeout=120)
    lines = p.stdout.splitlines()
    assert p.returncode == 0, p.stdout + p.stderr
    assert lines[1].split()[0] == name
    assert lines[1].endswith("  ok"), lines[1]


def test_checker_on_every_call(mdriver):
    # The short traces once more with the consistency checker after every call.
    env = dict(os.environ, MALLOC_CHECK_="3")
    for name in ("short1-bal.rep", "short2-bal.rep", "coalescing-bal.rep", "realloc2-bal.rep"):
        p = subprocess.run([mdriver, "-n", "1", os.path.join(TRACES, name)], env=env,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stdout + p.stderr


def test_bad_trace_is_reported(mdriver, tmp_path):
    trace = tmp_path / "bad.rep"
    trace.write_text("1\n1\nx 0 10\n")
    p = subprocess.run([mdriver, "-n", "1", str(trace)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1
    assert "FAIL" in p.stdout
