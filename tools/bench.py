"""make bench: Pagoda's benchmarks, printed as a table.

Each benchmark is a function returning rows (name, value, unit, note).
Figures are medians over several runs; nothing here asserts a target:
targets are for people to read, tests never time anything.
"""

import os
import re
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "lib"))

from pagoda_qemu import boot, time_to_first_line  # noqa: E402

RUNS = 5


def bench_boot():
    """QEMU start to the kernel's first line, under software emulation."""
    times = [time_to_first_line("poweroff") for _ in range(RUNS)]
    times = [t for t in times if t is not None]
    if not times:
        return [("boot: QEMU start to first kernel line", "failed", "", "")]
    return [("boot: QEMU start to first kernel line", f"{statistics.median(times) * 1000:.0f}",
             "ms", f"median of {len(times)}, min {min(times) * 1000:.0f} ms")]


def bench_page_alloc():
    """The buddy allocator's alloc+free pairs on the host (tests/host/bench_page_alloc.c)."""
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    subprocess.run(["make", "-s", "build/host/bench_page_alloc"], cwd=root, check=True)
    out = subprocess.run([os.path.join(root, "build/host/bench_page_alloc")],
                         capture_output=True, text=True, check=True).stdout
    rows = []
    for line in out.splitlines():
        name, value = line.rsplit(":", 1)
        rows.append((name, value.split()[0], "ns", "host, -O2, median of 5"))
    return rows


def bench_mem_init():
    """mem_map and free-list set-up inside QEMU, per GiB of guest RAM.

    Measured by the kernel with the TSC. The first write to guest RAM makes
    QEMU allocate host memory, which dominates under emulation; the second
    set of rows starts QEMU with -mem-prealloc to show the kernel's own cost.
    """
    rows = []
    for prealloc in (False, True):
        for mem, gib in (("1G", 1), ("4G", 4), ("8G", 8)):
            extra = ["-mem-prealloc"] if prealloc else []
            b = boot("poweroff", mem=mem, extra=extra)
            m = re.search(r"set up in (\d+) us", b.output)
            label = f"mem init per GiB, {mem} guest" + (", -mem-prealloc" if prealloc else "")
            if not m:
                rows.append((label, "failed", "", ""))
                continue
            us = int(m.group(1))
            rows.append((label, f"{us / 1000 / gib:.1f}", "ms", f"total {us / 1000:.1f} ms"))
    return rows


def bench_malloc():
    """libc/malloc against glibc's on the malloc-lab traces (tools/bench_malloc.py)."""
    import bench_malloc as bm  # noqa: E402  (tools/ is on sys.path: this script's directory)

    subprocess.run(["make", "-C", bm.ROOT, "--no-print-directory", "mdriver"], check=True,
                   stdout=subprocess.DEVNULL)
    res = bm.collect(rounds=3, runs=5)
    ours, glibc = bm.totals(res["pagoda"]), bm.totals(res["glibc"])
    wins = sum(res["pagoda"][t][1] >= res["glibc"][t][1] for t in res["pagoda"])
    return [("malloc: trace utilization, Pagoda / glibc", f"{ours[0] / glibc[0]:.2f}", "x",
             f"{ours[0]:.1f}% vs {glibc[0]:.1f}%, >= glibc on {wins} of {len(res['pagoda'])}"),
            ("malloc: trace throughput, Pagoda / glibc", f"{ours[1] / glibc[1]:.2f}", "x",
             f"{ours[1]:.0f} vs {glibc[1]:.0f} Kops/s, median of 3 rounds")]


def bench_membench():
    """user/membench under tools/run-elf: the memory system calls in TSC cycles.

    Prints membench's own lines ("name cycles", one per figure) as they come
    and returns them as rows; a Linux column can be had by running the same
    source built with `gcc -static`.
    """
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    subprocess.run(["make", "-C", root, "--no-print-directory", "build/user/membench"],
                   check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run([os.path.join(root, "tools", "run-elf"), "--timeout", "600",
                          os.path.join(root, "build", "user", "membench")],
                         capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        m = re.fullmatch(r"(.+) (\d+)", line.strip())
        if m:
            print(line.strip())
            rows.append((f"membench: {m.group(1)}", m.group(2), "cyc", "Pagoda, median of 7"))
    return rows or [("membench", "failed", "", "")]


BENCHMARKS = [bench_boot, bench_page_alloc, bench_mem_init, bench_malloc, bench_membench]


def main():
    rows = []
    for bench in BENCHMARKS:
        rows.extend(bench())
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>10}  unit  note")
    for name, value, unit, note in rows:
        print(f"{name:<{width}}  {value:>10}  {unit:<4}  {note}")


if __name__ == "__main__":
    main()
