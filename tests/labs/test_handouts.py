"""The labs' handouts and student trees, without building or booting
anything (tests/labs/test_labs.py grades them): each handout quotes every
string its grader matches and has a contract for every marked function;
each test of the grader names marked functions to look at; a student tree
holds no line of its lab's solution; and the grader tells a student what
cmocka's output means.
"""

import importlib.machinery
import importlib.util
import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_loader = importlib.machinery.SourceFileLoader("lab", os.path.join(ROOT, "tools", "lab.py"))
_spec = importlib.util.spec_from_loader("lab", _loader)
lab = importlib.util.module_from_spec(_spec)
_loader.exec_module(lab)

LABS = sorted(lab.LABS)


def words(text):
    """@text with every run of white space one blank (a handout wraps its lines)."""
    return " ".join(text.split())


def handout(name):
    with open(os.path.join(ROOT, "labs", f"{name}.md")) as f:
        return f.read()


def contract_section(name):
    m = re.search(r"^## Contract\n(.*?)(?=^## |\Z)", handout(name), re.M | re.S)
    assert m, f"labs/{name}.md has no \"## Contract\" section"
    return m.group(1)


@pytest.mark.parametrize("name", LABS)
def test_handout_quotes_what_the_grader_matches(name):
    text = words(handout(name))
    strings = [s for t in lab.LABS[name].tests for s in t.contract(ROOT)]
    assert strings, f"lab {name}'s grader matches nothing?"
    missing = [s for s in strings if words(s) not in text]
    assert not missing, f"labs/{name}.md does not quote what its grader matches: {missing}"


@pytest.mark.parametrize("name", LABS)
def test_contract_of_every_marked_function(name):
    section = contract_section(name)
    funcs = lab.marked_functions(ROOT, name)
    assert funcs, f"lab {name} marks no function"
    missing = [f for f in funcs if not re.search(rf"`{re.escape(f)}\(", section)]
    assert not missing, f"labs/{name}.md's contract does not describe {missing}"


@pytest.mark.parametrize("name", LABS)
def test_handout_names_the_lecture_to_take_after(name):
    m = re.search(r"Take lecture (L\d) \(`make lecture L=([\w-]+)`\) after the lab",
                  words(handout(name)))
    assert m, f"labs/{name}.md does not say which lecture to take after the lab"
    assert os.path.exists(os.path.join(ROOT, "docs", "lectures", m.group(2) + ".md"))
    assert m.group(2).startswith(m.group(1).lower() + "-")
    assert "walks the solution" not in handout(name)


@pytest.mark.parametrize("name", LABS)
def test_every_grading_test_names_functions_to_look_at(name):
    funcs = lab.marked_functions(ROOT, name)
    for test in lab.LABS[name].tests:
        if isinstance(test, lab.Cmocka):
            with open(os.path.join(ROOT, test.source())) as f:
                cases = re.findall(r"cmocka_unit_test\((\w+)\)", f.read())
            assert list(test.look_at) == cases, "the grader's list of test cases, in order"
            lists = list(test.look_at.values())
        else:
            lists = [test.look_at]
        for look_at in lists:
            assert look_at, f"a test of lab {name} names no function to look at"
            assert set(look_at) <= set(funcs), f"{look_at}: not all functions of lab {name}"


def test_regex_text():
    assert lab.regex_text(r"^2\. brk\(break \+ 64 KiB\) = 0x\w+ \(grew by 65536 bytes\)$") == \
        "2. brk(break + 64 KiB) = 0x... (grew by 65536 bytes)"
    assert lab.regex_text(r"\S") == "..."


def test_lead_names_unwritten_functions_first():
    r = lab.Result("brk-grow", 2, 0,
                   "lab brk: do_anonymous_page() is not written yet (kernel/mm/memory.c)\n"
                   "kernel panic: ...", look_at=["__do_sys_brk", "do_anonymous_page"])
    assert lab.lead(ROOT, r, lab.LABS["brk"].files) == \
        "look at do_anonymous_page() in kernel/mm/memory.c; __do_sys_brk() in kernel/mm/mmap.c"
    r = lab.Result("x", 1, 0, "failed: ... __free_pages(p, 0) did not panic",
                   look_at=["alloc_pages", "__free_pages"])
    assert lab.lead(ROOT, r, lab.LABS["pmm"].files) == \
        "look at __free_pages(), alloc_pages() in kernel/mm/page_alloc.c"


def test_cmocka_output_told_for_a_student(tmp_path):
    (tmp_path / "t.c").write_text("a\nb\n\tassert_non_null(strstr(host_last_panic(), \"x y\"));\n")
    out = ("Expected assertion Bad page free: wrong order (pfn 0x1, order 0) occurred\n"
           "Expected assertion Bad page free: double free (pfn 0x1, order 1) occurred\n"
           "[  ERROR   ] --- strstr(host_last_panic(), \"x y\")\n"
           "[   LINE   ] --- t.c:3: error: Failure!\n"
           "[  FAILED  ] test_bad_frees_panic\n")
    reason = lab.cmocka_reason(out, str(tmp_path)).splitlines()
    assert reason == [
        "passed: the expected panic \"Bad page free: wrong order (pfn 0x1, order 0)\"",
        "passed: the expected panic \"Bad page free: double free (pfn 0x1, order 1)\"",
        "failed: t.c:3: assert_non_null(strstr(host_last_panic(), \"x y\"));",
    ]
    out = ("Expected assert in __free_pages(p, 0)[  ERROR   ] --- "
           "[   LINE   ] --- t.c:1: error: Failure!\n")
    assert lab.cmocka_reason(out, str(tmp_path)) == \
        "failed: t.c:1: __free_pages(p, 0) did not panic, and it should"
    out = ("[  ERROR   ] --- ASSERT: Bad page free: wrong order (pfn 0x2)\n"
           "[   LINE   ] --- k.c:9: error: Failure!\n")
    assert lab.cmocka_reason(out, str(tmp_path)) == \
        "failed: a panic no test expected: Bad page free: wrong order (pfn 0x2)\n  at k.c:9"


def body_lines(name):
    """Every line of lab @name's marked functions' bodies worth hiding."""
    lines = set()
    for path in lab.marked_files(ROOT, name):
        with open(os.path.join(ROOT, path)) as f:
            inside, _ = lab.split_regions(f.read(), name)
        for _, body in lab.region_functions(inside):
            lines |= {b.strip() for b in body if len(b.strip()) >= lab.MIN_QUOTE and
                      not b.strip().startswith(("/*", "*"))}
    return lines


def outside_lines(name):
    """The source lines (stripped) of the solution outside lab @name's regions."""
    lines = set()
    for path in lab.source_files(ROOT):
        with open(os.path.join(ROOT, path), errors="replace") as f:
            _, outside = lab.split_regions(f.read(), name)
        lines |= {o.strip() for o in outside}
    return lines


@pytest.mark.parametrize("name", LABS)
def test_student_tree_shows_no_solution(name, tmp_path):
    """No line of any text file of the student tree holds a line of the
    solution's bodies, unless the solution has that line outside the
    lab's regions too (code the student sees anyway)."""
    out = tmp_path / "tree"
    lab.make_student_tree(name, str(out), reuse_build=False, worktree=True)
    body, shared = body_lines(name), outside_lines(name)
    leaks = []
    for path in lab.text_files(str(out)):
        with open(out / path, errors="replace") as f:
            for n, line in enumerate(f, 1):
                for b in body:
                    if b in line and line.strip() not in shared and \
                            not any(b in s for s in shared if len(s) >= len(b)):
                        leaks.append(f"{path}:{n}: {line.strip()}")
    assert not leaks, "the student tree shows the solution:\n" + "\n".join(leaks[:20])
    assert "LAB_TODO" in (out / sorted(lab.LABS[name].files)[0]).read_text()


def planted_repo(path, extra):
    """A one-lab solution tree in a git repository at @path: kernel/a.c with
    a LAB(pmm) region, a lecture quoting its body, and the files @extra."""
    files = {
        "kernel/a.c": "/* LAB(pmm) BEGIN: write it */\nint\nsolve(void)\n{\n"
                      "\treturn secret_step(41) + 1;\n}\n/* LAB(pmm) END */\n",
        "docs/lectures/x.md": "    (gdb) next\n    5\t\treturn secret_step(41) + 1;\n",
        **extra,
    }
    for name, text in files.items():
        os.makedirs(os.path.dirname(path / name), exist_ok=True)
        (path / name).write_text(text)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(path)]
    subprocess.run(git + ["init", "-q"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-qm", "x"], check=True)


def test_quotes_are_cut_or_refused(tmp_path, monkeypatch):
    """The mechanism itself: a lecture's quote becomes "...", a quote in
    any other file stops the tree being written."""
    solution = tmp_path / "solution"
    planted_repo(solution, {})
    monkeypatch.setattr(lab, "ROOT", str(solution))
    out = tmp_path / "student"
    lab.make_student_tree("pmm", str(out), reuse_build=False)
    assert (out / "docs/lectures/x.md").read_text() == "    (gdb) next\n    5\t\t...\n"
    assert "secret_step" not in (out / "kernel/a.c").read_text()

    solution2 = tmp_path / "solution2"
    planted_repo(solution2, {"tests/t.py": "EXPECTED = 'return secret_step(41) + 1;'\n"})
    monkeypatch.setattr(lab, "ROOT", str(solution2))
    with pytest.raises(SystemExit, match=r"tests/t.py:1: EXPECTED"):
        lab.make_student_tree("pmm", str(tmp_path / "student2"), reuse_build=False)


if __name__ == "__main__":
    sys.exit(pytest.main([__file__]))
