"""Run one program on Pagoda (tools/run-elf) and on Linux (tools/run-linux),
both in QEMU, and compare what they print and how they exit.

Used by tools/compare and by tests/linux.
"""

import dataclasses
import difflib
import os
import subprocess
import threading
from dataclasses import dataclass

import linux_qemu
import run_options

ROOT = linux_qemu.ROOT
RUN_ELF = os.path.join(ROOT, "tools", "run-elf")


@dataclass
class Comparison:
    pagoda_stdout: bytes
    pagoda_status: int
    linux_stdout: bytes
    linux_status: int
    pagoda_stderr: bytes         # run-elf's own messages (kernel report on a panic)
    linux_log: str               # Linux's console

    def same(self):
        return (self.pagoda_stdout == self.linux_stdout
                and self.pagoda_status == self.linux_status)


def run_both(prog, args=(), timeout=60, mem="256M", guest=None):
    """Run @prog with @args under both kernels at once (one QEMU each).
    @guest (run_options.Guest) gives both the same files, environment and
    working directory, and its standard input (empty when it has none:
    two programs cannot share one terminal)."""
    guest = guest or run_options.Guest()
    if guest.stdin is None:
        guest = dataclasses.replace(guest, stdin=b"")
    result = {}

    def pagoda():
        p = subprocess.run([RUN_ELF, "--timeout", str(timeout), "--mem", mem, *guest.options,
                            prog, *args], input=guest.stdin, capture_output=True)
        result["pagoda"] = p

    t = threading.Thread(target=pagoda)
    t.start()
    try:
        linux = linux_qemu.run(prog, args, timeout=timeout, mem=mem, guest=guest)
    finally:
        t.join()
    p = result["pagoda"]
    return Comparison(p.stdout, p.returncode, linux.stdout, linux.status, p.stderr, linux.log)


def _lines(data):
    return data.decode("utf-8", "replace").splitlines()


def side_by_side(a, b, width=60, names=("Pagoda", "Linux")):
    """Two columns of text lines @a and @b, aligned by difflib; the middle
    mark is " " for equal lines, "|" for changed ones, "<" for a line only
    on the left and ">" for one only on the right."""
    def cell(s):
        s = s.replace("\t", "    ")
        return s if len(s) <= width else s[:width - 1] + "…"

    rows = [f"{names[0]:<{width}}   {names[1]}", f"{'-' * width}   {'-' * width}"]
    sm = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            rows += [f"{cell(x):<{width}}   {cell(x)}".rstrip() for x in a[i1:i2]]
            continue
        left, right = a[i1:i2], b[j1:j2]
        for k in range(max(len(left), len(right))):
            x = left[k] if k < len(left) else None
            y = right[k] if k < len(right) else None
            mark = "|" if x is not None and y is not None else ("<" if y is None else ">")
            rows.append(f"{cell(x or ''):<{width}} {mark} {cell(y or '')}".rstrip())
    return "\n".join(rows)


def report(c, width=60):
    """The side-by-side text of a Comparison, with the exit statuses and a
    verdict line."""
    out = [side_by_side(_lines(c.pagoda_stdout), _lines(c.linux_stdout), width)]
    mark = " " if c.pagoda_status == c.linux_status else "|"
    out.append(f"{'exit status ' + str(c.pagoda_status):<{width}} {mark} "
               f"exit status {c.linux_status}")
    if c.same():
        out.append("same: standard output and exit status match")
    elif c.pagoda_status == c.linux_status and _lines(c.pagoda_stdout) == _lines(c.linux_stdout):
        out.append("different: the lines match but not the bytes (line endings?)")
    else:
        out.append("different")
    return "\n".join(out)
