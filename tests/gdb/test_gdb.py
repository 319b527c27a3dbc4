"""GDB against QEMU's gdb stub, set up the way `make gdb` sets it up."""

import re

from pagoda_gdb import run_gdb
from pagoda_qemu import EXIT_SUCCESS


def test_break_at_first_c_function():
    run = run_gdb("\n".join([
        "continue",
        "info symbol $pc",
        "printf \"magic=%#x\\n\", magic",
        "printf \"loglevel=%d\\n\", console_loglevel",
        "list start_kernel",
        "continue",
    ]))
    out = run.output
    assert "too long" not in out, out          # "Remote 'g' packet reply is too long"
    assert re.search(r"Breakpoint 1, start_kernel \(magic=", out), out
    assert re.search(r"^start_kernel in section \.text$", out, re.M), out
    assert "magic=0x36d76289" in out, out
    assert "loglevel=7" in out, out
    assert "arch_early_console_init();" in out, out   # source is shown
    assert run.status == EXIT_SUCCESS


def test_inspect_boot_info():
    run = run_gdb("\n".join([
        "break print_memory_map",
        "continue",
        "continue",
        "printf \"ranges=%u\\n\", boot_info.nr_mem_ranges",
        "printf \"cmdline=%s\\n\", saved_command_line",
        "bt",
        "continue",
    ]))
    out = run.output
    assert re.search(r"Breakpoint 2, print_memory_map", out), out
    m = re.search(r"ranges=(\d+)", out)
    assert m and int(m.group(1)) >= 3, out
    assert "cmdline=poweroff" in out, out
    assert re.search(r"#1 .*start_kernel", out), out
    assert run.status == EXIT_SUCCESS
