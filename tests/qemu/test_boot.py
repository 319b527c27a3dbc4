"""Boot tests: the kernel comes up, reports faults, and exits QEMU itself."""

import re

import pytest

from pagoda_qemu import EXIT_PANIC, EXIT_SUCCESS, boot


@pytest.fixture(scope="module")
def selftest_boot():
    """One boot with the self-tests in 128 MiB (QEMU's default here), read
    by every test below that needs it."""
    return boot("selftest")


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


@pytest.mark.parametrize("mem,mib", [("32M", 32), ("128M", 128), ("1G", 1024), ("4G", 4096),
                                     ("8G", 8192)])
def test_memory_sizes(mem, mib, selftest_boot):
    """Each RAM size: the right totals, and every memory self-test passes
    (the drain test hands out every free frame once, above 4 GiB too)."""
    b = selftest_boot if mem == "128M" else boot("selftest", mem=mem)
    assert b.status == EXIT_SUCCESS, b.output
    m = re.search(r"^RAM: (\d+)K usable \((\d+) MiB\)", b.output, re.M)
    assert m, b.output
    # Firmware keeps the 640 KiB - 1 MiB hole and a little at the top: usable
    # RAM is just under what QEMU was given.
    usable_kib = int(m.group(1))
    assert mib * 1024 - 1024 <= usable_kib < mib * 1024
    m = re.search(r"^Memory: (\d+)K/(\d+)K available \(\d+K kernel code, \d+K rodata, "
                  r"\d+K rwdata, (\d+)K reserved\)$", b.output, re.M)
    assert m, b.output
    available, total, reserved = map(int, m.groups())
    assert total == usable_kib
    # Reserved: the low 1 MiB, the kernel, boot data, the initramfs module
    # and mem_map (56 bytes per 4 KiB frame up to the top of RAM, PCI hole
    # included: under 2 % of RAM).
    modules_kib = sum((int(end, 16) + 1 - int(start, 16)) // 1024 for start, end in
                      re.findall(r"^Module: \[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\]", b.output, re.M))
    assert 1024 + modules_kib < reserved < 1024 + 1024 + modules_kib + total * 0.02
    assert available <= total - reserved
    for test in ("buddy", "buddy_drain", "paging", "slab"):
        assert f"selftest: {test} PASS" in b.output


def test_selftests_pass(selftest_boot):
    b = selftest_boot
    assert b.status == EXIT_SUCCESS, b.output
    assert "selftest: timer PASS" in b.output
    assert "selftest: kallsyms PASS" in b.output
    for test in ("initramfs", "namei", "procfs", "fdtable"):
        assert f"selftest: {test} PASS" in b.output
    assert re.search(r"^selftest: \d+ passed, 0 failed$", b.output, re.M)


def test_lock_checks_fire(selftest_boot):
    """The locking self-tests make each locking mistake once on purpose:
    each is reported in Linux's words, naming the lock and the caller
    (kallsyms), with a call trace; sleeping waiters and TLB flushes work."""
    b = selftest_boot
    assert b.status == EXIT_SUCCESS, b.output
    for test in ("lockdep", "sleeping_locks", "tlb_flush"):
        assert f"selftest: {test} PASS" in b.output
    out = b.output
    expected = re.findall(r"^selftest: expect a report: (.*)$", out, re.M)
    assert len(expected) == 6, out
    recursive = re.findall(r"^WARNING: possible recursive locking detected\n-+\n"
                           r"swapper/0 is trying to acquire lock:\n #0: \((\w+)\)\{\w+\}, "
                           r"at: lockdep_recursion\+0x[0-9a-f]+/0x[0-9a-f]+$", out, re.M)
    assert recursive == ["test_spinlock", "test_mutex", "test_rwsem"], out
    sleeping = re.findall(r"^BUG: sleeping function called from invalid context at "
                          r"kernel/locking/(\w+)\.c:\d+$", out, re.M)
    assert sleeping == ["mutex", "rwsem"], out
    assert re.search(r"^BUG: scheduling while atomic: swapper/0/0x00000001\n1 lock held by "
                     r"swapper/0:\n #0: \(test_spinlock\)", out, re.M), out
    # Each report ends with a symbolized call trace through the lock.
    # (the checker's own frames first, as in Linux's reports).
    sym = r" \w+\+0x[0-9a-f]+/0x[0-9a-f]+\n"
    assert re.search(rf"^Call Trace:\n(?:{sym})*? lock_acquire\+\S+\n(?:{sym})*?"
                     r" spin_lock\+\S+\n lockdep_recursion\+", out, re.M), out
    assert out.count("Call Trace:") == 6


def test_quiet_hides_info_messages():
    b = boot("quiet poweroff")
    assert b.status == EXIT_SUCCESS, b.output
    assert "Physical RAM map" not in b.output
    assert "Memory:" not in b.output


# Each deliberate fault: the first line of its report, and QEMU must exit at
# once with the panic status (no timeout) after a symbolized call trace.
FAULTS = {
    "page": [r"BUG: unable to handle page fault for address: ffffe90000000000",
             r"#PF: supervisor read access in kernel mode",
             r"#PF: error_code\(0x0000\) - not-present page", r"Oops: 0000 \[#1\]"],
    "write": [r"#PF: supervisor write access in kernel mode",
              r"#PF: error_code\(0x0002\) - not-present page"],
    "ud": [r"invalid opcode: 0000 \[#1\] \(vector 6\)"],
    "de": [r"divide error: 0000 \[#1\] \(vector 0\)"],
    "gp": [r"general protection fault: 0000 \[#1\] \(vector 13\)"],
    # The boot identity map is gone: address 0 is not mapped.
    "null": [r"BUG: unable to handle page fault for address: 0000000000000000",
             r"#PF: error_code\(0x0000\) - not-present page"],
    # W^X: kernel text is read-only, kernel data is not executable.
    "wx": [r"#PF: supervisor write access in kernel mode",
           r"#PF: error_code\(0x0003\) - permissions violation"],
}


def test_nx_kernel_data():
    b = boot("test_fault=nx", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    assert "#PF: supervisor instruction fetch in kernel mode" in b.output
    assert "#PF: error_code(0x0011) - permissions violation" in b.output


def test_smap_stops_kernel_reads_of_user_pages():
    """SMAP: copy_from_user (stac/clac) reaches a user page, a plain
    kernel read of it faults -- an oops, not demand paging."""
    b = boot("test_fault=smap", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    assert "paging: SMEP on, SMAP on" in b.output
    assert "test_fault: uaccess to a user page: ok" in b.output
    assert "BUG: unable to handle page fault for address: 0000000010000000" in b.output
    assert "#PF: supervisor read access in kernel mode" in b.output
    assert "#PF: error_code(0x0001) - permissions violation" in b.output


def test_smep_stops_kernel_running_user_code():
    b = boot("test_fault=smep", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    assert "test_fault: uaccess to a user page: ok" in b.output
    assert "#PF: supervisor instruction fetch in kernel mode" in b.output
    assert "#PF: error_code(0x0011) - permissions violation" in b.output
    assert "BUG: unable to handle page fault for address: 0000000010000000" in b.output


def test_stack_overflow_hits_guard_page():
    """The page below the boot stack is unmapped: overflowing the stack
    faults there, and the double fault is reported on its own stack."""
    b = boot("test_fault=stack", timeout=30)
    assert b.status == EXIT_PANIC, b.output
    assert "double fault: 0000 [#1] (vector 8)" in b.output
    assert re.search(r"^RIP: 0010:recurse_forever", b.output, re.M)


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
