#!/usr/bin/python3
"""tools/lab.py - the labs: student trees from the solution, and grading.

    tools/lab.py make NAME [OUT]   write the student tree (default build/lab-NAME)
    tools/lab.py grade NAME        run lab NAME's tests here, print the score
    tools/lab.py others NAME       in NAME's student tree: grade the other
                                   labs' tests that do not need NAME
    tools/lab.py list              the labs

A lab is a set of regions of the solution tree between the comment lines

    /* LAB(NAME) BEGIN: what to implement */
    ... whole functions ...
    /* LAB(NAME) END */

The student tree is `git archive HEAD` with each region replaced by a TODO
comment (the BEGIN line's text) and, for every function in the region, the
same signature with a body that says so and returns (NULL, -ENOSYS, 0,
false or nothing): LAB_TODO(NAME) logs "lab NAME: FUNC() is not written
yet (FILE)" at its first call. The tree builds, and the lab's tests fail
until the functions are written. `make lab LAB=NAME` and `make grade
LAB=NAME` call this.

Each test names the labs it needs (`needs`): a kernel that boots a user
program needs pmm, pagetable and brk (demand paging), for example.
`tools/lab.py others NAME`, run in lab NAME's student tree, grades every
other lab's tests that do not need NAME; tests/labs checks they all pass.

Grading prints one line per test with its points, and for each point lost
the reason: the test's own output, a panic line, or a timeout naming what
it waited for. PAGODA_GRADE_TIMEOUT (seconds, default 60) sets the timeout
of each test.
"""

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TIMEOUT = float(os.environ.get("PAGODA_GRADE_TIMEOUT", "60"))

# Builds for grading never use -Werror (CI's WERROR=1): a student tree's
# stubbed functions leave their static helpers unused, which is a warning
# there, not a mistake.
BUILD_ENV = {k: v for k, v in os.environ.items() if k != "WERROR"}

BEGIN = re.compile(r"^\s*/\* LAB\((\w+)\) BEGIN: (.*?)\s*\*/\s*$")
END = re.compile(r"^\s*/\* LAB\((\w+)\) END \*/\s*$")

# ---------------------------------------------------------------- student trees


def fallback_return(signature):
    """What a stub of a function with this signature returns."""
    head = signature.split("(", 1)[0]
    if signature.startswith("SYSCALL_DEFINE"):
        return "return -ENOSYS;"
    words = head.replace("*", " * ").split()
    if "*" in words:
        return "return NULL;"
    if words[:1] == ["void"] or (len(words) >= 2 and words[-2] == "void"):
        return ""
    if "bool" in words:
        return "return false;"
    if ("int" in words or "long" in words) and "unsigned" not in words:
        return "return -ENOSYS;"
    return "return 0;"


def stub_region(lab, todo, lines):
    """The student's version of a marked region: a TODO comment, then the
    region with each function body (from a "{" to a "}" in column 0)
    replaced by one that only returns. Comments and signatures stay."""
    out = [f"/* TODO(lab {lab}): {todo}. See labs/{lab}.md. */\n"]
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].startswith("{"):
            # The signature: the lines above, back to a blank line or a comment's end.
            j = i
            while j > 0 and lines[j - 1].strip() and not lines[j - 1].rstrip().endswith("*/"):
                j -= 1
            ret = fallback_return(" ".join("".join(lines[j:i]).split()))
            out.append(f"\t/* TODO(lab {lab}) */\n")
            out.append(f"\tLAB_TODO(\"{lab}\");\n")
            if ret:
                out.append(f"\t{ret}\n")
            while i < len(lines) and not lines[i].startswith("}"):
                i += 1
            if i < len(lines):
                out.append(lines[i])
        i += 1
    return out


def strip_labs(text, lab):
    """@text with lab @lab's regions stubbed and every marker line removed."""
    lines = text.splitlines(keepends=True)
    out, region, todo = [], None, ""
    for line in lines:
        b, e = BEGIN.match(line), END.match(line)
        if b:
            if b.group(1) == lab:
                region, todo = [], b.group(2)
            continue
        if e:
            if e.group(1) == lab and region is not None:
                out.extend(stub_region(lab, todo, region))
                region = None
            continue
        (region if region is not None else out).append(line)
    if region is not None:
        raise SystemExit(f"lab {lab}: a BEGIN without its END")
    return "".join(out)


def marked_files(root, lab=None):
    """Files holding LAB markers (of @lab, or any)."""
    found = {}
    files = []
    for top in ("kernel", "libc", "user", "include"):
        for d, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.relpath(os.path.join(d, n), root) for n in names]
    for path in files:
        if not path.endswith((".c", ".h")):
            continue
        with open(os.path.join(root, path), errors="replace") as f:
            for m in re.finditer(r"/\* LAB\((\w+)\) BEGIN", f.read()):
                found.setdefault(m.group(1), set()).add(path)
    return found if lab is None else found.get(lab, set())


def make_student_tree(lab, out, reuse_build=True):
    """Write the student tree of @lab to @out: git archive HEAD, regions
    stubbed, markers of other labs removed. With @reuse_build, the
    solution's build/ is copied first so that only what the lab changes
    is rebuilt."""
    if lab not in LABS:
        raise SystemExit(f"no lab {lab}; labs: {', '.join(sorted(LABS))}")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    with tempfile.TemporaryFile() as tar:
        subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, stdout=tar,
                       check=True)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as t:
            t.extractall(out)
    # git archive gives every file the commit's time, newer than the
    # solution's build: date the sources back so that make rebuilds only
    # what the lab changes (the stubbed files are written below, now).
    for d, _, names in os.walk(out):
        for n in names:
            os.utime(os.path.join(d, n), (86400, 86400), follow_symlinks=False)
    if reuse_build and os.path.isdir(os.path.join(ROOT, "build")):
        shutil.copytree(os.path.join(ROOT, "build"), os.path.join(out, "build"), symlinks=True,
                        ignore=shutil.ignore_patterns("lab-*", "test-isos", "gdb-runs",
                                                      "pytest.xml"))
    marked = marked_files(out)
    for path in sorted(set().union(*marked.values()) if marked else []):
        full = os.path.join(out, path)
        with open(full) as f:
            text = f.read()
        new = text
        for other in re.findall(r"/\* LAB\((\w+)\) BEGIN", text):
            new = strip_labs(new, other) if other == lab else strip_markers(new, other)
        with open(full, "w") as f:
            f.write(new)
    # Mark the tree as a student tree (git archive leaves no .git).
    with open(os.path.join(out, ".pagoda-lab"), "w") as f:
        f.write(lab + "\n")
    return out


def strip_markers(text, lab):
    """@text without lab @lab's marker lines (its code stays)."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not ((BEGIN.match(line) or END.match(line)) and
                           f"LAB({lab})" in line))


# ---------------------------------------------------------------- tests


class Result:
    def __init__(self, name, points, got, reason=""):
        self.name, self.points, self.got, self.reason = name, points, got, reason


def run(cmd, root, timeout, what):
    """Run @cmd in @root; (status, output) or (None, reason) on a timeout."""
    try:
        p = subprocess.run(cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True, timeout=timeout, env=BUILD_ENV)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else (e.stdout or "")
        return None, f"timeout after {timeout:.0f} s waiting for {what}\n{out[-2000:]}"


def tail(text, n=12):
    lines = text.strip().splitlines()
    return "\n".join(lines[-n:])


TODO_LINE = re.compile(r"^.*\blab \w+: \w+\(\) is not written yet .*$", re.M)


def todo_lines(*texts, besides=""):
    """The "lab NAME: FUNC() is not written yet" lines of @texts, once each,
    but for those already in @besides (the part of the output shown)."""
    def found(text):
        return [m.group(0)[m.group(0).index("lab "):].strip()
                for m in TODO_LINE.finditer(text or "")]
    shown = found(besides)
    lines = []
    for text in texts:
        lines += [line for line in found(text) if line not in shown + lines]
    return "".join(line + "\n" for line in lines)


# What a test of a user program in QEMU needs: the page-frame allocator,
# page tables, and demand paging (the brk lab's do_anonymous_page).
BOOT = ("pmm", "pagetable", "brk")


class Cmocka:
    """A cmocka host-test binary: one point per test case."""

    def __init__(self, binary, points_each=1, needs=()):
        self.binary, self.points_each, self.needs = binary, points_each, set(needs)

    def build_targets(self):
        return [self.binary]

    def grade(self, root):
        status, out = run([os.path.join(root, self.binary)], root, TIMEOUT,
                          f"{self.binary} to finish")
        results = []
        names = re.findall(r"^\[ RUN      \] (\S+)", out, re.M)
        for name in names:
            ok = re.search(rf"^\[       OK \] {re.escape(name)}$", out, re.M)
            if ok:
                results.append(Result(name, self.points_each, self.points_each))
            else:
                m = re.search(rf"^\[ RUN      \] {re.escape(name)}\n(.*?)(?=^\[ RUN|\Z)", out,
                              re.M | re.S)
                text = m.group(1) if m else out
                results.append(Result(name, self.points_each, 0,
                                      todo_lines(text, besides=tail(text)) + tail(text)))
        if not names:
            results.append(Result(os.path.basename(self.binary), self.points_each, 0,
                                  tail(out) if status is not None else out))
        elif status is None:
            results[-1].reason = out
        return results


class RunElf:
    """A user program booted as init with tools/run-elf; the output must
    match each regular expression of @expect, in order."""

    boots = {}

    def __init__(self, name, prog, expect, points=2, args=(), status=0, needs=()):
        self.name, self.prog, self.expect = name, prog, expect
        self.points, self.args, self.status = points, list(args), status
        self.needs = set(BOOT) | set(needs)

    def build_targets(self):
        return ["all", self.prog]

    def grade(self, root):
        key = (root, self.prog, tuple(self.args))
        if key not in RunElf.boots:     # tests of one program share its boot
            log = os.path.join(root, "build", f"grade-{os.path.basename(self.prog)}.log")
            cmd = [os.path.join(root, "tools", "run-elf"), "--timeout", str(int(TIMEOUT)),
                   "--log", log, os.path.join(root, self.prog), *self.args]
            status, out = run(cmd, root, TIMEOUT + 30, f"{self.prog} to exit")
            kernel = open(log, errors="replace").read() if os.path.exists(log) else ""
            RunElf.boots[key] = status, out, kernel
        status, out, kernel = RunElf.boots[key]
        panic = re.search(r"^.*(Kernel panic|Oops|BUG).*$", kernel, re.M)
        reason = ""
        if status is None:
            reason = out
        elif status == 124:
            reason = f"timeout after {TIMEOUT:.0f} s waiting for {self.prog} to exit\n" + tail(out)
        elif status == 125 or panic:
            reason = "kernel panic: " + (panic.group(0) if panic else tail(kernel))
        else:
            pos = 0
            for pattern in self.expect:
                m = re.compile(pattern, re.M).search(out, pos)
                if not m:
                    reason = f"expected a line matching {pattern!r}; the program printed:\n" + \
                        tail(out, 20)
                    break
                pos = m.end()
            if not reason and status != self.status:
                reason = f"exit status {status}, expected {self.status}\n" + tail(out)
        if reason:
            reason = todo_lines(kernel, out, besides=reason) + reason
        return [Result(self.name, self.points, 0 if reason else self.points, reason)]


class Boots:
    """A student tree's kernel boots: it prints its banner, then runs a
    program or, when it cannot without lab @lab, names the function of
    the lab it stopped at."""

    def __init__(self, lab):
        self.lab, self.needs = lab, set()

    def build_targets(self):
        return ["all", "build/user/echo"]

    def grade(self, root):
        test = RunElf("kernel-boots", "build/user/echo", [r"^booted$"], args=["booted"])
        test.grade(root)
        _, out, kernel = RunElf.boots[(root, test.prog, tuple(test.args))]
        if not kernel.startswith("Pagoda version"):
            reason = "the kernel printed nothing (no \"Pagoda version\" line)\n" + tail(kernel)
        elif out.strip() == "booted" or f"lab {self.lab}: " in todo_lines(kernel, out):
            reason = ""
        else:
            reason = (f"neither did the program run nor did a function of lab {self.lab} "
                      "say it is not written yet\n" + tail(kernel))
        return [Result(f"boots ({self.lab} tree)", 1, 0 if reason else 1, reason)]


class Mdriver:
    """Pagoda's malloc on the malloc-lab traces (user/mdriver.c, native):
    correctness per trace, then utilization and throughput over all."""

    def __init__(self, util_min=0.70, kops_min=500):
        self.util_min, self.kops_min = util_min, kops_min
        self.needs = {"malloc"}

    def build_targets(self):
        return ["build/malloc/mdriver-pagoda"]

    def grade(self, root):
        traces = os.path.join(root, "tests", "data", "malloc-traces")
        results, utils, kops = [], [], []
        for name in sorted(f for f in os.listdir(traces) if f.endswith(".rep")):
            status, out = run([os.path.join(root, "build", "malloc", "mdriver-pagoda"), "-n", "1",
                               os.path.join(traces, name)], root, TIMEOUT, f"trace {name}")
            m = re.search(rf"^{re.escape(name)}\s+\d+\s+([\d.]+)%\s+\d+\s+\d+\s+(\d+)\s+ok$", out,
                          re.M)
            if status == 0 and m:
                utils.append(float(m.group(1)) / 100)
                kops.append(int(m.group(2)))
                results.append(Result(name, 2, 2))
            else:
                results.append(Result(name, 2, 0, todo_lines(out, besides=tail(out)) + tail(out)))
        util = sum(utils) / 13
        results.append(Result("utilization", 4, 4 if util >= self.util_min else 0,
                              f"mean utilization {util:.1%} < {self.util_min:.0%}"))
        mean = sum(kops) / len(kops) if kops else 0
        results.append(Result("throughput", 4, 4 if len(kops) == 13 and mean >= self.kops_min
                              else 0, f"{mean:.0f} Kops/s < {self.kops_min} (or a trace failed)"))
        return results


class Lab:
    def __init__(self, files, tests):
        self.files, self.tests = files, tests


LABS = {
    "pmm": Lab(["kernel/mm/page_alloc.c"], [Cmocka("build/host/test_page_alloc", needs=["pmm"])]),
    "pagetable": Lab(["kernel/arch/x86_64/pgtable.c"], [
        RunElf("boot-and-echo", "build/user/echo", [r"^hello, lab$"], args=["hello,", "lab"]),
        RunElf("mmap-demo", "build/user/mmap_demo",
               [r"its own VMA", r"touched 50 pages: VmRSS \+200 kB", r"munmap: VmRSS -200 kB"],
               needs=["mmap"]),
    ]),
    "brk": Lab(["kernel/mm/mmap.c", "kernel/mm/memory.c"], [
        RunElf("brk-grow", "build/user/brk_demo",
               [r"^1\. brk\(0\) returns the break: 0x\w+$",
                r"^2\. brk\(break \+ 64 KiB\) = 0x\w+ \(grew by 65536 bytes\)$"]),
        RunElf("brk-touch-and-shrink", "build/user/brk_demo",
               [r"^3\. touched 16 pages: VmRSS \+64 kB$",
                r"^5\. brk\(1\) is below the heap: refused",
                r"^6\. brk\(start\) shrinks the heap back: 0x\w+, VmRSS -64 kB$"],
               needs=["mmap"]),    # a shrink unmaps with do_munmap
        RunElf("malloc-uses-brk", "build/user/malloc_demo",
               [r"-> brk: the heap grew with sbrk", r"break: \+0 before, \+0x1000 after"],
               needs=["malloc", "mmap"]),    # malloc_demo's malloc(200 KiB) mmaps
    ]),
    "mmap": Lab(["kernel/mm/mmap.c"], [
        RunElf("mmap-demo", "build/user/mmap_demo",
               [r"^2\. mmap\(200 KiB\) = 0x\w+, its own VMA:$", r"rw-p 00000000 00:00 0",
                r"^3\. touched 50 pages: VmRSS \+200 kB$",
                r"^4\. munmap: VmRSS -200 kB, the VMA is gone:$"], needs=["mmap"]),
        RunElf("malloc-uses-mmap", "build/user/malloc_demo",
               [r">= the mmap threshold 131072 -> mmap: a mapping of its own"],
               needs=["mmap", "malloc"]),
    ]),
    "cow": Lab(["kernel/mm/memory.c"], [
        RunElf("fork-shares-pages", "build/user/cow_demo",
               [r"^2\. fork: the child maps the same 256 frames, read-only",
                r"^3\. the child reads them: no copies"], needs=["cow"]),
        RunElf("write-copies-page", "build/user/cow_demo",
               [r"^4\. the child writes them: 256 copies \(cow_fault \+256\)",
                r"^5\. the parent's pages are unchanged",
                r"^6\. the parent writes them, the child gone: no copies"], needs=["cow"]),
        RunElf("fork-test", "build/tests/libc/fork_test.pagoda", [r"\S"], needs=["cow"]),
    ]),
    "malloc": Lab(["libc/malloc/int_malloc.c"], [Mdriver()]),
}


def build(tests, root):
    """Build what @tests run; None, or the failed build's output."""
    targets = []
    for t in tests:
        targets += [x for x in t.build_targets() if x not in targets]
    p = subprocess.run(["make", "--no-print-directory", "-s", *targets], cwd=root,
                       capture_output=True, text=True, env=BUILD_ENV)
    return None if p.returncode == 0 else tail(p.stdout + p.stderr, 30)


def run_tests(tests, root):
    """Grade @tests in @root, a line per test; (points got, points in all)."""
    got = total = 0
    for test in tests:
        for r in test.grade(root):
            got += r.got
            total += r.points
            print(f"  {r.name:<28} {r.got}/{r.points}")
            if r.got < r.points and r.reason:
                print("    " + r.reason.strip().replace("\n", "\n    "))
    return got, total


def grade(lab, root):
    if lab not in LABS:
        raise SystemExit(f"no lab {lab}; labs: {', '.join(sorted(LABS))}")
    tests = LABS[lab].tests
    failed = build(tests, root)
    print(f"grade: lab {lab} in {root}")
    if failed:
        print("the build failed:\n" + failed)
        print("score: 0/1")
        return 1
    got, total = run_tests(tests, root)
    print(f"score: {got}/{total}")
    return 0 if got == total else 1


def others(lab, root):
    """Grade, in lab @lab's student tree @root, the other labs' tests that
    do not need @lab: they must pass there as in the solution."""
    if lab not in LABS:
        raise SystemExit(f"no lab {lab}; labs: {', '.join(sorted(LABS))}")
    print(f"the kernel of lab {lab}'s student tree boots:")
    failed = build([Boots(lab)], root)
    if failed:
        print("the build failed:\n" + failed)
        print("score: 0/1")
        return 1
    got, total = run_tests([Boots(lab)], root)
    for name, other in LABS.items():
        tests = [t for t in other.tests if name != lab and lab not in t.needs]
        if not tests:
            continue
        print(f"lab {name}, the tests that do not need lab {lab}:")
        failed = build(tests, root)
        if failed:
            print("the build failed:\n" + failed)
            print("score: 0/1")
            return 1
        g, t = run_tests(tests, root)
        got, total = got + g, total + t
    print(f"score: {got}/{total}")
    return 0 if got == total else 1


def main(argv):
    if len(argv) >= 2 and argv[0] == "make":
        out = argv[2] if len(argv) > 2 else os.path.join(ROOT, "build", f"lab-{argv[1]}")
        make_student_tree(argv[1], out)
        print(f"lab {argv[1]}: student tree in {out}; `make grade LAB={argv[1]}` there")
        return 0
    if len(argv) == 2 and argv[0] == "grade":
        return grade(argv[1], ROOT)
    if len(argv) == 2 and argv[0] == "others":
        return others(argv[1], ROOT)
    if argv == ["list"]:
        for name in sorted(LABS):
            print(f"{name:<10} labs/{name}.md  ({', '.join(LABS[name].files)})")
        return 0
    print(__doc__.split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
