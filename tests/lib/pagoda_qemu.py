"""Boot Pagoda in QEMU from tests and tools.

Every boot has a timeout, runs with QEMU's isa-debug-exit device, and
returns what the kernel printed on the serial port together with QEMU's
exit status (see kernel/arch/x86_64/include/asm/qemu.h):

    33  the kernel powered off normally (QEMU_EXIT_SUCCESS)
    35  kernel panic or fatal exception (QEMU_EXIT_PANIC)
    37  a kernel self-test failed (QEMU_EXIT_FAILURE)
"""

import hashlib
import os
import subprocess
import time
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(ROOT, "build")
KERNEL = os.path.join(BUILD, "kernel.elf")
INITRAMFS = os.path.join(BUILD, "initramfs.cpio")

EXIT_SUCCESS = 33
EXIT_PANIC = 35
EXIT_FAILURE = 37
EXIT_TIMEOUT = 124

QEMU = "qemu-system-x86_64"


def qemu_command(iso, mem="128M", extra=()):
    """The QEMU command line for a test boot of @iso."""
    return [QEMU, "-machine", "pc", "-cpu", "max", "-m", mem, "-no-reboot",
            "-boot", "d", "-cdrom", iso, "-display", "none",
            "-serial", "stdio", "-monitor", "none",
            "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", *extra]


def make_iso(cmdline, modules=None):
    """An ISO of the current kernel with @cmdline and the initramfs (or
    @modules), cached by content (tools/mkiso.sh's too)."""
    if modules is None:
        modules = [INITRAMFS] if os.path.exists(INITRAMFS) else []
    h = hashlib.sha1()
    with open(os.path.join(ROOT, "tools", "mkiso.sh"), "rb") as f:
        h.update(f.read())
    with open(KERNEL, "rb") as f:
        h.update(f.read())
    h.update(cmdline.encode())
    for m in modules:
        with open(m, "rb") as f:
            h.update(f.read())
    iso_dir = os.path.join(BUILD, "test-isos")
    os.makedirs(iso_dir, exist_ok=True)
    iso = os.path.join(iso_dir, h.hexdigest()[:16] + ".iso")
    if not os.path.exists(iso):
        # Per process: tests in parallel may make the same ISO at once.
        tmp = f"{iso}.{os.getpid()}.tmp"
        subprocess.run([os.path.join(ROOT, "tools", "mkiso.sh"), tmp, KERNEL, cmdline, *modules],
                       check=True)
        os.replace(tmp, iso)
    return iso


@dataclass
class Boot:
    status: int          # QEMU's exit status, or EXIT_TIMEOUT
    output: str          # the serial output, with "\r\n" turned into "\n"
    seconds: float       # wall time from starting QEMU to its exit

    def lines(self):
        return self.output.splitlines()


def boot(cmdline, mem="128M", timeout=60, extra=()):
    """Boot the kernel with @cmdline and wait for QEMU to exit."""
    iso = make_iso(cmdline)
    start = time.monotonic()
    try:
        p = subprocess.run(qemu_command(iso, mem, extra), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        status, out = p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        status, out = EXIT_TIMEOUT, e.stdout or b""
    text = out.decode("utf-8", "replace").replace("\r\n", "\n")
    return Boot(status, text, time.monotonic() - start)


def time_to_first_line(cmdline="poweroff", marker="Pagoda version", timeout=30):
    """Seconds from starting QEMU until the kernel prints @marker."""
    iso = make_iso(cmdline)
    start = time.monotonic()
    p = subprocess.Popen(qemu_command(iso), stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen = b""
    try:
        while time.monotonic() - start < timeout:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
            if marker.encode() in seen:
                return time.monotonic() - start
        return None
    finally:
        p.kill()
        p.wait()
