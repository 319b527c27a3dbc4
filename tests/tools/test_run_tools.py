"""tools/run-elf, tools/run-linux and tools/compare: a piped standard input
read byte for byte to end-of-file, --file, -e and --cwd, a terminal that
stays the console, and one-line errors for bad arguments.

Every case runs under both tools, which must print the same bytes: the
program is Pagoda's /bin/cat (user/cat.c) or tests/tools/world.c built with
glibc. Linux runs are skipped when Debian's kernel cannot be had
(tests/lib/linux_qemu.py).
"""

import os
import pty
import re
import select
import subprocess
import sys
import time

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
import linux_qemu  # noqa: E402

OUT = os.path.join(ROOT, "build", "tool-tests")
CAT = os.path.join(ROOT, "build", "user", "cat")
TOOLS = ["run-elf", "run-linux"]

# A NUL, 0xff, a lone "\r" and no final newline. ("\r\n" is not here:
# run-elf turns the console's "\r\n" into "\n", as the terminal shows it.)
STDIN = b"one\ntwo\0\xff\rthree"


def tool(name):
    if name != "run-elf":
        try:
            linux_qemu.ensure_kernel()
        except linux_qemu.LinuxUnavailable as e:
            pytest.skip(str(e))
    return os.path.join(ROOT, "tools", name)


def world():
    """tests/tools/world.c built with glibc (gcc -static)."""
    os.makedirs(OUT, exist_ok=True)
    exe = os.path.join(OUT, "world")
    src = os.path.join(HERE, "world.c")
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", exe, src], check=True)
    return exe


def run(name, args, stdin=b"", cwd=None, timeout=120):
    return subprocess.run([tool(name), "--timeout", str(timeout), *args], input=stdin,
                          capture_output=True, cwd=cwd, timeout=timeout + 60)


@pytest.mark.parametrize("name", TOOLS)
def test_piped_stdin_through_cat(name):
    p = run(name, [CAT], STDIN)
    assert p.stdout == STDIN, p.stderr.decode(errors="replace")
    assert p.returncode == 0


@pytest.mark.parametrize("name", TOOLS)
def test_empty_stdin_is_end_of_file(name):
    p = run(name, [CAT], b"")
    assert (p.stdout, p.returncode) == (b"", 0), p.stderr.decode(errors="replace")


def world_case(tmp_path):
    """Options, argv and the exact output of world with files, environment,
    working directory and binary standard input."""
    data = tmp_path / "data.txt"
    data.write_bytes(b"line 1\nno newline")
    blob = tmp_path / "blob"
    blob.write_bytes(bytes(range(256)))
    opts = ["--cwd", "/work/dir", "-e", "FOO=a b=c", "-e", "HOME=/home", "-e", "EMPTY=",
            "--file", str(data), "--file", f"{blob}:/srv/blob.bin", "--file", f"{data}:sub/",
            "--file", f"{data}:../up.txt"]
    argv = ["-v", "FOO", "-v", "HOME", "-v", "TERM", "-v", "EMPTY", "-v", "NOPE",
            "-f", "data.txt", "-f", "/work/dir/sub/data.txt", "-f", "/work/up.txt",
            "-f", "/srv/blob.bin", "-f", "missing", "-i"]
    blob_text = "".join(chr(b) if 0x20 <= b < 0x7f and b != 0x5c else f"\\x{b:02x}"
                        for b in range(256))
    expected = ("cwd: /work/dir\n"
                "stdin is not a terminal\n"
                "FOO=a b=c\n"
                "HOME=/home\n"
                "TERM=linux\n"
                "EMPTY=\n"
                "NOPE unset\n"
                "data.txt: 17 bytes: line 1\\x0ano newline\n"
                "/work/dir/sub/data.txt: 17 bytes: line 1\\x0ano newline\n"
                "/work/up.txt: 17 bytes: line 1\\x0ano newline\n"
                f"/srv/blob.bin: 256 bytes: {blob_text}\n"
                "missing: No such file or directory\n"
                "stdin: 15 bytes: one\\x0atwo\\x00\\xff\\x0dthree\n")
    return opts, argv, expected


@pytest.mark.parametrize("name", TOOLS)
def test_files_environment_cwd_and_stdin(name, tmp_path):
    opts, argv, expected = world_case(tmp_path)
    log = tmp_path / "kernel.log"
    p = run(name, ["--log", str(log), *opts, world(), *argv], STDIN)
    assert p.stdout.decode() == expected, p.stderr.decode(errors="replace")
    assert p.returncode == 0
    if name == "run-elf":
        # The file behind fd 0 is closed with init's other files.
        text = log.read_text()
        m = re.search(r"init: (\d+) pages free, (\d+) when init started", text)
        assert m and m.group(1) == m.group(2), text
        m = re.search(r"init: (\d+) slab pages, (\d+) when init started; (-?\d+) slab "
                      r"objects more", text)
        assert m and m.group(1) == m.group(2) and m.group(3) == "0", text


def test_compare_with_the_options(tmp_path):
    tool("run-linux")
    opts, argv, expected = world_case(tmp_path)
    p = subprocess.run([os.path.join(ROOT, "tools", "compare"), "--timeout", "120", *opts,
                        world(), *argv], input=STDIN, capture_output=True, timeout=300)
    out = p.stdout.decode()
    assert p.returncode == 0, out + p.stderr.decode(errors="replace")
    assert "same: standard output and exit status match" in out
    assert "stdin: 15 bytes: one\\x0atwo\\x00\\xff\\x0dthree" in out


def read_until(fd, proc, marker, seen, timeout=120):
    """Read @fd into @seen (a bytearray) until it holds @marker."""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        assert time.monotonic() < deadline and proc.poll() is None, bytes(seen)
        ready, _, _ = select.select([fd], [], [], 1)
        if ready:
            seen += os.read(fd, 4096)


@pytest.mark.parametrize("name", TOOLS)
def test_terminal_stays_the_console(name):
    """With a terminal as the tool's standard input the program reads the
    console, line by line, as typed (and the console echoes it)."""
    master, slave = pty.openpty()
    p = subprocess.Popen([tool(name), "--timeout", "120", world(), "-i"], stdin=slave,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    os.close(slave)
    seen = bytearray()
    try:
        read_until(p.stdout.fileno(), p, b"stdin is a terminal\n", seen)
        os.write(master, b"typed\n")
        read_until(p.stdout.fileno(), p, b"typed\n", seen)
        os.write(master, b"\x04")       # VEOF: read() returns what the line holds, then 0
        rest, _ = p.communicate(timeout=120)
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        os.close(master)
    assert bytes(seen + rest) == (b"cwd: /\nstdin is a terminal\ntyped\n"
                                  b"stdin: 6 bytes: typed\\x0a\n")
    assert p.returncode == 0


BAD = [
    (["--file", "/no/such/file", "CAT"], "--file /no/such/file: no such file"),
    (["--file", "/no/such/file:/x", "CAT"], "--file /no/such/file:/x: /no/such/file: no such file"),
    (["--file", "ROOT", "CAT"], "--file ROOT: not a regular file"),
    (["-e", "NOEQUALS", "CAT"], "-e NOEQUALS: expected NAME=VALUE"),
    (["-e", "=value", "CAT"], "-e =value: expected NAME=VALUE"),
    (["--cwd", "a b", "CAT"], "--cwd 'a b': white space cannot be on the kernel command line"),
    (["--no-such-option", "CAT"], "unrecognized arguments: --no-such-option (see --help)"),
    (["--timeout", "soon", "CAT"], "argument --timeout: invalid float value: 'soon' (see --help)"),
    (["/no/such/program"], "/no/such/program: no such file"),
    (["ROOT"], "ROOT: not a regular file"),
    ([], "the following arguments are required: PROG, ARGS (see --help)"),
]


@pytest.mark.parametrize("name", TOOLS + ["compare"])
@pytest.mark.parametrize("args,message", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_argument_is_one_line_and_status_2(name, args, message):
    def subst(s):
        return s.replace("CAT", CAT).replace("ROOT", ROOT)
    p = subprocess.run([os.path.join(ROOT, "tools", name), *map(subst, args)],
                       stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2, p.stderr
    assert p.stderr == f"{name}: {subst(message)}\n"
    assert p.stdout == ""
