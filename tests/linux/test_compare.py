"""Programs that must behave the same on Linux and on Pagoda.

Each program in tests/linux/ is built with this machine's C libraries
(glibc: gcc -static; musl: musl-gcc -static), run natively and under
tools/run-elf, and the two runs must agree on standard output, line for
line, and on the exit status. Every Pagoda run must also give back every
page frame and every slab object its processes used.

The same programs also run under Debian's Linux kernel in the same QEMU
(tests/lib/linux_qemu.py, tools/compare), where output and exit status
must be byte for byte Pagoda's. Each such pair of boots costs about 4 s
more: those tests are marked long, for `make test-all` and `make
test-linux-vm`.
"""

import glob
import os
import re
import subprocess

import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                "lib"))
import compare_runs  # noqa: E402
import linux_qemu  # noqa: E402

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

# Every tests/linux/*.c, found as tests/host's are (a new file is a new
# test); the arguments of those that take some.
ARGS = {"argv_env": ["one", "two words", ""]}
PROGRAMS = [(os.path.basename(src)[:-2], ARGS.get(os.path.basename(src)[:-2], []))
            for src in sorted(glob.glob(os.path.join(HERE, "*.c")))]


# Programs Pagoda's libc cannot build (it has no POSIX threads, no
# system() or popen()).
NOT_PAGODA_LIBC = {"threads", "system"}


def test_named_programs_exist():
    """ARGS and NOT_PAGODA_LIBC name only programs there are."""
    names = {p for p, _ in PROGRAMS}
    assert "hello" in names and len(names) >= 20
    assert set(ARGS) | NOT_PAGODA_LIBC <= names


def cases():
    return [(p, a, libc) for p, a in PROGRAMS for libc in sorted(COMPILERS)
            if not (libc == "pagoda" and p in NOT_PAGODA_LIBC)]


def build(prog, libc):
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, f"{prog}-{libc}")
    src = os.path.join(HERE, f"{prog}.c")
    deps = [src] + (PAGODA_LINK[:2] if libc == "pagoda" else [])
    if not os.path.exists(exe) or any(os.path.getmtime(exe) < os.path.getmtime(d) for d in deps):
        link = PAGODA_LINK if libc == "pagoda" else []
        threads = ["-pthread"] if prog in NOT_PAGODA_LIBC else []
        subprocess.run(COMPILERS[libc] + threads + ["-O2", "-o", exe, src] + link, check=True)
    return exe


@pytest.mark.parametrize("prog,args,libc", cases(), ids=[f"{p}-{libc}" for p, _, libc in cases()])
def test_same_as_linux(prog, args, libc, tmp_path):
    exe = build(prog, libc)
    native = subprocess.run([exe] + args, env=ENV, cwd=OUT, stdin=subprocess.DEVNULL,
                            capture_output=True, timeout=60)
    log = tmp_path / "kernel.log"
    pagoda = subprocess.run([RUN_ELF, "--log", str(log), exe] + args, cwd=OUT,
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
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
    m = re.search(r"init: (\d+) inodes, (\d+) when init started", kernel_log)
    assert m, kernel_log
    assert m.group(1) == m.group(2), "inodes were not all freed\n" + kernel_log


# Long (make test-all, make test-linux-vm): two boots of QEMU each, one of
# them Linux's. make test keeps tests/linux/test_run_linux.py's one boot
# of Linux.
@pytest.mark.long
@pytest.mark.parametrize("prog,args,libc", cases(), ids=[f"{p}-{libc}" for p, _, libc in cases()])
def test_same_as_linux_in_qemu(prog, args, libc):
    exe = build(prog, libc)
    try:
        c = compare_runs.run_both(exe, args, timeout=120)
    except linux_qemu.LinuxUnavailable as e:
        pytest.skip(str(e))
    if c.same():
        return
    # Linux changed these between Debian's 6.1 (in QEMU) and the newer
    # kernel this machine runs (the reference of test_same_as_linux):
    # Pagoda must print the newer line, Linux in QEMU the older one, and
    # no other line may differ.
    pagoda, linux = c.pagoda_stdout.decode().splitlines(), c.linux_stdout.decode().splitlines()
    assert c.pagoda_status == c.linux_status and len(pagoda) == len(linux), \
        compare_runs.report(c) + "\n" + c.pagoda_stderr.decode() + c.linux_log
    diff = [(a, b) for a, b in zip(pagoda, linux) if a != b]
    assert all(d in LINUX_VERSION_DIFFERENCES.get(prog, []) for d in diff), \
        compare_runs.report(c) + "\n" + c.pagoda_stderr.decode() + c.linux_log


# Lines where Linux 6.1 (Debian 12's kernel, run by tools/run-linux) and
# the newer Linux of this machine differ, as (newer, 6.1), per program.
LINUX_VERSION_DIFFERENCES = {
    # sigreturn restores an SS_AUTODISARM stack's flags in 6.1; newer
    # kernels leave the flags the handler set (tests/linux/altstack.c's
    # handler sets the stack again, without SS_AUTODISARM).
    "altstack": [("after the handler: flags 0, size 65536",
                  "after the handler: flags 0x80000000, size 65536")],
    # mremap refuses a new length beyond TASK_SIZE before anything else
    # (EINVAL) in newer kernels (check_mremap_params); 6.1 got as far as
    # the RLIMIT_AS check (ENOMEM).
    "mremap_madvise": [("mremap huge new len: EINVAL", "mremap huge new len: ENOMEM")],
}
