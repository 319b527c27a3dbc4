"""Boot tests: the kernel comes up, reports faults, and exits QEMU itself."""

import re

import pytest

from pagoda_qemu import EXIT_PANIC, EXIT_SUCCESS, boot


def test_boot_summary():
    b = boot("poweroff")
    assert b.status == EXIT_SUCCESS, b.output
    out = b.output
    assert re.search(r"^Pagoda version \S+ \(gcc", out, re.M)
    assert "Command line: poweroff" in out
    assert "Boot loader: GRUB" in out
    assert "Physical RAM map (from Multiboot2):" in out
    assert re.search(r"\[mem 0x0000000000100000-0x[0-9a-f]{16}\] usable", out)
    assert "Timer: 100 Hz" in out
    assert out.rstrip().endswith("reboot: Power down")


@pytest.mark.parametrize("mem,mib", [("32M", 31), ("128M", 127), ("1G", 1023)])
def test_usable_memory_reported(mem, mib):
    b = boot("poweroff", mem=mem)
    assert b.status == EXIT_SUCCESS, b.output
    m = re.search(r"^Memory: (\d+)K usable RAM \((\d+) MiB\)", b.output, re.M)
    assert m, b.output
    # QEMU keeps the top 128 KiB below 4 GiB and the VGA hole reserved:
    # usable RAM is just under the size asked for.
    assert int(m.group(2)) in (mib - 1, mib)


def test_selftests_pass():
    b = boot("selftest")
    assert b.status == EXIT_SUCCESS, b.output
    assert "selftest: timer PASS" in b.output
    assert "selftest: kallsyms PASS" in b.output
    assert re.search(r"^selftest: \d+ passed, 0 failed$", b.output, re.M)


def test_quiet_hides_info_messages():
    b = boot("quiet poweroff")
    assert b.status == EXIT_SUCCESS, b.output
    assert "Physical RAM map" not in b.output
    assert "Memory:" not in b.output


# Each deliberate fault: the first line of its report, and QEMU must exit at
# once with the panic status (no timeout) after a symbolized call trace.
FAULTS = {
    "page": [r"BUG: unable to handle page fault for address: ffffc90000000000",
             r"#PF: supervisor read access in kernel mode",
             r"#PF: error_code\(0x0000\) - not-present page", r"Oops: 0000 \[#1\]"],
    "write": [r"#PF: supervisor write access in kernel mode",
              r"#PF: error_code\(0x0002\) - not-present page"],
    "ud": [r"invalid opcode: 0000 \[#1\] \(vector 6\)"],
    "de": [r"divide error: 0000 \[#1\] \(vector 0\)"],
    "gp": [r"general protection fault: 0000 \[#1\] \(vector 13\)"],
}


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_fault_report(kind):
    b = boot(f"test_fault={kind}", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    for pattern in FAULTS[kind]:
        assert re.search(pattern, b.output), (pattern, b.output)
    assert re.search(r"^RIP: 0010:trigger_fault\+0x[0-9a-f]+/0x[0-9a-f]+$", b.output, re.M)
    assert re.search(r"^RAX: [0-9a-f]{16} RBX: [0-9a-f]{16} RCX: [0-9a-f]{16}$", b.output, re.M)
    trace = b.output.split("Call Trace:\n", 1)[1]
    names = re.findall(r"^ (\w+)\+0x", trace, re.M)
    assert names[:3] == ["trigger_fault", "run_boot_tests", "start_kernel"], trace
    assert "Kernel panic - not syncing: Fatal exception" in b.output


@pytest.mark.parametrize("kind,message", [("bug", r"BUG_ON\(fault_divisor == 0\) failed"),
                                          ("panic", r"test_fault=panic")])
def test_panic_report(kind, message):
    b = boot(f"test_fault={kind}", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    assert re.search(r"Kernel panic - not syncing: " + message, b.output)
    assert re.search(r"^  at kernel/init/boot_tests\.c:\d+$", b.output, re.M)
    trace = b.output.split("Call Trace:\n", 1)[1]
    assert re.findall(r"^ (\w+)\+0x", trace, re.M)[:2] == ["panic_at", "trigger_fault"]
