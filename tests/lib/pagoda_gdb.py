"""GDB in batch mode against QEMU's gdb stub, set up as `make gdb` sets it up.

The script starts from tools/gdbinit.tmpl (the file `make gdb` uses), so a
broken template or tools/gdb/pagoda.py fails a test before it fails a
student. Used by tests/gdb/ and by `make lecture`.
"""

import os
import socket
import subprocess
import time
from dataclasses import dataclass

from pagoda_qemu import KERNEL, ROOT, make_iso, qemu_command

PAGODA_PY = os.path.join(ROOT, "tools", "gdb", "pagoda.py")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdbinit(port):
    """tools/gdbinit.tmpl filled in for @port."""
    with open(os.path.join(ROOT, "tools", "gdbinit.tmpl")) as f:
        return (f.read().replace("@GDBPORT@", str(port)).replace("@KERNEL@", KERNEL)
                .replace("@PAGODA_PY@", PAGODA_PY))


@dataclass
class GdbRun:
    output: str     # what GDB printed (stdout, then stderr)
    serial: str     # what the kernel printed on COM1
    status: int     # QEMU's exit status (None if it had to be killed)
    seconds: float  # wall time of the whole run


def run_gdb(commands, cmdline="poweroff", workdir=None, timeout=60):
    """Boot halted under GDB; run the template, then @commands (a string of
    GDB commands); wait for GDB and QEMU to end (QEMU is killed after
    @timeout seconds). Runs from @workdir (default: the repository), so
    scripts may name files relative to it."""
    port = free_port()
    iso = make_iso(cmdline)
    start = time.monotonic()
    qemu = subprocess.Popen(qemu_command(iso, extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"]),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    script = os.path.join(BUILD_TMP, f"gdbinit-{port}")
    os.makedirs(BUILD_TMP, exist_ok=True)
    with open(script, "w") as f:
        f.write(gdbinit(port) + "\n" + commands + "\n")
    try:
        try:
            g = subprocess.run(["gdb", "-q", "-batch", "-nx", "-x", script],
                               stdin=subprocess.DEVNULL, capture_output=True, text=True,
                               timeout=timeout, cwd=workdir or ROOT)
            out = g.stdout + g.stderr
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode(errors="replace") + \
                f"\n[GDB did not finish in {timeout} s]\n"
        try:
            status = qemu.wait(timeout=10)
        except subprocess.TimeoutExpired:
            status = None
    finally:
        qemu.kill()
        serial = qemu.communicate()[0].decode("utf-8", "replace").replace("\r\n", "\n")
        os.unlink(script)
    return GdbRun(out, serial, status, time.monotonic() - start)


BUILD_TMP = os.path.join(ROOT, "build", "gdb-runs")
