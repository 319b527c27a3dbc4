"""The console terminal's input path: bytes sent to the serial port raise
IRQ 4, the line discipline echoes them and edits the line
(kernel/arch/x86_64/serial.c, kernel/fs/tty.c, kernel/fs/n_tty.c)."""

import os
import re
import select
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
from pagoda_qemu import make_iso, qemu_command  # noqa: E402


def read_until(p, marker, timeout):
    """Serial output until @marker appears (or the time is up)."""
    out = b""
    end = time.monotonic() + timeout
    while marker not in out and time.monotonic() < end:
        ready, _, _ = select.select([p.stdout], [], [], 0.2)
        if ready:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            out += chunk
    return out


def test_typed_input_is_echoed_and_edited():
    """Boot to the shell, type a line with an erased character and a
    control character, run it, then `exit`: init powers the machine off."""
    iso = make_iso("")
    p = subprocess.Popen(qemu_command(iso), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT)
    try:
        boot_out = read_until(p, b"$ ", 60)
        assert b"Welcome to Pagoda." in boot_out, boot_out.decode(errors="replace")
        assert boot_out.endswith(b"$ "), boot_out.decode(errors="replace")
        # "ab", DEL erases "b", then "c"; Ctrl-A echoes as ^A; Enter runs it.
        p.stdin.write(b"echo ab\x7fc\x01\r")
        p.stdin.flush()
        echo = read_until(p, b"$ ", 10)
        assert echo.startswith(b"echo ab\b \bc^A\r\n"), echo
        assert b"ac\x01\r\n" in echo, echo
        # ps finds every process through /proc: init, the shell and itself.
        p.stdin.write(b"ps\r")
        p.stdin.flush()
        ps = read_until(p, b"$ ", 10).decode(errors="replace")
        assert re.search(r"^\s+1 S\s+init\r$", ps, re.M), ps
        assert re.search(r"^\s+\d+ S\s+sh\r$", ps, re.M), ps
        assert re.search(r"^\s+\d+ R\s+ps\r$", ps, re.M), ps
        p.stdin.write(b"exit\r")
        p.stdin.flush()
        rest = read_until(p, b"Power down", 10)
        assert b"Power down" in rest, rest
        assert p.wait(timeout=10) == 33
    finally:
        p.kill()
        p.wait()
