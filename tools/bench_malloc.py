"""Pagoda's malloc against glibc's and musl's on the malloc-lab traces.

Builds user/mdriver.c three ways (libc/malloc/malloc.mk): with Pagoda's
malloc linked into a glibc program, with plain glibc, and with musl
(musl-gcc -static); runs each on the 13 traces in tests/data/malloc-traces
and prints one table: per trace and in total, the space utilization and
the throughput of each, and the ratios Pagoda / glibc.

Utilization is deterministic. Throughput is noisy, so each driver runs
ROUNDS times, interleaved (Pagoda, glibc, musl, Pagoda, ...), each run
reporting the median of RUNS replays per trace, and the table shows the
median over the rounds. The total throughput is all operations over the
summed per-trace times, as mdriver computes it.

Targets (for people to read, nothing asserts them): utilization at least
glibc's in total and on 11 of the 13 traces; throughput at least 1.0x
glibc's in total.

Usage: /usr/bin/python3 tools/bench_malloc.py [--rounds N] [--runs N]
"""

import argparse
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TRACES = os.path.join(ROOT, "tests", "data", "malloc-traces")
DRIVERS = [("pagoda", "build/malloc/mdriver-pagoda"), ("glibc", "build/malloc/mdriver-glibc"),
           ("musl", "build/malloc/mdriver-musl")]


def run_driver(binary, runs):
    """{trace: (ops, util, kops)} from one mdriver run; exits on a failed check."""
    p = subprocess.run([os.path.join(ROOT, binary), "-d", TRACES, "-n", str(runs)],
                       capture_output=True, text=True, timeout=600)
    results = {}
    for line in p.stdout.splitlines()[1:]:
        f = line.split()
        if f[0] == "total":
            continue
        if f[-1] != "ok":
            sys.exit(f"{binary}: {line}")
        results[f[0].replace("-bal.rep", "")] = (int(f[1]), float(f[2].rstrip("%")), float(f[5]))
    if p.returncode != 0 or not results:
        sys.exit(f"{binary} failed (status {p.returncode}):\n{p.stdout}{p.stderr}")
    return results


def collect(rounds, runs):
    """{driver: {trace: (ops, util, median kops)}}."""
    raw = {name: [] for name, _ in DRIVERS}
    for _ in range(rounds):
        for name, binary in DRIVERS:
            raw[name].append(run_driver(binary, runs))
    out = {}
    for name, results in raw.items():
        out[name] = {t: (results[0][t][0], results[0][t][1],
                         statistics.median(r[t][2] for r in results)) for t in results[0]}
    return out


def totals(per_trace):
    """(mean utilization, total Kops/s) as mdriver's total line computes them."""
    util = statistics.mean(u for _, u, _ in per_trace.values())
    ops = sum(o for o, _, _ in per_trace.values())
    seconds = sum(o / (k * 1000) for o, _, k in per_trace.values())
    return util, ops / seconds / 1000


def print_table(res):
    names = [n for n, _ in DRIVERS]
    head = (f"{'trace':<12}" + "".join(f"{'util ' + n:>13}" for n in names) + f"{'ratio':>7}  "
            + "".join(f"{'Kops/s ' + n:>15}" for n in names) + f"{'ratio':>7}")
    print(head)
    print("-" * len(head))
    util_wins = 0
    rows = list(res["pagoda"].keys())
    for t in rows:
        u = [res[n][t][1] for n in names]
        k = [res[n][t][2] for n in names]
        util_wins += u[0] >= u[1]
        print(f"{t:<12}" + "".join(f"{x:>12.1f}%" for x in u) + f"{u[0] / u[1]:>7.2f}  "
              + "".join(f"{x:>15.0f}" for x in k) + f"{k[0] / k[1]:>7.2f}")
    tot = {n: totals(res[n]) for n in names}
    print("-" * len(head))
    print(f"{'total':<12}" + "".join(f"{tot[n][0]:>12.1f}%" for n in names)
          + f"{tot['pagoda'][0] / tot['glibc'][0]:>7.2f}  "
          + "".join(f"{tot[n][1]:>15.0f}" for n in names)
          + f"{tot['pagoda'][1] / tot['glibc'][1]:>7.2f}")
    print()
    print(f"utilization >= glibc on {util_wins} of {len(rows)} traces (target 11); "
          f"total {tot['pagoda'][0]:.1f}% vs {tot['glibc'][0]:.1f}%; "
          f"throughput {tot['pagoda'][1] / tot['glibc'][1]:.2f}x glibc (target 1.0)")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5, help="runs of each driver (default 5)")
    ap.add_argument("--runs", type=int, default=5, help="timed replays per trace (default 5)")
    args = ap.parse_args()
    subprocess.run(["make", "-C", ROOT, "--no-print-directory", "mdriver"], check=True,
                   stdout=subprocess.DEVNULL)
    print_table(collect(args.rounds, args.runs))


if __name__ == "__main__":
    main()
