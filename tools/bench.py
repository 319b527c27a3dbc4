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
import tempfile

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


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEMBENCH = os.path.join(ROOT, "build", "user", "membench")
VS_LINUX_RUNS = 3


def run_membench(tool):
    """One run of membench under @tool (tools/run-elf or tools/run-linux).
    Returns ({name: cycles}, seconds from QEMU's start to the first output)
    or None when the run failed."""
    with tempfile.NamedTemporaryFile("r") as first:
        p = subprocess.run([os.path.join(ROOT, "tools", tool), "--timeout", "300",
                            "--first-output", first.name, MEMBENCH],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True)
        seconds = first.read().strip()
    if p.returncode != 0:
        sys.stderr.write(f"{tool} membench: exit status {p.returncode}\n{p.stderr}")
        return None
    figures = {}
    for line in p.stdout.splitlines():
        m = re.fullmatch(r"\s*(.*\S)\s+(\d+)\s*", line)    # a name may have blanks
        if m:
            figures[m.group(1)] = int(m.group(2))
    return figures, float(seconds) if seconds else None


def bench_vs_linux():
    """build/user/membench on Pagoda and on Debian's Linux, in the same QEMU.

    The two kernels run back to back, VS_LINUX_RUNS times each, alternating;
    each figure is the median of its runs, in the guest's TSC cycles, and
    the ratio is Pagoda's cycles over Linux's (below 1: Pagoda is faster).
    Boot time is QEMU's start to the program's first output, seen from the
    host: firmware, boot loader (GRUB for Pagoda; QEMU loads Linux
    directly), kernel start-up and the program's exec.
    """
    # Built by user/user.mk where the tree has it; nothing to do otherwise.
    subprocess.run(["make", "-s", "-C", ROOT, "build/user/membench"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    if not os.path.exists(MEMBENCH):
        print(f"bench_vs_linux: {os.path.relpath(MEMBENCH, ROOT)} is not built; skipped")
        return [("vs Linux: membench", "skipped", "", "build/user/membench not built")]
    sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
    import linux_qemu  # noqa: E402

    try:
        linux_qemu.ensure_kernel()
    except linux_qemu.LinuxUnavailable as e:
        print(f"bench_vs_linux: {e}; skipped")
        return [("vs Linux: membench", "skipped", "", "no Linux kernel")]
    runs = {"run-elf": [], "run-linux": []}
    for _ in range(VS_LINUX_RUNS):
        for tool in runs:
            r = run_membench(tool)
            if r:
                runs[tool].append(r)
    if not runs["run-elf"] or not runs["run-linux"]:
        return [("vs Linux: membench", "failed", "", "see the messages above")]

    def median(tool, name):
        values = [figs[name] for figs, _ in runs[tool] if name in figs]
        return statistics.median(values) if values else None

    rows = []
    for name in runs["run-elf"][0][0]:
        ours, linux = median("run-elf", name), median("run-linux", name)
        if not linux:
            rows.append((f"vs Linux: {name}", "n/a", "x", f"{ours:.0f} cycles, Linux: none"))
            continue
        rows.append((f"vs Linux: {name}, Pagoda / Linux", f"{ours / linux:.2f}", "x",
                     f"{ours:.0f} vs {linux:.0f} cycles"))
    boot = {}
    for tool in runs:
        times = [t for _, t in runs[tool] if t is not None]
        boot[tool] = statistics.median(times) if times else None
    if boot["run-elf"] and boot["run-linux"]:
        rows.append(("vs Linux: boot to first user output, Pagoda / Linux",
                     f"{boot['run-elf'] / boot['run-linux']:.2f}", "x",
                     f"{boot['run-elf'] * 1000:.0f} vs {boot['run-linux'] * 1000:.0f} ms"))
    n = min(len(runs["run-elf"]), len(runs["run-linux"]))
    rows.append(("vs Linux: runs", str(n), "", f"median of each; Linux "
                 f"{linux_qemu.kernel_version()}"))
    return rows


BENCHMARKS = [bench_boot, bench_page_alloc, bench_mem_init, bench_malloc, bench_vs_linux]


def main():
    # make bench ONLY=vs_linux (or any benchmark's name) runs just that one.
    only = os.environ.get("ONLY")
    rows = []
    for bench in BENCHMARKS:
        if only and bench.__name__ != "bench_" + only:
            continue
        rows.extend(bench())
    if not rows:
        print(f"bench: no benchmark named {only!r}")
        return
    width = max(len(r[0]) for r in rows)
    print(f"{'benchmark':<{width}}  {'value':>10}  unit  note")
    for name, value, unit, note in rows:
        print(f"{name:<{width}}  {value:>10}  {unit:<4}  {note}")


if __name__ == "__main__":
    main()
