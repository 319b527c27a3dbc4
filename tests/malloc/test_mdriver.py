"""Pagoda's malloc replays the 13 malloc-lab traces correctly and without
wasting memory.

build/malloc/mdriver-pagoda (user/mdriver.c with libc/malloc linked into a
glibc program, libc/malloc/malloc.mk) checks every block of every trace:
16-byte alignment, no overlap with another live block, contents intact
across realloc and until free. It also prints each trace's utilization:
the peak of the live payload over the peak of the bytes taken from the
kernel (brk growth plus mmapped bytes). Both figures are deterministic
(they depend on the allocator and on brk/mmap, never on the time), so:

- the peak live payload must be the one computed here from the trace
  itself (mdriver replays what the file says);
- the kernel's bytes can never be fewer than the payload, and the
  utilization printed is their ratio;
- each trace's utilization has a floor, a little under what this malloc
  reaches today (UTIL_FLOOR): an allocator that stops reusing freed
  chunks, coalescing neighbours or trimming the top falls under it.
The speed column is for tools/bench_malloc.py and never asserted.
"""

import os
import re
import subprocess

import pytest
from pagoda_make import make

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MDRIVER = os.path.join(ROOT, "build", "malloc", "mdriver-pagoda")
TRACES = os.path.join(ROOT, "tests", "data", "malloc-traces")
NAMES = sorted(f for f in os.listdir(TRACES) if f.endswith(".rep"))

# Percent, per trace: today's figure less about a tenth (see above).
UTIL_FLOOR = {
    "amptjp-bal.rep": 89, "binary-bal.rep": 48, "binary2-bal.rep": 42, "cccp-bal.rep": 88,
    "coalescing-bal.rep": 60, "cp-decl-bal.rep": 89, "expr-bal.rep": 88, "random-bal.rep": 85,
    "random2-bal.rep": 85, "realloc-bal.rep": 73, "realloc2-bal.rep": 61, "short1-bal.rep": 59,
    "short2-bal.rep": 80,
}
TOTAL_FLOOR = 73

# name, ops, util %, peak-live, peak-kernel, Kops/s, check (the total line
# has no peaks).
ROW = re.compile(r"^(\S+)\s+(\d+)\s+([\d.]+)%\s+(?:(\d+)\s+(\d+)\s+)?[\d.]+\s+(\w+)$", re.M)


def replay_peak(path):
    """(operations, peak live payload bytes) of a trace, computed from the
    file: a/r set a block's size, f drops it."""
    with open(path) as f:
        lines = f.read().split("\n")
    nops = int(lines[1])
    live, total, peak = {}, 0, 0
    for line in lines[2:2 + nops]:
        op = line.split()
        if op[0] == "f":
            total -= live.pop(op[1], 0)
        else:
            total += int(op[2]) - live.get(op[1], 0)
            live[op[1]] = int(op[2])
        peak = max(peak, total)
    return nops, peak


def run_table(mdriver):
    """mdriver's table for every trace, from one run: ({name: row}, output)."""
    # One timed replay is enough: only the checked run matters here.
    p = subprocess.run([mdriver, "-n", "1"] + [os.path.join(TRACES, n) for n in NAMES],
                       capture_output=True, text=True, timeout=300)
    return {m.group(1): m.groups()[1:] for m in ROW.finditer(p.stdout)}, p


def below_floor(rows):
    """The traces whose utilization is under their floor."""
    return [n for n in NAMES if float(rows[n][1]) < UTIL_FLOOR[n]]


@pytest.fixture(scope="module")
def table():
    make("build/malloc/mdriver-pagoda")
    rows, p = run_table(MDRIVER)
    assert p.returncode == 0, p.stdout + p.stderr
    assert sorted(rows) == sorted(NAMES + ["total"]), p.stdout
    return rows


def test_every_trace_has_a_floor():
    assert sorted(UTIL_FLOOR) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_trace(table, name):
    ops, util, peak_live, peak_kernel, check = table[name]
    assert check == "ok", (name, table[name])
    nops, peak = replay_peak(os.path.join(TRACES, name))
    assert int(ops) == nops
    assert int(peak_live) == peak
    assert int(peak_kernel) >= peak
    assert abs(float(util) - 100.0 * peak / int(peak_kernel)) < 0.06
    assert name not in below_floor(table), f"{name}: utilization {util}% under the floor"


def test_total(table):
    ops, util, _, _, check = table["total"]
    assert check == "ok"
    assert int(ops) == sum(int(table[n][0]) for n in NAMES)
    # The total is the mean of the per-trace utilizations.
    mean = sum(float(table[n][1]) for n in NAMES) / len(NAMES)
    assert abs(float(util) - mean) < 0.1
    assert float(util) >= TOTAL_FLOOR


def test_floors_catch_an_allocator_that_never_frees(tmp_path):
    """The same malloc with _int_free a no-op (ld --wrap): every check of
    mdriver still passes, but the utilization floors fail it."""
    wrap = tmp_path / "never_free.c"
    wrap.write_text("struct malloc_state;\nstruct malloc_chunk;\n"
                    "void __wrap__int_free(struct malloc_state *av, struct malloc_chunk *p);\n"
                    "void __wrap__int_free(struct malloc_state *av, struct malloc_chunk *p) {}\n")
    exe = tmp_path / "mdriver-never-free"
    srcs = sorted(os.path.join(ROOT, "libc", "malloc", f)
                  for f in os.listdir(os.path.join(ROOT, "libc", "malloc")) if f.endswith(".c"))
    subprocess.run(["gcc", "-std=gnu11", "-O2", "-w", "-I" + os.path.join(ROOT, "include"),
                    "-I" + os.path.join(ROOT, "libc", "malloc"), "-fno-builtin-malloc",
                    "-fno-builtin-calloc", "-fno-builtin-free", "-fno-builtin-realloc",
                    "-DMDRIVER_PAGODA", "-Wl,--wrap=_int_free", "-o", str(exe),
                    os.path.join(ROOT, "user", "mdriver.c"), str(wrap)] + srcs, check=True)
    rows, p = run_table(str(exe))
    assert sorted(rows) == sorted(NAMES + ["total"]), p.stdout
    assert all(rows[n][4] == "ok" for n in NAMES), p.stdout
    assert len(below_floor(rows)) >= 6, p.stdout


def test_checker_on_every_call():
    # The short traces once more with the consistency checker after every call.
    env = dict(os.environ, MALLOC_CHECK_="3")
    for name in ("short1-bal.rep", "short2-bal.rep", "coalescing-bal.rep", "realloc2-bal.rep"):
        p = subprocess.run([MDRIVER, "-n", "1", os.path.join(TRACES, name)], env=env,
                           capture_output=True, text=True, timeout=120)
        assert p.returncode == 0, p.stdout + p.stderr
        assert re.search(rf"^{re.escape(name)} .* ok$", p.stdout, re.M), p.stdout


def test_bad_trace_is_reported(tmp_path):
    """A trace with an unknown operation: mdriver fails it."""
    trace = tmp_path / "bad.rep"
    trace.write_text("1\n1\nx 0 10\n")
    p = subprocess.run([MDRIVER, "-n", "1", str(trace)], capture_output=True, text=True,
                       timeout=60)
    assert p.returncode == 1
    assert re.search(r"^bad\.rep .*FAIL", p.stdout, re.M), p.stdout
