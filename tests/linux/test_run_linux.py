"""tools/run-linux and tools/compare themselves: the initramfs they build,
the side-by-side marks, and that run-linux hands back the program's bytes
and exit status unchanged."""

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
import compare_runs  # noqa: E402
import linux_qemu  # noqa: E402

RUN_LINUX = os.path.join(ROOT, "tools", "run-linux")

# Bytes a terminal would change ("\n" to "\r\n", "\r" kept), no final
# newline, and an exit status that is neither 0 nor 1.
EXACT_SRC = r"""
#include <unistd.h>
int main(void)
{
	write(1, "one\ntwo\r\nthree", 14);
	return 7;
}
"""


def test_initramfs_holds_init_program_and_argv(tmp_path):
    prog = tmp_path / "prog"
    prog.write_bytes(b"\x7fELF not really")
    cpio = tmp_path / "initramfs.cpio"
    linux_qemu.make_initramfs(str(cpio), str(prog), ["./prog", "a b", ""])
    listing = subprocess.run(["cpio", "-itv", "--quiet"], stdin=open(cpio, "rb"),
                             capture_output=True, text=True, check=True).stdout
    names = {line.split()[-1]: line.split()[0] for line in listing.splitlines()}
    assert names["dev/console"].startswith("c")
    assert names["init"].startswith("-rwx")
    assert names["bin/prog"].startswith("-rwx")
    out = tmp_path / "x"
    out.mkdir()
    subprocess.run(["cpio", "-id", "--quiet", "etc/init.argv", "bin/prog"],
                   stdin=open(cpio, "rb"), cwd=out, check=True)
    assert (out / "etc" / "init.argv").read_bytes() == b"./prog\0a b\0\0"
    assert (out / "bin" / "prog").read_bytes() == prog.read_bytes()


def test_side_by_side_marks():
    text = compare_runs.side_by_side(["same", "left", "only left", "end"],
                                     ["same", "right", "end", "only right"], width=12)
    rows = text.splitlines()[2:]
    assert rows == ["same           same",
                    "left         | right",
                    "only left    <",
                    "end            end",
                    "             > only right"]


def test_run_linux_exact_bytes_and_status(tmp_path):
    src = tmp_path / "exact.c"
    src.write_text(EXACT_SRC)
    exe = tmp_path / "exact"
    subprocess.run(["gcc", "-static", "-O2", "-o", str(exe), str(src)], check=True)
    try:
        linux_qemu.ensure_kernel()
    except linux_qemu.LinuxUnavailable as e:
        pytest.skip(str(e))
    p = subprocess.run([RUN_LINUX, str(exe)], stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=120)
    assert p.stdout == b"one\ntwo\r\nthree", p.stderr.decode()
    assert p.returncode == 7, p.stderr.decode()
