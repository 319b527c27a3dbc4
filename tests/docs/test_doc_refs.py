"""The docs quote only what exists: tools/check-doc-refs.py on README.md,
docs/ and labs/, and on planted stale names, which it must report with
their file and line."""

import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CHECK = os.path.join(ROOT, "tools", "check-doc-refs.py")


def run_check(*files):
    p = subprocess.run([sys.executable, CHECK, *map(str, files)], cwd=ROOT,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout.splitlines()


def test_docs_quote_only_what_exists():
    status, problems = run_check()
    assert status == 0 and problems == [], "stale references in the docs:\n" + \
        "\n".join(problems)


# What is planted after a copy of a real doc, and what the check must say
# about each line (None: nothing, the reference is good).
PLANTED = [
    ("The allocator is `kernel/mm/page_alloc.c`, `alloc_pages()`.", None),
    ("`make qemu`, `make lecture L=l3-malloc-brk`, `make grade LAB=brk`.", None),
    ("A fault reaches `handle_mm_fault` (`break __do_sys_brk` too).", None),
    ("Linux's `mm_mt` and glibc's `arena_get` and `arena_lock` are not ours.", None),
    ("Files: `kernel/mm/no_such_file.c`.", "no file `kernel/mm/no_such_file.c`"),
    ("Build it with `make no-such-target`.", "no make target `no-such-target`"),
    ("Then `walk_stale_level()` runs.", "function `walk_stale_level` is not defined"),
    ("In GDB: `break walk_stale_level`.", "function `walk_stale_level` is not defined"),
    ("`kernel/arch/x86_64/entry.asm: entry_SYSCALL_64` saves the registers.",
     "`entry_SYSCALL_64` is not defined in `kernel/arch/x86_64/entry.asm`"),
    ("It reads `mm->stale_field_name`.", "`stale_field_name` is not in the code"),
    ("Walk the tree `mm_mt`.", "`mm_mt` is not in the code"),
    ("Run `make lecture L=l9-nothing`.", "no lecture `docs/lectures/l9-nothing.gdb`"),
    ("`entry_SYSCALL_64` (`entry.asm`) saves them.",
     "`entry_SYSCALL_64` is defined in kernel/arch/x86_64/entry_syscall.asm, not in `entry.asm`"),
    ("See [the map](no-such-doc.md).", "the link to `no-such-doc.md` leads nowhere"),
]


def test_planted_stale_names_are_reported(tmp_path):
    doc = tmp_path / "memory.md"
    shutil.copy(os.path.join(ROOT, "docs", "memory.md"), doc)
    with open(doc) as f:
        first = len(f.read().splitlines()) + 1
    with open(doc, "a") as f:
        f.write("\n".join(text for text, _ in PLANTED) + "\n")
    status, problems = run_check(doc)
    expected = [f"{doc}:{first + i}: {msg}" for i, (_, msg) in enumerate(PLANTED) if msg]
    assert status == 1
    # the copy's own lines are test_docs_quote_only_what_exists's business
    planted = [p for p in problems if int(p.split(":")[1]) >= first]
    assert planted == expected


def test_code_blocks_are_not_checked(tmp_path):
    doc = tmp_path / "blocks.md"
    doc.write_text("Text.\n\n```c\nx = `walk_stale_level()`;\n```\n\n"
                   "    $ make `no-such-target`\n\nAnd `walk_stale_level()` here.\n")
    status, problems = run_check(doc)
    assert status == 1
    assert problems == [f"{doc}:9: function `walk_stale_level` is not defined"]


def test_external_names_list_is_read(tmp_path):
    # docs/external-names.txt lists Linux's `dentry`; nothing else marks it here
    doc = tmp_path / "list.md"
    doc.write_text("A `dentry` is a name; `build/linux/vmlinuz` is downloaded.\n")
    assert run_check(doc) == (0, [])
