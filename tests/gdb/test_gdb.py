"""GDB against QEMU's gdb stub, set up the way `make gdb` sets it up.

The GDB script starts from tools/gdbinit.tmpl (the file `make gdb` uses),
so a broken template fails here before it fails a student.
"""

import os
import re
import socket
import subprocess

from pagoda_qemu import EXIT_SUCCESS, KERNEL, ROOT, make_iso, qemu_command


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run_gdb(tmp_path, commands, cmdline="poweroff", timeout=60):
    """Boot halted under GDB, run @commands after the template; return
    (gdb output, QEMU exit status)."""
    port = free_port()
    iso = make_iso(cmdline)
    qemu = subprocess.Popen(qemu_command(iso, extra=["-S", "-gdb", f"tcp:127.0.0.1:{port}"]),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    with open(os.path.join(ROOT, "tools", "gdbinit.tmpl")) as f:
        init = f.read().replace("@GDBPORT@", str(port)).replace("@KERNEL@", KERNEL)
    script = tmp_path / "gdbinit"
    script.write_text(init + "\n" + commands + "\n")
    try:
        g = subprocess.run(["gdb", "-q", "-batch", "-nx", "-x", str(script)],
                           stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=timeout)
        out = g.stdout + g.stderr
        status = qemu.wait(timeout=timeout)
    finally:
        qemu.kill()
        qemu.wait()
    return out, status


def test_break_at_first_c_function(tmp_path):
    out, status = run_gdb(tmp_path, "\n".join([
        "continue",
        "info symbol $pc",
        "printf \"magic=%#x\\n\", magic",
        "printf \"loglevel=%d\\n\", console_loglevel",
        "list start_kernel",
        "continue",
    ]))
    assert "too long" not in out, out          # "Remote 'g' packet reply is too long"
    assert re.search(r"Breakpoint 1, start_kernel \(magic=", out), out
    assert re.search(r"^start_kernel in section \.text$", out, re.M), out
    assert "magic=0x36d76289" in out, out
    assert "loglevel=7" in out, out
    assert "arch_early_console_init();" in out, out   # source is shown
    assert status == EXIT_SUCCESS


def test_inspect_boot_info(tmp_path):
    out, status = run_gdb(tmp_path, "\n".join([
        "break print_memory_map",
        "continue",
        "continue",
        "printf \"ranges=%u\\n\", boot_info.nr_mem_ranges",
        "printf \"cmdline=%s\\n\", saved_command_line",
        "bt",
        "continue",
    ]))
    assert re.search(r"Breakpoint 2, print_memory_map", out), out
    m = re.search(r"ranges=(\d+)", out)
    assert m and int(m.group(1)) >= 3, out
    assert "cmdline=poweroff" in out, out
    assert re.search(r"#1 .*start_kernel", out), out
    assert status == EXIT_SUCCESS
