#!/usr/bin/python3
"""tools/check-doc-refs.py - check that what the docs quote still exists.

Usage: tools/check-doc-refs.py [FILE.md...]
       (default: README.md, docs/**/*.md, labs/*.md)

Every `inline code` span outside code blocks is read as one of:

  make TARGET [VAR=...]   TARGET is a target of the Makefile or of a .mk file
                          it includes (from `make -pq`); L=NAME names a
                          lecture docs/lectures/NAME.gdb, LAB=NAME a lab
                          labs/NAME.md
  break F, hbreak F       F is defined (as below)
  PATH, PATH:LINE         a file or directory of the tree (relative to the
                          root, to the document, or the tail of a tracked
                          path: `asm/ptrace.h`, `page_alloc.c`); under build/,
                          a file the Makefile makes, or one listed in
                          docs/external-names.txt; NAME, PROG, *, ... in a
                          path match any name
  PATH: F                 F is defined in PATH; so is F in "`F` (`PATH`)" and
                          "`F` in `PATH`" when F is defined somewhere
  F(), F(ARGS)            F is defined: a C function or function-like macro,
                          a system call (SYSCALL_DEFINEn), an assembly label,
                          a Python function or a GDB command
  NAME, a->b.c            each name is a token of the code (comments left
                          out) of kernel/, libc/, include/, user/, boot/,
                          tools/, tests/, the makefiles and linker.ld
Other spans (messages, shell lines, numbers, options) are not checked.
The target of a relative Markdown link, [text](path), must exist too.

Names of other projects that the docs quote on purpose are not looked up
in the tree. Mark them in the text with the owner's possessive right
before the span ("Linux's `mm_mt`", "glibc's `arena_get`"; the owners
are listed in OWNERS below), or list them in docs/external-names.txt.

Prints FILE:LINE: what is missing, for every stale reference, and exits 1
if there was one. tests/docs/test_doc_refs.py runs it in `make test`.
"""

import fnmatch
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTERNAL_LIST = "docs/external-names.txt"

# "OWNER's `name`" marks a name of another project.
OWNERS = ("linux", "glibc", "musl", "gdb", "qemu", "grub", "gcc", "posix", "cmocka", "python")
# The owner, perhaps with a version ("Linux 6.1's"), then perhaps the spans
# before this one in a list: "glibc's `system()` and `popen()`".
OWNER_RE = re.compile(r"\b(?:%s)(?: [\w.]+)?'s\s*(?:`[^`\n]*`\s*(?:,|and|or)\s*)*$"
                      % "|".join(OWNERS), re.I)

SOURCE_DIRS = ("kernel", "libc", "include", "user", "boot", "tools", "tests")
SOURCE_FILES = ("Makefile", "linker.ld")
# Not sources of names: this checker and its test, which quote stale names.
NOT_SOURCES = ("tools/check-doc-refs.py", "tests/docs/")
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
PATH_EXTS = (".c", ".h", ".asm", ".S", ".py", ".md", ".sh", ".gdb", ".mk", ".ld",
             ".txt", ".syms", ".rep", ".tmpl", ".iso", ".elf", ".cpio", ".a", ".o", ".log")
PLACEHOLDER = re.compile(r"^(?:[A-Z][A-Z0-9_]*|\.\.\.|<\w+>|\*)$")


def git_files():
    out = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [f for f in out.splitlines() if os.path.exists(os.path.join(ROOT, f))]


def strip_comments(path, text):
    """The code of a source file without its comments (strings are kept)."""
    if path.endswith((".c", ".h", ".S", ".ld")) or path == "linker.ld":
        text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
        return re.sub(r"//[^\n]*", " ", text)
    if path.endswith(".asm"):
        return re.sub(r";[^\n]*", " ", text)
    if path.endswith((".py", ".sh", ".mk", ".gdb", ".tmpl")) or path == "Makefile" \
            or "/" not in path or text.startswith("#!"):
        return re.sub(r"(?m)(^|\s)#(?!define|include|if|endif|else|undef|pragma)[^\n]*", " ", text)
    return text


class Tree:
    """What the tree defines: files, code tokens, definitions, make targets."""

    def __init__(self):
        self.files = git_files()
        self.paths = set(self.files)
        for f in self.files:
            d = os.path.dirname(f)
            while d:
                self.paths.add(d)
                d = os.path.dirname(d)
        self.tokens = set()
        self.defs = {}  # name -> set of files defining it
        for f in self.files:
            if f.split("/")[0] not in SOURCE_DIRS and f not in SOURCE_FILES or \
                    f.startswith(NOT_SOURCES):
                continue
            if not f.endswith((".c", ".h", ".asm", ".S", ".py", ".sh", ".mk", ".gdb", ".tmpl",
                               ".ld", ".syms")) and f not in SOURCE_FILES and "." in \
                    os.path.basename(f):
                continue
            try:
                with open(os.path.join(ROOT, f), encoding="utf-8") as fh:
                    text = fh.read()
            except (UnicodeDecodeError, OSError):
                continue
            code = strip_comments(f, text)
            self.tokens.update(re.findall(r"[A-Za-z_][\w-]*", code))
            self.tokens.update(re.findall(IDENT, code))
            for name in self.definitions(f, code):
                self.defs.setdefault(name, set()).add(f)
        self.targets, self.make_files, self.patterns = self.make_database()
        # a program or file is named by its file name too: `brk_demo`
        for f in self.files + sorted(self.make_files):
            self.tokens.add(os.path.basename(f).split(".")[0])
        self.basenames = {os.path.basename(f) for f in self.make_files}

    @staticmethod
    def definitions(path, code):
        names = set()
        if path.endswith((".c", ".h", ".S")):
            # a function at column 0 (STYLE.md: return type on its own line),
            # or after its return type on the same line; a body follows
            # (a prototype ends with ';' first)
            for m in re.finditer(r"(?m)^(?:[A-Za-z_][\w \t\*]*?[\s\*])?(%s)\s*\(" % IDENT, code):
                end = re.compile(r"[;{]").search(code, m.end())
                if end and end.group(0) == "{":
                    names.add(m.group(1))
            names.update(re.findall(r"(?m)^\s*#\s*define\s+(%s)" % IDENT, code))
            # another name for a function: malloc for __libc_malloc
            names.update(re.findall(r"(%s)\s*\([^;{]*?\)\s*__attribute__\s*\(\(\s*alias"
                                    % IDENT, code))
            for m in re.finditer(r"\bSYSCALL_DEFINE\d\((%s)" % IDENT, code):
                n = m.group(1)
                names.update({n, "sys_" + n, "__x64_sys_" + n, "__do_sys_" + n})
        elif path.endswith(".asm"):
            names.update(re.findall(r"(?m)^\s*(%s):" % IDENT, code))
            names.update(re.findall(r"(?m)^\s*(?:global|%%macro)\s+(%s)" % IDENT, code))
        elif path.endswith(".py") or re.match(r"#!\S*python", code):
            names.update(re.findall(r"(?m)^\s*def\s+(%s)" % IDENT, code))
            # GDB commands: super().__init__("name", gdb.COMMAND_...)
            names.update(re.findall(r"__init__\(\s*\"([\w-]+)\"", code))
        elif path.endswith(".sh"):
            names.update(re.findall(r"(?m)^(%s)\(\)" % IDENT, code))
        elif path.endswith((".gdb", ".tmpl")):
            names.update(re.findall(r"(?m)^define\s+([\w-]+)", code))
        return names

    @staticmethod
    def make_database():
        out = subprocess.run(["make", "-pqr", "FORCE"], cwd=ROOT, capture_output=True,
                             text=True).stdout
        targets, files, patterns = set(), set(), []
        not_target = False
        for line in out.splitlines():
            if line.startswith("# Not a target"):
                not_target = True
                continue
            m = re.match(r"^([^#\s:=][^:=]*?)::?(?!=)(?:\s|$)", line)
            if m:
                for name in m.group(1).split():
                    if "%" in name:
                        patterns.append(re.compile(
                            "^" + re.escape(name).replace("%", ".+") + "$"))
                    else:
                        files.add(name)
                        if not not_target:
                            targets.add(name)
            not_target = False
        return targets, files, patterns

    def made_by_make(self, path):
        path = path.rstrip("/")
        if path in self.make_files or any(p.match(path) for p in self.patterns):
            return True
        # a directory the build writes into
        return any(f.startswith(path + "/") for f in self.make_files)

    def path_exists(self, path, docdir):
        clean = path.rstrip("/")
        if not clean or clean == "build":
            return True
        if clean.startswith("build/"):
            return self.made_by_make(clean) or self.glob_made(clean)
        for cand in (clean, os.path.normpath(os.path.join(docdir, clean))):
            if cand in self.paths:
                return True
        if any(p == clean or p.endswith("/" + clean) for p in self.paths):
            return True
        if clean in self.basenames:  # `libc.a`: a file the build makes
            return True
        return self.glob_exists(clean, docdir)

    @staticmethod
    def placeholder_glob(path):
        parts = []
        for part in path.split("/"):
            stem, dot, ext = part.partition(".")
            stem = re.sub(r"[A-Z][A-Z0-9_]{2,}|\.\.\.|<\w+>", "*", stem)
            parts.append(stem + dot + ext)
        return "/".join(parts)

    def glob_exists(self, path, docdir):
        pattern = self.placeholder_glob(path)
        if pattern == path and "*" not in path:
            return False
        for base in (ROOT, os.path.join(ROOT, docdir)):
            if glob.glob(os.path.join(base, pattern)):
                return True
        return any(fnmatch.fnmatch(p, "*/" + pattern) for p in self.paths)

    def glob_made(self, path):
        pattern = self.placeholder_glob(path)
        if pattern == path:
            return False
        rx = re.compile("^" + re.escape(pattern).replace(r"\*", "[^/]+") + "$")
        return any(rx.match(f) for f in self.make_files) or \
            any(p.match(pattern.replace("*", "x")) for p in self.patterns)


def is_external(name, external):
    """@name is listed, or lies under a listed directory (an entry ending in /)."""
    return name in external or any(
        (e.endswith("/") and name.startswith(e)) or ("*" in e and fnmatch.fnmatch(name, e))
        for e in external)


def read_external():
    names = set()
    path = os.path.join(ROOT, EXTERNAL_LIST)
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.split("#", 1)[0].strip()
                names.update(line.split())
    return names


def prose(text):
    """@text with its fenced and indented code blocks blanked out (lines kept)."""
    lines = text.split("\n")
    keep = []
    fence = None
    prev_blank = True
    for line in lines:
        stripped = line.lstrip()
        if fence:
            keep.append("")
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            keep.append("")
            continue
        if (line.startswith("    ") or line.startswith("\t")) and prev_blank:
            keep.append("")  # an indented block: commands and output
            continue
        prev_blank = line.strip() == ""
        keep.append(line)
    return "\n".join(keep)


def code_spans(text):
    """(line number, the text before the span, span) of every inline code
    span outside code blocks."""
    body = prose(text)
    i = 0
    while True:
        m = re.compile(r"`+").search(body, i)
        if not m:
            break
        ticks = m.group(0)
        end = re.compile(r"(?<!`)%s(?!`)" % ticks).search(body, m.end())
        if not end or "\n\n" in body[m.end():end.start()]:
            i = m.end()
            continue
        span = re.sub(r"\s+", " ", body[m.end():end.start()]).strip()
        lineno = body.count("\n", 0, m.start()) + 1
        before = body[max(0, m.start() - 300):m.start()]
        yield lineno, before, span
        i = end.end()


def placed_names(text):
    """(line number, F, PATH) of every "`F` (`PATH`)" and "`F` in `PATH`"
    whose PATH is a source file, unless F is marked as another project's."""
    body = prose(text)
    rx = r"`(%s)(?:\(\))?` (?:\(|in )`([\w/.-]+\.(?:c|h|asm|py))`" % IDENT
    for m in re.finditer(rx, body):
        if not OWNER_RE.search(body[max(0, m.start() - 300):m.start()]):
            yield body.count("\n", 0, m.start()) + 1, m.group(1), m.group(2)


def links(text):
    """(line number, target) of every relative Markdown link."""
    for lineno, line in enumerate(prose(text).split("\n"), 1):
        for m in re.finditer(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", line):
            if not re.match(r"[a-z]+:", m.group(1)):
                yield lineno, m.group(1)


class Checker:
    def __init__(self, tree, external):
        self.tree = tree
        self.external = external

    def defined(self, name, in_file=None):
        if is_external(name, self.external):
            return True
        where = self.tree.defs.get(name, set())
        if in_file:
            return any(f == in_file or f.endswith("/" + in_file) for f in where)
        return bool(where)

    def check(self, span, docdir):
        """The problems of one span: a list of strings."""
        words = span.split()
        if not words:
            return []
        if words[0] == "make":
            return self.check_make(words[1:])
        if words[0] in ("break", "hbreak", "b", "tbreak") and len(words) == 2:
            name = words[1]
            if PLACEHOLDER.match(name):
                return []
            if re.fullmatch(IDENT, name) and not self.defined(name):
                return [f"function `{name}` is not defined"]
            return []
        m = re.fullmatch(r"([\w./-]+/[\w.-]*|[\w-]+\.[a-z]+):\s*(%s)(?:\(\))?" % IDENT, span)
        if m:
            path, name = m.group(1), m.group(2)
            if PLACEHOLDER.match(path) or PLACEHOLDER.match(name):
                return []
            if not self.tree.path_exists(path, docdir):
                return [f"no file `{path}`"]
            if not self.defined(name, path):
                return [f"`{name}` is not defined in `{path}`"]
            return []
        m = re.fullmatch(r"(%s)\((.*)\)" % IDENT, span)
        if m:
            name = m.group(1)
            if self.defined(name):
                return []
            if not re.search("[a-z]", name):  # LAB(name), AT(...) in linker.ld: a word
                return self.check_names(name)
            return [f"function `{name}` is not defined"]
        if len(words) > 1:
            if words[0].startswith(("tools/", "build/")):
                return self.check_path(words[0], docdir)
            if words[0] == "struct" and len(words) == 2:
                return self.check_names(words[1])
            return []
        token = words[0]
        if is_external(token, self.external):
            return []
        if token.startswith(("/", "http", "-", "$", "%", "#", ".")) or "=" in token or \
                token.endswith("."):
            return []  # a path inside Pagoda, a URL, an option, a file type, a sentence
        if "/" in token or token.endswith(PATH_EXTS):
            return self.check_path(token, docdir)
        return self.check_names(token)

    def check_make(self, args):
        problems = []
        for a in args:
            if a.startswith("-"):
                continue
            if "=" in a:
                var, _, val = a.partition("=")
                if PLACEHOLDER.match(val) or val == "name" or not val:
                    continue
                if var == "L" and not os.path.exists(
                        os.path.join(ROOT, "docs/lectures", val + ".gdb")):
                    problems.append(f"no lecture `docs/lectures/{val}.gdb`")
                if var == "LAB" and not os.path.exists(os.path.join(ROOT, "labs", val + ".md")):
                    problems.append(f"no lab `labs/{val}.md`")
                continue
            if PLACEHOLDER.match(a) or a == "name" or not re.fullmatch(r"[\w./-]+", a):
                continue
            if a not in self.tree.targets and not self.tree.made_by_make(a):
                problems.append(f"no make target `{a}`")
        return problems

    def check_path(self, token, docdir):
        path = re.sub(r":\d+$", "", token)  # file:LINE
        if is_external(path, self.external) or PLACEHOLDER.match(path):
            return []
        if not re.fullmatch(r"[\w./*<>+-]+", path):
            return []
        if self.tree.path_exists(path, docdir):
            return []
        parts = path.split("/")
        if not path.endswith("/") and parts[0] not in self.tree.paths and \
                all(re.fullmatch(IDENT, p) for p in parts):
            return self.check_names(path.replace("/", "|"))  # `kmalloc/kfree`
        return [f"no file `{path}`"]

    def check_names(self, token):
        """Each identifier of NAME, a->b, a.b, a[0], A|B must be in the code."""
        if not re.fullmatch(r"[\w>.\[\]|&*-]+", token) or not re.search("[A-Za-z_]", token):
            return []
        if token[0].isdigit():
            return []  # a number: 0x1.8p+1
        if re.fullmatch(r"[A-Za-z_][\w-]*-[\w-]*", token):
            names = [token]  # `grub-mkimage`, `user-syms`: one name
        else:
            names = re.findall(r"%s\*?" % IDENT, token)
        problems = []
        for name in names:
            if re.fullmatch(r"[0-9]+|0x\w+", name) or len(name) < 2:
                continue
            if is_external(name, self.external) or name in self.tree.tokens:
                continue
            if self.matches_pattern(name):
                continue
            problems.append(f"`{name}` is not in the code")
        return problems

    def matches_pattern(self, name):
        """`O_*`, `VM_MAY*`: some name starts so; `__do_sys_NAME`: NAME is any."""
        if name.endswith("*"):
            prefix = name[:-1]
        elif re.search("[a-z]", name) and re.search(r"(?<=[a-z_])(NAME|PROG|N)$", name):
            prefix = re.sub(r"(NAME|PROG|N)$", "", name)
        elif re.search(r"[A-Z]n$", name):  # SYSCALL_DEFINEn
            prefix = name[:-1]
        else:
            return False
        return any(t.startswith(prefix) and t != prefix for t in self.tree.tokens)


def check_files(paths, tree=None, external=None):
    """Check the Markdown files @paths; returns the list of problem lines."""
    tree = tree or Tree()
    checker = Checker(tree, read_external() if external is None else external)
    out = []
    for path in paths:
        rel = os.path.relpath(os.path.abspath(path), ROOT)
        docdir = os.path.dirname(rel) if not rel.startswith("..") else ""
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for lineno, before, span in code_spans(text):
            if OWNER_RE.search(before):
                continue
            for problem in checker.check(span, docdir):
                out.append(f"{path}:{lineno}: {problem}")
        for lineno, name, where in placed_names(text):
            if tree.defs.get(name) and not checker.defined(name, where):
                out.append(f"{path}:{lineno}: `{name}` is defined in "
                           f"{', '.join(sorted(tree.defs[name]))}, not in `{where}`")
        for lineno, target in links(text):
            if not os.path.exists(os.path.join(os.path.dirname(os.path.abspath(path)), target)):
                out.append(f"{path}:{lineno}: the link to `{target}` leads nowhere")
    return out


def default_files():
    files = ["README.md"]
    files += sorted(glob.glob("docs/**/*.md", recursive=True, root_dir=ROOT))
    files += sorted(glob.glob("labs/*.md", root_dir=ROOT))
    return [os.path.join(ROOT, f) for f in files]


def main(argv):
    paths = argv[1:] or default_files()
    problems = check_files(paths)
    for p in problems:
        print(os.path.relpath(p, ROOT) if p.startswith(ROOT) else p)
    if problems:
        print(f"check-doc-refs: {len(problems)} stale reference(s); fix the text, or mark a "
              f"name of another project (docs/testing.md)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
