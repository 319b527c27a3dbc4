"""User symbols follow the process GDB stops in (tools/gdb/pagoda.py).

The default /init forks and execs /bin/sh, then waits. Stopped in init's
wait4, the symbols are init's; after `user-syms sh` loads the wrong
program's on purpose, the next stop in init (a `stepi` in the kernel)
brings init's back, so the backtrace's user frames are init's own.
"""

import re

from pagoda_gdb import run_gdb

COMMANDS = r"""
delete
break __do_sys_wait4
continue
echo \n@@ first stop\n
user-syms
delete
user-syms sh
echo \n@@ after stepi\n
stepi
user-syms
bt
echo \n@@ end\n
kill
"""


def test_symbols_follow_the_current_process():
    run = run_gdb(COMMANDS, cmdline="", timeout=90)
    out = run.output
    first = out[out.index("@@ first stop"):out.index("@@ after stepi")]
    after = out[out.index("@@ after stepi"):out.index("@@ end")]
    assert "user symbols: build/user/init" in first, out
    assert "[pagoda] pid 1 (init) is running: symbols from build/user/init" in after, out
    assert "user symbols: build/user/init" in after, out
    assert re.search(r"^#\d+ .*\bmain \(.*\) at user/init\.c:\d+$", after, re.M), out
