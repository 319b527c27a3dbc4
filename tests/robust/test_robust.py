"""User programs attacking the kernel: each must end the way Linux would
make it end (a signal, an errno), and the kernel must carry on and get
back every page frame and slab object.

Programs run as Pagoda's first process under tools/run-elf; its kernel
log ends with init's leak report (kernel/proc/exit.c), checked here.
"""

import os
import re
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BUILD = os.path.join(ROOT, "build")
OUT = os.path.join(BUILD, "robust-tests")
RUN_ELF = os.path.join(ROOT, "tools", "run-elf")


def check_no_leak(log):
    """No oops or panic, and init's report shows every frame and slab
    object back."""
    assert "Kernel panic" not in log and "Oops" not in log, log
    m = re.search(r"init: (\d+) pages free, (\d+) when init started", log)
    assert m and m.group(1) == m.group(2), "page frames were not all returned\n" + log
    m = re.search(r"init: (\d+) slab pages, (\d+) when init started; (-?\d+) slab objects more",
                  log)
    assert m and m.group(1) == m.group(2) and m.group(3) == "0", "slab objects leaked\n" + log
    m = re.search(r"init: (\d+) inodes, (\d+) when init started", log)
    assert m and m.group(1) == m.group(2), "inodes were not all freed\n" + log


def run(prog, args, tmp_path, mem="256M", timeout=120):
    """Run @prog on Pagoda; return (exit status, stdout, kernel log)."""
    log = tmp_path / "kernel.log"
    p = subprocess.run([RUN_ELF, "--mem", mem, "--timeout", str(timeout), "--log", str(log),
                        prog] + args, stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=timeout + 60)
    return p.returncode, p.stdout.decode(), log.read_text() if log.exists() else ""


def build(name):
    """tests/robust/NAME.c, built with this machine's glibc."""
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, name)
    src = os.path.join(HERE, name + ".c")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", exe, src], check=True)
    return exe


def fuzz(calls, tmp_path, timeout):
    status, out, log = run(os.path.join(BUILD, "user", "fuzz"), ["-s", "1", "-n", str(calls)],
                           tmp_path, timeout=timeout)
    assert status == 0, out + log
    m = re.search(r"fuzz: done: (\d+) calls", out)
    assert m and int(m.group(1)) >= calls, out
    check_no_leak(log)


def test_fuzz_100000_calls(tmp_path):
    fuzz(100000, tmp_path, timeout=300)


@pytest.mark.long
def test_fuzz_1000000_calls(tmp_path):
    """make test-all: as `make fuzz` (N=1000000 SEED=1)."""
    fuzz(1000000, tmp_path, timeout=7200)


def test_fuzz_replay(tmp_path):
    """-r K replays one process's calls, printing each: the same calls as
    in the full run of the same seed."""
    status, out, log = run(os.path.join(BUILD, "user", "fuzz"), ["-s", "7", "-r", "3"], tmp_path)
    assert status == 0, out + log
    calls = re.findall(r"^  call \d+: syscall\(.*\)$", out, re.M)
    assert len(calls) > 0, out
    status2, out2, _ = run(os.path.join(BUILD, "user", "fuzz"), ["-s", "7", "-r", "3"], tmp_path)
    assert re.findall(r"^  call \d+: syscall\(.*\)$", out2, re.M) == calls
    check_no_leak(log)


def test_fork_bomb(tmp_path):
    status, out, log = run(build("forkbomb"), [], tmp_path)
    assert status == 0, out + log
    assert out.splitlines() == [
        "RLIMIT_NPROC 16: fork failed with Resource temporarily unavailable after at most "
        "16 processes: yes",
        "RLIMIT_NPROC: reaped all",
        "fork bomb: forks failed with EAGAIN: yes; with another error: 0",
        "fork bomb: killed and reaped: yes",
        "fork after the bomb: child exited 3",
        "RLIMIT_NPROC 16: fork failed with Resource temporarily unavailable after at most "
        "16 processes: yes",
        "RLIMIT_NPROC: reaped all",
        "the kernel is still here",
    ], out + log
    check_no_leak(log)


def test_memory_exhaustion(tmp_path):
    """64 MiB of RAM: the process that exhausts it is the one killed."""
    status, out, log = run(build("oom"), [], tmp_path, mem="64M")
    assert status == 0, out + log
    lines = out.splitlines()
    for name in ("brk until exhausted", "mmap until exhausted", "mmap 1 GiB and touch it"):
        assert f"{name}: killed by SIGKILL" in lines or f"{name}: ENOMEM" in lines, out
    assert "recursion without end: killed by SIGSEGV" in lines, out
    assert lines[-2:] == ["afterwards, malloc 4 MiB: exited 0", "the kernel is still here"], out
    kills = re.findall(r"Out of memory: Killed process (\d+) \(oom\)", log)
    assert len(kills) == sum("SIGKILL" in line for line in lines), log
    check_no_leak(log)


def test_bad_entry_point(tmp_path):
    """A program whose ELF entry point is outside the user half (kernel,
    non-canonical) dies of SIGSEGV, as on Linux: the kernel must not try
    to return to it (iretq to a non-canonical RIP faults in kernel mode)."""
    src = os.path.join(ROOT, "tests", "linux", "hello.c")
    hello = tmp_path / "hello"
    subprocess.run(["gcc", "-static", "-O2", "-o", str(hello), src], check=True)
    for entry in (0x0000800000000000, 0xffffffff81000000):
        exe = tmp_path / f"entry-{entry:x}"
        elf = bytearray(hello.read_bytes())
        elf[24:32] = entry.to_bytes(8, "little")  # e_entry in the ELF64 header
        exe.write_bytes(bytes(elf))
        exe.chmod(0o755)
        native = subprocess.run([str(exe)], capture_output=True)
        assert native.returncode == -11  # SIGSEGV on Linux
        status, out, log = run(str(exe), [], tmp_path)
        assert status == 128 + 11, out + log
        check_no_leak(log)
