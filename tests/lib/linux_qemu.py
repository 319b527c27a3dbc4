"""Run a static x86-64 program under Debian's Linux kernel, in the same QEMU
as Pagoda (tools/run-linux, tools/compare, tests/linux, make bench).

The kernel is Debian's linux-image-*-cloud-amd64 (the package that the
metapackage linux-image-cloud-amd64 depends on), downloaded with
`apt-get download` on first use and kept as build/linux/vmlinuz. The
initramfs is Pagoda's (build/initramfs.cpio) with /init replaced by
tools/linux-init.c (built with gcc -static), plus the program as
/bin/NAME, its argv in /etc/init.argv and the files, environment and
standard input of tests/lib/run_options.py, as tools/run-elf gives them
to Pagoda. QEMU's first serial port (ttyS0) carries the program's output
(and its input from a terminal), the second (ttyS1) the kernel's console
and /init's "init: exited with status 0x..." line.
"""

import fcntl
import glob
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import run_options

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CACHE = os.path.join(ROOT, "build", "linux")
VMLINUZ = os.path.join(CACHE, "vmlinuz")
INIT_SRC = os.path.join(ROOT, "tools", "linux-init.c")
INIT = os.path.join(CACHE, "init")
PAGODA_INITRAMFS = os.path.join(ROOT, "build", "initramfs.cpio")
METAPACKAGE = "linux-image-cloud-amd64"

QEMU = "qemu-system-x86_64"
# The kernel's console on ttyS1; no messages below warnings; reboot at
# once on a panic (QEMU's -no-reboot turns that into an exit). no5lvl:
# -cpu max offers 5-level paging (LA57), with which Linux gives user space
# 56 address bits instead of 47 (a MAP_FIXED mapping ending above
# 0x800000000000 succeeds); Pagoda, like most x86-64 machines, has 4 levels.
CMDLINE = "console=ttyS1 quiet panic=-1 no5lvl"

EXIT_TIMEOUT = 124
EXIT_NO_STATUS = 125


class LinuxUnavailable(Exception):
    """The kernel is not cached and cannot be downloaded here."""


def _apt(args, cwd):
    return subprocess.run(["apt-get", "-q", *args], cwd=cwd, capture_output=True, text=True)


def _download(package, cwd):
    """apt-get download @package into @cwd, after an apt-get update if the
    package lists do not know it yet. Returns the .deb's path."""
    p = _apt(["download", package], cwd)
    if p.returncode != 0 and os.geteuid() == 0:
        _apt(["update"], cwd)
        p = _apt(["download", package], cwd)
    debs = glob.glob(os.path.join(cwd, package + "_*.deb"))
    if p.returncode != 0 or not debs:
        hint = ("" if os.geteuid() == 0 else
                " (the package lists may need `apt-get update`, which needs root:"
                " run this tool once as root)")
        raise LinuxUnavailable(f"cannot download {package}{hint}:\n{p.stderr.strip()}")
    return debs[0]


def ensure_kernel(log=sys.stderr):
    """The path of Debian's cloud kernel image, downloading it on first use."""
    if os.path.exists(VMLINUZ):
        return VMLINUZ
    os.makedirs(CACHE, exist_ok=True)
    # One download at a time (tests run in parallel): the others wait here
    # and then find the kernel.
    with open(os.path.join(CACHE, ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(VMLINUZ):
            fetch_kernel(log)
    return VMLINUZ


def fetch_kernel(log):
    """Download and unpack the kernel package into build/linux/vmlinuz."""
    print(f"run-linux: fetching Debian's {METAPACKAGE} kernel into {CACHE} (once)", file=log)
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        os.chmod(tmp, 0o755)    # apt's download user must be able to write there
        meta = _download(METAPACKAGE, tmp)
        depends = subprocess.run(["dpkg-deb", "-f", meta, "Depends"], capture_output=True,
                                 text=True, check=True).stdout
        m = re.search(r"(linux-image-[0-9][^\s,(]*-cloud-amd64)", depends)
        if not m:
            raise LinuxUnavailable(f"{METAPACKAGE} names no kernel package: {depends!r}")
        deb = _download(m.group(1), tmp)
        tree = os.path.join(tmp, "x")
        subprocess.run(["dpkg-deb", "-x", deb, tree], check=True)
        images = glob.glob(os.path.join(tree, "boot", "vmlinuz-*"))
        if not images:
            raise LinuxUnavailable(f"{os.path.basename(deb)} holds no /boot/vmlinuz-*")
        with open(os.path.join(CACHE, "version"), "w") as f:
            f.write(os.path.basename(images[0])[len("vmlinuz-"):] + "\n")
        shutil.copy(images[0], VMLINUZ + ".tmp")
        os.replace(VMLINUZ + ".tmp", VMLINUZ)


def kernel_version():
    """The cached kernel's release, e.g. "6.1.0-56-cloud-amd64"."""
    try:
        with open(os.path.join(CACHE, "version")) as f:
            return f.read().strip()
    except OSError:
        return "unknown"


def ensure_init():
    """build/linux/init, built from tools/linux-init.c when that is newer."""
    if not os.path.exists(INIT) or os.path.getmtime(INIT) < os.path.getmtime(INIT_SRC):
        os.makedirs(CACHE, exist_ok=True)
        # Per process: tests in parallel may build it at once.
        tmp = f"{INIT}.{os.getpid()}.tmp"
        subprocess.run(["gcc", "-static", "-O2", "-Wall", "-o", tmp, INIT_SRC], check=True)
        os.replace(tmp, INIT)
    return INIT


def _cpio_entry(name, mode, data=b"", rdev=(0, 0), ino=1):
    """One "newc" cpio header and body (cpio(5), New ASCII Format)."""
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name) + 1, 0]
    hdr = b"070701" + b"".join(b"%08X" % v for v in fields)
    out = hdr + name.encode() + b"\0"
    out += b"\0" * (-len(out) % 4) + data
    return out + b"\0" * (-len(out) % 4)


def read_cpio(path):
    """The entries of a "newc" cpio archive: {name: (mode, data, rdev)}."""
    entries = {}
    with open(path, "rb") as f:
        buf = f.read()
    pos = 0
    while pos + 110 <= len(buf) and buf[pos:pos + 6] == b"070701":
        fields = [int(buf[pos + 6 + 8 * i:pos + 14 + 8 * i], 16) for i in range(13)]
        mode, size, namesize = fields[1], fields[6], fields[11]
        name = buf[pos + 110:pos + 110 + namesize - 1].decode()
        pos += 110 + namesize
        pos += -pos % 4
        data = buf[pos:pos + size]
        pos += size
        pos += -pos % 4
        if name == "TRAILER!!!":
            break
        entries[name] = (mode, data, (fields[9], fields[10]))
    return entries


def write_cpio(path, entries):
    """Write @entries ({name: (mode, data, rdev)}) to @path as an
    uncompressed "newc" archive, parents before children, as a kernel
    unpacks in order."""
    entries = dict(entries)
    entries.pop(".", None)
    with open(path, "wb") as f:
        for ino, name in enumerate(sorted(entries), 1):
            mode, data, rdev = entries[name]
            f.write(_cpio_entry(name, mode, data, rdev, ino))
        f.write(_cpio_entry("TRAILER!!!", 0, ino=0))


def make_initramfs(path, prog, argv, guest=None):
    """Write an uncompressed cpio archive to @path: Pagoda's initramfs
    (build/initramfs.cpio: /bin, /etc, ... as run-elf gives them) with this
    /init instead of Pagoda's, the program as /bin/NAME, its argv in
    /etc/init.argv, @guest's files, environment and standard input
    (tests/lib/run_options.py), and /dev/console so that the kernel can
    give /init its first descriptors. Written here, so no root is needed
    for the device node."""
    entries = read_cpio(PAGODA_INITRAMFS) if os.path.exists(PAGODA_INITRAMFS) else {}
    if guest is not None:
        entries.update(run_options.initramfs_entries(guest))
    with open(ensure_init(), "rb") as f:
        entries["init"] = (stat.S_IFREG | 0o755, f.read(), (0, 0))
    with open(prog, "rb") as f:
        entries["bin/" + os.path.basename(prog)] = (stat.S_IFREG | 0o755, f.read(), (0, 0))
    entries["etc/init.argv"] = (stat.S_IFREG | 0o644,
                                b"".join(a.encode() + b"\0" for a in argv), (0, 0))
    for d, perm in (("bin", 0o755), ("etc", 0o755), ("dev", 0o755), ("proc", 0o555)):
        entries.setdefault(d, (stat.S_IFDIR | perm, b"", (0, 0)))
    entries["dev/console"] = (stat.S_IFCHR | 0o600, b"", (5, 1))
    write_cpio(path, entries)


def qemu_command(initrd, mem, log, cmdline=""):
    """QEMU as tools/run-elf starts it for Pagoda, with Linux instead of GRUB;
    @cmdline is added to the kernel's command line."""
    return [QEMU, "-machine", "pc", "-cpu", "max", "-m", mem, "-no-reboot",
            "-kernel", VMLINUZ, "-initrd", initrd, "-append", f"{CMDLINE} {cmdline}".strip(),
            "-display", "none", "-monitor", "none",
            "-chardev", "stdio,id=con,signal=off", "-serial", "chardev:con",
            "-serial", f"file:{log}"]


@dataclass
class Run:
    status: int                 # the program's exit status (128+N: signal N), or 124/125
    stdout: bytes               # everything it wrote on ttyS0
    log: str                    # the kernel's console (ttyS1)
    first_output: float         # seconds from QEMU's start to the first byte, or None
    seconds: float              # QEMU's whole run


def exit_status(log):
    """The program's exit status from /init's "init: exited" line (the
    same line and meaning as Pagoda's kernel prints)."""
    m = re.search(r"init: exited with status (0x[0-9a-f]+|0)\b", log)
    if not m:
        return None
    status = int(m.group(1), 16)
    if status & 0x7f:
        return 128 + (status & 0x7f)
    return (status >> 8) & 0xff


def _collect(proc, start, timeout, sink):
    """Read QEMU's stdout until it exits or @timeout seconds after @start
    pass. Returns (bytes, seconds from @start to the first byte or None,
    timed out?)."""
    fd = proc.stdout.fileno()
    os.set_blocking(fd, False)
    deadline, first, out = start + timeout, None, bytearray()
    while True:
        if time.monotonic() > deadline:
            return bytes(out), first, True
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            if proc.poll() is None:
                time.sleep(0.005)
                continue
            chunk = b""
        if not chunk:
            return bytes(out), first, False
        if first is None:
            first = time.monotonic() - start
        out += chunk
        if sink:
            sink.write(chunk)
            sink.flush()


def run(prog, args=(), timeout=60, mem="256M", stdin=None, sink=None, argv0=None, guest=None):
    """Boot Linux with @prog as /init's child and wait for it to end.

    @sink, if given, is a binary stream that gets the program's output as
    it comes; @stdin is a file that QEMU's serial port reads (or None for
    no input); @guest (run_options.Guest) adds files, environment, working
    directory and the program's standard input as bytes, in which case
    the serial port gets no input. Raises LinuxUnavailable when the
    kernel cannot be had."""
    ensure_kernel()
    argv = [argv0 or prog, *args]
    if guest is not None and guest.stdin is not None:
        stdin = None
    with tempfile.TemporaryDirectory() as tmp:
        initrd = os.path.join(tmp, "initramfs.cpio")
        make_initramfs(initrd, prog, argv, guest)
        log_path = os.path.join(tmp, "console.log")
        start = time.monotonic()
        cmdline = guest.cmdline() if guest is not None else ""
        proc = subprocess.Popen(qemu_command(initrd, mem, log_path, cmdline),
                                stdin=stdin if stdin is not None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        out, first, timed_out = _collect(proc, start, timeout, sink)
        if timed_out:
            proc.kill()
        proc.wait()
        seconds = time.monotonic() - start
        with open(log_path, errors="replace") as f:
            log = f.read().replace("\r\n", "\n")
    if timed_out:
        status = EXIT_TIMEOUT
    else:
        status = exit_status(log)
        if status is None:
            status = EXIT_NO_STATUS
    return Run(status, out, log, first, seconds)
