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
until the functions are written. No file of the tree quotes the solution:
a line of a marked function's body that no other source line holds is
cut to "..." where a lecture's GDB transcript shows it, and a quote
anywhere else stops the tree being written (solution_lines, cut_quotes).
`make lab LAB=NAME` and `make grade LAB=NAME` call this.

Each test names the labs it needs (`needs`): a kernel that boots a user
program needs pmm, pagetable and brk (demand paging), for example.
`tools/lab.py others NAME`, run in lab NAME's student tree, grades every
other lab's tests that do not need NAME; tests/labs checks they all pass.

Grading prints one line per test with its points, and for each point lost
the reason, led by the functions to look at (lead()): the test's own
output, a panic line, or a timeout naming what it waited for. Each test
also says which strings it matches (contract()); the lab's handout must
quote them all (tests/labs/test_handouts.py). PAGODA_GRADE_TIMEOUT
(seconds, default 60) sets the timeout of each test.
"""

import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "lib"))
from pagoda_make import locked as make_lock  # noqa: E402
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


def signature(lines, i):
    """The signature of the function whose body opens at @lines[@i] (a "{"
    in column 0): the lines above, back to a blank line, a comment's end or
    a function's end, as one line."""
    j = i
    while j > 0 and lines[j - 1].strip() and not lines[j - 1].rstrip().endswith("*/") and \
            not lines[j - 1].startswith("}"):
        j -= 1
    return " ".join("".join(lines[j:i]).split())


def function_name(sig):
    """The name a function with signature @sig has in C (and in __func__):
    SYSCALL_DEFINE1(brk, ...) defines __do_sys_brk."""
    m = re.match(r"SYSCALL_DEFINE\d\((\w+)", sig)
    if m:
        return "__do_sys_" + m.group(1)
    m = re.search(r"(\w+)\s*\(", sig)
    return m.group(1) if m else sig


def region_functions(lines):
    """The functions of a region's @lines: (name, body lines) each, the body
    being the lines between its "{" and "}" in column 0."""
    funcs, i = [], 0
    while i < len(lines):
        if lines[i].startswith("{"):
            name, start = function_name(signature(lines, i)), i + 1
            while i < len(lines) and not lines[i].startswith("}"):
                i += 1
            funcs.append((name, lines[start:i]))
        i += 1
    return funcs


def stub_region(lab, todo, lines):
    """The student's version of a marked region: a TODO comment, then the
    region with each function body (from a "{" to a "}" in column 0)
    replaced by one that only returns. Comments and signatures stay."""
    out = [f"/* TODO(lab {lab}): {todo}. See labs/{lab}.md. */\n"]
    i = 0
    while i < len(lines):
        out.append(lines[i])
        if lines[i].startswith("{"):
            ret = fallback_return(signature(lines, i))
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


def split_regions(text, lab):
    """@text's lines in two lists: those of lab @lab's regions, and the
    others (marker lines in neither)."""
    inside, outside, region = [], [], False
    for line in text.splitlines(keepends=True):
        b, e = BEGIN.match(line), END.match(line)
        if b or e:
            if (b or e).group(1) == lab:
                region = bool(b)
            continue
        (inside if region else outside).append(line)
    return inside, outside


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


def source_files(root):
    """The C, header and assembly files of the tree at @root."""
    files = []
    for top in ("kernel", "libc", "user", "include", "boot", "tests"):
        for d, _, names in os.walk(os.path.join(root, top)):
            files += [os.path.relpath(os.path.join(d, n), root) for n in names
                      if n.endswith((".c", ".h", ".asm", ".S"))]
    return sorted(files)


def marked_files(root, lab=None):
    """Files holding LAB markers (of @lab, or any)."""
    found = {}
    for path in source_files(root):
        with open(os.path.join(root, path), errors="replace") as f:
            for m in re.finditer(r"/\* LAB\((\w+)\) BEGIN", f.read()):
                found.setdefault(m.group(1), set()).add(path)
    return found if lab is None else found.get(lab, set())


def marked_functions(root, lab):
    """{name: file} of the functions lab @lab's student writes, in the
    order of their files and of the regions."""
    funcs = {}
    for path in sorted(marked_files(root, lab)):
        with open(os.path.join(root, path)) as f:
            inside, _ = split_regions(f.read(), lab)
        for name, _ in region_functions(inside):
            funcs[name] = path
    return funcs


# A line of a solution body shorter than this gives nothing away.
MIN_QUOTE = 10


def solution_lines(root, lab):
    """The lines of lab @lab's solution that its student tree must not
    show: each line of a marked function's body (without its indentation;
    not a comment, at least MIN_QUOTE characters) that is in no line of a
    source file outside the lab's regions, so that `return NULL;` or a
    line other code shares gives nothing away."""
    body, elsewhere = set(), []
    for path in source_files(root):
        with open(os.path.join(root, path), errors="replace") as f:
            inside, outside = split_regions(f.read(), lab)
        elsewhere += outside
        for _, lines in region_functions(inside):
            body.update(line.strip() for line in lines)
    elsewhere = "".join(elsewhere)
    return sorted(line for line in body
                  if len(line) >= MIN_QUOTE and not line.startswith(("/*", "*", "//")) and
                  line not in elsewhere)


def text_files(root):
    """Every text file of the tree at @root (but build/), relative paths."""
    files = []
    for d, dirs, names in os.walk(root):
        if d == root:
            dirs[:] = [x for x in dirs if x not in ("build", ".git")]
        for n in names:
            path = os.path.join(d, n)
            if os.path.islink(path):
                continue
            with open(path, "rb") as f:
                data = f.read()
            if b"\0" not in data:
                files.append(os.path.relpath(path, root))
    return sorted(files)


def quotes(root, lines):
    """(file, line number, text) of each line of a text file of @root that
    holds one of @lines."""
    found = []
    for path in text_files(root):
        with open(os.path.join(root, path), errors="replace") as f:
            for n, text in enumerate(f, 1):
                if any(q in text for q in lines):
                    found.append((path, n, text.rstrip("\n")))
    return found


def cut_quotes(root, lab, lines):
    """In the Markdown of @root, replace each quote of one of @lines (the
    solution of lab @lab) by "..." (the lectures' sign for output cut
    short): a lecture's GDB transcript shows the solution's source lines
    where it stops. A quote anywhere else stops the tree being made."""
    for path, _, _ in quotes(root, lines):
        if not path.endswith(".md"):
            continue
        full = os.path.join(root, path)
        with open(full) as f:
            text = f.read()
        for line in sorted(lines, key=len, reverse=True):
            text = text.replace(line, "...")
        with open(full, "w") as f:
            f.write(text)
    left = quotes(root, lines)
    if left:
        raise SystemExit(f"lab {lab}: the student tree would show the solution:\n" +
                         "".join(f"  {p}:{n}: {t.strip()}\n" for p, n, t in left))


def export_tree(out, worktree=False):
    """Copy the solution's files to @out: `git archive HEAD`, or with
    @worktree the files of the working tree git knows or would add."""
    if worktree:
        names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                "--exclude-standard"], cwd=ROOT, capture_output=True,
                               check=True).stdout.decode().split("\0")
        for name in filter(None, names):
            src = os.path.join(ROOT, name)
            if os.path.isfile(src):
                os.makedirs(os.path.dirname(os.path.join(out, name)), exist_ok=True)
                shutil.copy2(src, os.path.join(out, name), follow_symlinks=False)
        return
    with tempfile.TemporaryFile() as tar:
        subprocess.run(["git", "archive", "--format=tar", "HEAD"], cwd=ROOT, stdout=tar,
                       check=True)
        tar.seek(0)
        with tarfile.open(fileobj=tar) as t:
            t.extractall(out)


def make_student_tree(lab, out, reuse_build=True, worktree=False):
    """Write the student tree of @lab to @out: git archive HEAD (or the
    working tree), regions stubbed, markers of other labs removed, the
    lectures' quotes of the solution cut. With @reuse_build, the
    solution's build/ is copied first so that only what the lab changes
    is rebuilt."""
    if lab not in LABS:
        raise SystemExit(f"no lab {lab}; labs: {', '.join(sorted(LABS))}")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    export_tree(out, worktree)
    # git archive gives every file the commit's time, newer than the
    # solution's build: date the sources back so that make rebuilds only
    # what the lab changes (the stubbed files are written below, now).
    for d, _, names in os.walk(out):
        for n in names:
            os.utime(os.path.join(d, n), (86400, 86400), follow_symlinks=False)
    hidden = solution_lines(out, lab)
    if reuse_build and os.path.isdir(os.path.join(ROOT, "build")):
        # Under the tree's make lock, and without what tests write outside
        # make (tests run in parallel): no file comes or goes mid-copy.
        with make_lock(ROOT):
            shutil.copytree(os.path.join(ROOT, "build"), os.path.join(out, "build"),
                            symlinks=True,
                            ignore=shutil.ignore_patterns("lab-*", "test-isos", "gdb-runs",
                                                          "test-reports", "linux", "linux-tests",
                                                          "robust-tests", ".make-lock"))
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
    cut_quotes(out, lab, hidden)
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
    """One graded test: @got of @points, and for a point lost the @reason,
    led by the functions to look at (@look_at, see lead())."""

    def __init__(self, name, points, got, reason="", look_at=()):
        self.name, self.points, self.got, self.reason = name, points, got, reason
        self.look_at = list(look_at)


def run(cmd, root, timeout, what):
    """Run @cmd in @root; (status, output) or (None, reason) on a timeout."""
    try:
        p = subprocess.run(cmd, cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=timeout, env=BUILD_ENV)
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


def function_file(root, name, files):
    """Which of @files (in @root) defines function @name (at column 0, as
    STYLE.md has it; __do_sys_NAME by SYSCALL_DEFINE), or None."""
    syscall = name[len("__do_sys_"):] if name.startswith("__do_sys_") else None
    for path in files:
        try:
            with open(os.path.join(root, path)) as f:
                text = f.read()
        except OSError:
            continue
        if re.search(rf"^{re.escape(name)}\(", text, re.M) or \
                (syscall and re.search(rf"^SYSCALL_DEFINE\d\({re.escape(syscall)},", text, re.M)):
            return path
    return None


def lead(root, result, files):
    """The first line of a lost point's reason: the functions to look at.
    First those the output says are not written yet, then those of the
    test's list (@result.look_at) the output names (in a backtrace, a
    sanitizer's report, a failed check), then the rest of the list; each
    with its file, one of the lab's @files."""
    todo = re.findall(r"\blab \w+: (\w+)\(\) is not written yet \(([^)]*)\)", result.reason)
    named = [f for f in result.look_at if re.search(rf"\b{re.escape(f)}\b", result.reason)]
    funcs = {name: path for name, path in todo}
    for name in named + result.look_at:
        funcs.setdefault(name, function_file(root, name, files))
    if not funcs:
        return ""
    by_file = {}
    for name, path in funcs.items():
        by_file.setdefault(path, []).append(f"{name}()")
    return "look at " + "; ".join(", ".join(names) + (f" in {path}" if path else "")
                                  for path, names in by_file.items())


def regex_text(pattern):
    """A grader's regular expression as its handout quotes it: anchors
    dropped, `0x\\w+` and the like written "...", escapes undone."""
    text = re.sub(r"\\[wdS][+*]?|\.\*\??", "...", pattern.strip("^$"))
    return re.sub(r"\\(.)", r"\1", text)


# What a test of a user program in QEMU needs: the page-frame allocator,
# page tables, and demand paging (the brk lab's do_anonymous_page).
BOOT = ("pmm", "pagetable", "brk")


def source_line(root, path, n):
    """Line @n of the file @path in @root, without its indentation."""
    try:
        with open(os.path.join(root, path)) as f:
            return f.read().splitlines()[n - 1].strip()
    except (OSError, IndexError):
        return ""


CMOCKA_SUMMARY = re.compile(r"^(\[==========\]|\[  PASSED  \]|\[  FAILED  \]|\s*\d+ FAILED TEST)")


def cmocka_reason(text, root):
    """A failed cmocka test's output (@text), told for a student: the
    expected panics that did happen are "passed" (cmocka prints them as
    "Expected assertion ... occurred"), the check that failed is quoted
    from the test's source, an unexpected panic is named as one, and
    whatever else the test printed (a sanitizer's report, the kernel's
    log) follows, cut short."""
    passed, failed, other = [], [], []
    missing = error = ""
    for line in text.splitlines():
        m = re.match(r"^Expected assertion (.*) occurred$", line)
        if m:
            passed.append(f"passed: the expected panic \"{m.group(1)}\"")
            continue
        m = re.match(r"^Expected assert in (.*?)(\[  ERROR.*)?$", line)
        if m:
            missing, line = m.group(1), m.group(2) or ""
        m = re.match(r"^\[  ERROR   \] --- (.*?)(\[   LINE.*)?$", line)
        if m:
            error, line = m.group(1).strip(), m.group(2) or ""
        m = re.match(r"^\[   LINE   \] --- ([^:]+):(\d+): error: Failure!$", line)
        if m:
            path, n = m.group(1), int(m.group(2))
            if missing:
                failed.append(f"failed: {path}:{n}: {missing} did not panic, and it should")
            elif error.startswith("ASSERT: "):
                failed.append(f"failed: a panic no test expected: {error[len('ASSERT: '):]}"
                              f"\n  at {path}:{n}")
            else:
                code = source_line(root, path, n)
                failed.append(f"failed: {path}:{n}: {code}" +
                              (f"\n  {error}" if error and error not in code else ""))
            missing = error = ""
            continue
        if line.strip() and not CMOCKA_SUMMARY.match(line):
            other.append(line)
    return "\n".join(passed + failed + ([tail("\n".join(other))] if other else []))


class Cmocka:
    """A cmocka host-test binary: one point per test case. @look_at maps
    each test case, in the order the binary runs them, to the functions
    of the lab it tests."""

    def __init__(self, binary, look_at, points_each=1, needs=()):
        self.binary, self.look_at = binary, look_at
        self.points_each, self.needs = points_each, set(needs)

    def build_targets(self):
        return [self.binary]

    def source(self):
        return os.path.join("tests", "host", os.path.basename(self.binary) + ".c")

    def contract(self, root):
        """What the test's source matches: the messages of expected panics."""
        with open(os.path.join(root, self.source())) as f:
            return re.findall(r'strstr\(host_last_panic\(\), "([^"]+)"\)', f.read())

    def grade(self, root):
        status, out = run([os.path.join(root, self.binary)], root, TIMEOUT,
                          f"{self.binary} to finish")
        results = []
        names = re.findall(r"^\[ RUN      \] (\S+)", out, re.M)
        for name in names:
            look_at = self.look_at.get(name, ())
            if re.search(rf"^\[       OK \] {re.escape(name)}$", out, re.M):
                results.append(Result(name, self.points_each, self.points_each))
                continue
            m = re.search(rf"^\[ RUN      \] {re.escape(name)}\n(.*?)(?=^\[ RUN|\Z)", out,
                          re.M | re.S)
            text = m.group(1) if m else out
            reason = cmocka_reason(text, root)
            results.append(Result(name, self.points_each, 0,
                                  todo_lines(text, besides=reason) + reason, look_at))
        if status is None and results:
            results[-1].reason = out    # the timeout, in the test that took it
        if names:
            reason = (f"not run: {os.path.basename(self.binary)} stopped in {names[-1]} "
                      "(above)")
        else:
            reason = out if status is None else tail(out)
        for name in [n for n in self.look_at if n not in names]:
            results.append(Result(name, self.points_each, 0, reason, self.look_at[name]))
        if not results:
            results.append(Result(os.path.basename(self.binary), self.points_each, 0, reason))
        return results


class RunElf:
    """A user program booted as init with tools/run-elf; the output must
    match each regular expression of @expect, in order."""

    boots = {}

    def __init__(self, name, prog, expect, points=2, args=(), status=0, needs=(), look_at=()):
        self.name, self.prog, self.expect = name, prog, expect
        self.points, self.args, self.status = points, list(args), status
        self.needs = set(BOOT) | set(needs)
        self.look_at = list(look_at)

    def build_targets(self):
        return ["all", self.prog]

    def contract(self, root):
        """The lines the program must print, as its handout quotes them."""
        return [t for t in map(regex_text, self.expect) if re.search(r"[a-z]", t)]

    def grade(self, root):
        key = (root, self.prog, tuple(self.args))
        if key not in RunElf.boots:     # tests of one program share its boot
            # A log of its own (two labs may be graded at once in one
            # tree), kept as build/grade-PROG.log.
            fd, log = tempfile.mkstemp(prefix="grade-", suffix=".log",
                                       dir=os.path.join(root, "build"))
            os.close(fd)
            cmd = [os.path.join(root, "tools", "run-elf"), "--timeout", str(int(TIMEOUT)),
                   "--log", log, os.path.join(root, self.prog), *self.args]
            status, out = run(cmd, root, TIMEOUT + 30, f"{self.prog} to exit")
            kernel = open(log, errors="replace").read()
            os.replace(log, os.path.join(root, "build",
                                         f"grade-{os.path.basename(self.prog)}.log"))
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
                    reason = (f"expected a line \"{regex_text(pattern)}\" (\"...\": any text); "
                              "the program printed:\n" + tail(out, 20))
                    break
                pos = m.end()
            if not reason and status != self.status:
                reason = f"exit status {status}, expected {self.status}\n" + tail(out)
        if reason:
            # The kernel's backtrace names the function that panicked.
            trace = re.findall(r"\b(\w+)\+0x[0-9a-f]+/0x[0-9a-f]+$", kernel, re.M) if panic else []
            reason = todo_lines(kernel, out, besides=reason) + reason
            named = [f for f in self.look_at if f in trace]
            if named:
                reason += "\nin the kernel's backtrace: " + ", ".join(f + "()" for f in named)
        return [Result(self.name, self.points, 0 if reason else self.points, reason,
                       self.look_at)]


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

    def __init__(self, util_min=0.70, kops_min=500, look_at=()):
        self.util_min, self.kops_min = util_min, kops_min
        self.needs = {"malloc"}
        self.look_at = list(look_at)

    def build_targets(self):
        return ["build/malloc/mdriver-pagoda"]

    def contract(self, root):
        """The thresholds, as the handout gives them."""
        return [f"{self.util_min * 100:.0f} %", f"{self.kops_min} Kops/s"]

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
                results.append(Result(name, 2, 0, todo_lines(out, besides=tail(out)) + tail(out),
                                      self.look_at))
        util = sum(utils) / 13
        results.append(Result("utilization", 4, 4 if util >= self.util_min else 0,
                              f"mean utilization {util:.1%} < {self.util_min:.0%}", self.look_at))
        mean = sum(kops) / len(kops) if kops else 0
        results.append(Result("throughput", 4, 4 if len(kops) == 13 and mean >= self.kops_min
                              else 0, f"{mean:.0f} Kops/s < {self.kops_min} (or a trace failed)",
                              self.look_at))
        return results


class Lab:
    def __init__(self, files, tests):
        self.files, self.tests = files, tests


# The pmm lab's tests, and the functions each one tests.
PMM_TESTS = {
    "test_totals_from_memory_map": ["__free_one_page"],
    "test_every_frame_once": ["alloc_pages", "__rmqueue", "expand", "__free_pages"],
    "test_random_stress": ["alloc_pages", "__rmqueue", "expand", "__free_one_page",
                           "__free_pages"],
    "test_split_and_coalesce": ["expand", "__free_one_page"],
    "test_out_of_memory_returns_null": ["alloc_pages", "__rmqueue"],
    "test_refcount": ["__free_pages"],
    "test_allocated_block": ["alloc_pages"],
    "test_bad_frees_panic": ["__free_pages"],
    "test_zeroed_pages": ["alloc_pages"],
}

LABS = {
    "pmm": Lab(["kernel/mm/page_alloc.c"], [
        Cmocka("build/host/test_page_alloc", PMM_TESTS, needs=["pmm"]),
    ]),
    "pagetable": Lab(["kernel/arch/x86_64/pgtable.c"], [
        RunElf("boot-and-echo", "build/user/echo", [r"^hello, lab$"], args=["hello,", "lab"],
               look_at=["walk_pgtable", "map_pages", "map_large_pages"]),
        RunElf("mmap-demo", "build/user/mmap_demo",
               [r"its own VMA", r"touched 50 pages: VmRSS \+200 kB", r"munmap: VmRSS -200 kB"],
               needs=["mmap"], look_at=["walk_pgtable", "unmap_pages"]),
    ]),
    "brk": Lab(["kernel/mm/mmap.c", "kernel/mm/memory.c"], [
        RunElf("brk-grow", "build/user/brk_demo",
               [r"^1\. brk\(0\) returns the break: 0x\w+$",
                r"^2\. brk\(break \+ 64 KiB\) = 0x\w+ \(grew by 65536 bytes\)$"],
               look_at=["__do_sys_brk"]),
        RunElf("brk-touch-and-shrink", "build/user/brk_demo",
               [r"^3\. touched 16 pages: VmRSS \+64 kB, pgalloc_anon \+16$",
                r"^5\. brk\(1\) is below the heap: refused",
                r"^6\. brk\(start\) shrinks the heap back: 0x\w+, VmRSS -64 kB$"],
               needs=["mmap"],    # a shrink unmaps with do_munmap
               look_at=["do_anonymous_page", "__do_sys_brk"]),
        RunElf("malloc-uses-brk", "build/user/malloc_demo",
               [r"-> brk: the heap grew with sbrk", r"break: \+0 before, \+0x1000 after"],
               needs=["malloc", "mmap"],    # malloc_demo's malloc(200 KiB) mmaps
               look_at=["__do_sys_brk", "do_anonymous_page"]),
    ]),
    "mmap": Lab(["kernel/mm/mmap.c"], [
        RunElf("mmap-demo", "build/user/mmap_demo",
               [r"^2\. mmap\(200 KiB\) = 0x\w+, its own VMA:$", r"rw-p 00000000 00:00 0",
                r"^3\. touched 50 pages: VmRSS \+200 kB$",
                r"^4\. munmap: VmRSS -200 kB, the VMA is gone:$"], needs=["mmap"],
               look_at=["do_mmap", "do_munmap", "do_munmap_range"]),
        RunElf("malloc-uses-mmap", "build/user/malloc_demo",
               [r">= the mmap threshold 131072 -> mmap: a mapping of its own"],
               needs=["mmap", "malloc"], look_at=["do_mmap", "do_munmap"]),
    ]),
    "cow": Lab(["kernel/mm/memory.c"], [
        RunElf("fork-shares-pages", "build/user/cow_demo",
               [r"^2\. fork: the child maps the same 256 frames, read-only",
                r"^3\. the child reads them: no copies"], needs=["cow"],
               look_at=["copy_page_range"]),
        RunElf("write-copies-page", "build/user/cow_demo",
               [r"^4\. the child writes them: 256 copies \(cow_fault \+256\)",
                r"^5\. the parent's pages are unchanged",
                r"^6\. the parent writes them, the child gone: no copies"], needs=["cow"],
               look_at=["do_wp_page", "copy_page_range"]),
        RunElf("fork-test", "build/tests/libc/fork_test.pagoda", [r"\S"], needs=["cow"],
               look_at=["copy_page_range", "do_wp_page"]),
    ]),
    "malloc": Lab(["libc/malloc/int_malloc.c"], [Mdriver(look_at=["_int_malloc"])]),
}


def build(tests, root):
    """Build what @tests run; None, or the failed build's output."""
    targets = []
    for t in tests:
        targets += [x for x in t.build_targets() if x not in targets]
    with make_lock(root):       # two labs may be graded at once in one tree
        p = subprocess.run(["make", "--no-print-directory", "-s", *targets], cwd=root,
                           capture_output=True, text=True, env=BUILD_ENV)
    return None if p.returncode == 0 else tail(p.stdout + p.stderr, 30)


def run_tests(tests, root, files=()):
    """Grade @tests in @root, a line per test; (points got, points in all).
    A point lost is explained: the functions to look at (in @files), then
    why."""
    got = total = 0
    for test in tests:
        for r in test.grade(root):
            got += r.got
            total += r.points
            print(f"  {r.name:<28} {r.got}/{r.points}")
            if r.got < r.points:
                reason = (lead(root, r, files) + "\n" + r.reason).strip()
                print("    " + reason.replace("\n", "\n    "))
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
    got, total = run_tests(tests, root, LABS[lab].files)
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
        g, t = run_tests(tests, root, other.files)
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
