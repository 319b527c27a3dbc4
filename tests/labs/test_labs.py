"""Every lab: its student tree builds, boots (to a program, or to the
line naming the lab's unwritten function that stopped it), fails the
lab's grade and passes every other lab's tests that do not need this lab
(`tools/lab.py others`); the solution (this tree) scores full marks.

The student tree is made as `make lab` makes it (tools/lab.py, from
`git archive HEAD`: commit before running this), reusing this tree's
build so only the stubbed files are recompiled. The labs are graded two
at a time.
"""

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
from pagoda_make import make

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LAB_PY = os.path.join(ROOT, "tools", "lab.py")
LABS = subprocess.run([sys.executable, LAB_PY, "list"], capture_output=True, text=True,
                      check=True).stdout.splitlines()
LABS = [line.split()[0] for line in LABS]


def grade(root, lab, what="grade"):
    p = subprocess.run([sys.executable, os.path.join(root, "tools", "lab.py"), what, lab],
                       cwd=root, capture_output=True, text=True, timeout=600)
    m = re.search(r"^score: (\d+)/(\d+)$", p.stdout, re.M)
    return (int(m.group(1)), int(m.group(2))) if m else None, p.stdout + p.stderr


def one_lab(lab):
    solution = grade(ROOT, lab)
    student_dir = os.path.join(ROOT, "build", f"lab-{lab}")
    subprocess.run([sys.executable, LAB_PY, "make", lab, student_dir], check=True,
                   capture_output=True)
    student = grade(student_dir, lab)
    others = grade(student_dir, lab, "others")
    return solution, student, others


@pytest.fixture(scope="module")
def results():
    # The solution's build first, so both graders find it up to date.
    make("all", "libc-tests", "host-tests", "build/malloc/mdriver-pagoda")
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(LABS, pool.map(one_lab, LABS)))


def test_labs_listed():
    assert set(LABS) == {"pmm", "pagetable", "brk", "mmap", "cow", "malloc"}
    for lab in LABS:
        assert os.path.exists(os.path.join(ROOT, "labs", f"{lab}.md")), lab


@pytest.mark.parametrize("lab", LABS)
def test_lab(results, lab):
    (score, out), (student_score, student_out), (others, others_out) = results[lab]
    assert score is not None and score[0] == score[1], out
    assert "the build failed" not in student_out, student_out
    assert student_score is not None and student_score[0] < student_score[1], student_out
    assert "TODO(lab" in open(os.path.join(ROOT, "build", f"lab-{lab}", LAB_FILES[lab])).read()
    # What is missing is named: a stub's LAB_TODO line is in the reasons,
    # and each point lost is explained first by the functions to look at.
    assert re.search(rf"^ +lab {lab}: \w+\(\) is not written yet", student_out, re.M), student_out
    lost = re.findall(r"^  \S.* 0/\d+\n(.*)$", student_out, re.M)
    assert lost and all(re.match(r"^    look at \w+\(\)", line) for line in lost), student_out
    assert "Expected assertion" not in student_out, student_out
    if lab == "brk":    # init cannot start: its panic names the error
        assert "No working init found (/bin/brk_demo: error -14 (EFAULT))" in student_out, \
            student_out
    # The tree boots, and the other labs' tests that do not need this lab pass.
    assert f"boots ({lab} tree)" in others_out, others_out
    assert others is not None and others[0] == others[1] and others[1] > 1, others_out


LAB_FILES = {"pmm": "kernel/mm/page_alloc.c", "pagetable": "kernel/arch/x86_64/pgtable.c",
             "brk": "kernel/mm/mmap.c", "mmap": "kernel/mm/mmap.c", "cow": "kernel/mm/memory.c",
             "malloc": "libc/malloc/int_malloc.c"}
