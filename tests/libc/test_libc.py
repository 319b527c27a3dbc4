"""Pagoda's libc against glibc and musl, natively on this machine.

Every program in tests/libc/ is built three times (libc/libc.mk): with
Pagoda's libc, with glibc and with musl, all static. Pagoda speaks Linux's
system-call ABI, so all three run here; their standard output (and, where
noted, standard error) and exit status must be identical. Programs whose
output C leaves to the library are compared with glibc only, because Pagoda
follows glibc (error texts, "(nil)", brk, buffering details).
"""

import os
import pty
import shutil
import subprocess
import tempfile

import pytest
from pagoda_make import make

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.join(ROOT, "build", "tests", "libc")

# name: what to run and whom to compare with.
#   args:     arguments after argv[0] (argv[0] is the program's name)
#   musl:     compare with musl too (else glibc only)
#   stderr:   compare standard error as well (with glibc: musl's messages differ)
#   musl_args: arguments for the musl comparison, if different
#   input:    bytes for standard input (else it is empty)
PROGRAMS = {
    "hello": dict(),
    "args": dict(args=["one", "two words", ""]),
    "printf_torture": dict(),
    "printf_glibc": dict(musl=False),
    "strings": dict(),
    "errno_test": dict(stderr=True, musl_args=["--numbers"]),
    "brk_test": dict(musl=False),
    "fork_test": dict(),
    "buffering": dict(musl=False),
    "stdlib_test": dict(),
    "stdio_file": dict(args=["@TMP@"]),
    "signal_test": dict(),
    "syscalls": dict(args=["@TMP@"]),
    "exec_test": dict(),
    "dir_seek": dict(args=["@TMP@"]),
    "scanf_test": dict(),
    "misc_test": dict(args=["-a", "-b", "value", "-cfoo", "-x", "-ab", "--", "-c", "rest"],
                      stderr=True),
    "ctor_test": dict(),
    "stdin_test": dict(input=b"first\na line that is longer than fifteen\nthird\nXYZ" + b"rest " * 20),
    "assert_test": dict(stderr=True, musl=False),
}

ENV = {"PATH": "/usr/bin:/bin", "PAGODA_TEST": "hello from the environment", "LC_ALL": "C"}


@pytest.fixture(scope="module", autouse=True)
def built():
    """Build the test programs if `make test` has not (running pytest alone)."""
    make("libc-tests")


def run(name, variant, args, stdout=subprocess.PIPE):
    """Run NAME built against VARIANT with ARGS; return (stdout, stderr, status)."""
    with tempfile.TemporaryDirectory() as tmp:
        args = [a.replace("@TMP@", os.path.join(tmp, "scratch")) for a in args]
        p = subprocess.run([name] + args, executable=os.path.join(BIN, f"{name}.{variant}"),
                           input=PROGRAMS[name].get("input", b""), stdout=stdout,
                           stderr=subprocess.PIPE, env=ENV, timeout=20, cwd=tmp)
    return p.stdout, p.stderr, p.returncode


def compare(name, other, args):
    spec = PROGRAMS[name]
    mine = run(name, "pagoda", args)
    theirs = run(name, other, args)
    assert mine[0].decode().splitlines() == theirs[0].decode().splitlines()
    assert mine[2] == theirs[2], f"exit status {mine[2]} vs {other}'s {theirs[2]}"
    if spec.get("stderr") and other == "glibc":
        assert mine[1].decode().splitlines() == theirs[1].decode().splitlines()
    return mine


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_same_as_glibc(name):
    out = compare(name, "glibc", PROGRAMS[name].get("args", []))
    assert out[0] or out[1], "the program printed nothing"


@pytest.mark.parametrize("name", sorted(n for n, s in PROGRAMS.items() if s.get("musl", True)))
def test_same_as_musl(name):
    spec = PROGRAMS[name]
    compare(name, "musl", spec.get("musl_args", spec.get("args", [])))


def test_buffering_to_file():
    """stdout redirected to a regular file is fully buffered too."""
    outs = []
    for variant in ("pagoda", "glibc"):
        with tempfile.TemporaryFile() as f:
            _, _, status = run("buffering", variant, [], stdout=f)
            f.seek(0)
            outs.append((f.read(), status))
    assert outs[0] == outs[1]


def run_on_pty(variant):
    """Run the buffering program with stdout on a pseudo-terminal."""
    master, slave = pty.openpty()
    p = subprocess.Popen(["buffering"], executable=os.path.join(BIN, f"buffering.{variant}"),
                         stdout=slave, stderr=subprocess.DEVNULL, env=ENV)
    os.close(slave)
    data = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the program closed the terminal
            break
        if not chunk:
            break
        data += chunk
    os.close(master)
    return data, p.wait(timeout=20)


@pytest.mark.parametrize("other", ["glibc", "musl"])
def test_buffering_on_terminal(other):
    """On a terminal stdout is line-buffered: lines come out in program order."""
    mine = run_on_pty("pagoda")
    assert mine == run_on_pty(other)
    assert mine[0].index(b"1 printf with newline") < mine[0].index(b"2 write")


def test_buffering_on_pipe_order():
    """On a pipe, printf's text waits in the buffer until fflush or exit."""
    out = run("buffering", "pagoda", [])[0].decode().splitlines()
    assert out[0] == "2 write"
    assert out[-1] == "20 printf left for exit()"
    assert out.index("21 last write") < out.index("20 printf left for exit()")


def test_assert_message():
    """A failed assert prints glibc's message and ends with SIGABRT."""
    _, err, status = run("assert_test", "pagoda", [])
    assert err.decode().splitlines()[-1] == \
        "assert_test: tests/libc/assert_test.c:13: check: Assertion `x * 2 == 6' failed."
    assert status == -6


def test_one_syscall_instruction():
    """Only libc/arch/x86_64/syscall_arch.h may execute `syscall` (plus its restorer)."""
    hits = subprocess.run(["grep", "-rln", "syscall\"", os.path.join(ROOT, "libc")],
                          capture_output=True, text=True).stdout.split()
    assert [os.path.relpath(h, ROOT) for h in hits] == ["libc/arch/x86_64/syscall_arch.h"]


def test_no_system_libc_linked():
    """The Pagoda-built programs contain none of glibc's own symbols."""
    syms = subprocess.run(["nm", os.path.join(BIN, "hello.pagoda")], capture_output=True,
                          text=True, check=True).stdout
    assert "__libc_start_main" in syms
    assert "_IO_2_1_stdout_" not in syms and "__libc_setup_tls" not in syms


def test_startup_syscalls():
    """The whole system-call trace of hello: what a kernel must offer it.

    No call before main; stdio asks TCGETS once to choose stdout's
    buffering, writes the line, and exit ends with exit_group."""
    if not shutil.which("strace"):
        pytest.skip("strace is not installed")
    p = subprocess.run(["strace", "-qq", "-e", "trace=!execve", os.path.join(BIN, "hello.pagoda")],
                       capture_output=True, text=True, timeout=20)
    calls = [line.split("(")[0] for line in p.stderr.splitlines() if "(" in line]
    assert calls == ["ioctl", "write", "exit_group"], p.stderr
    assert "TCGETS" in p.stderr


def test_gdb_sees_the_malloc_path():
    """`break brk` stops on the way setenv -> malloc ... -> sbrk -> brk, every frame named.

    What lies between malloc and sbrk depends on the allocator linked."""
    if not shutil.which("gdb"):
        pytest.skip("gdb is not installed")
    p = subprocess.run(["gdb", "-q", "-batch", "-nx", "-ex", "break brk", "-ex", "run", "-ex", "bt",
                        "--args", os.path.join(BIN, "args.pagoda")],
                       capture_output=True, text=True, timeout=60, env=ENV, cwd=ROOT)
    frames = [line.split(" in ")[-1].split(" (")[0].split()[-1]
              for line in p.stdout.splitlines() if line.startswith("#")]
    assert frames[:2] == ["brk", "sbrk"], p.stdout
    assert frames[-2:] == ["setenv", "main"], p.stdout
    # malloc is an alias of __libc_malloc; GDB names the function.
    assert "__libc_malloc" in frames or "malloc" in frames, p.stdout
    assert "sysmalloc" in frames, p.stdout


def test_every_program_is_listed():
    """Each tests/libc/*.c takes part in the comparison."""
    here = os.path.dirname(os.path.abspath(__file__))
    sources = {f[:-2] for f in os.listdir(here) if f.endswith(".c")}
    assert sources == set(PROGRAMS)
