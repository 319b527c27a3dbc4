"""Run every Pagoda test suite and print one total: `N passed, N failed`.

Suites: the host unit tests (each build/host/test_* binary, cmocka) and,
at the same time, every pytest suite under tests/ (QEMU boots, GDB
scripts, ...). `make test` calls this after building; `make test-all`
calls it with --all.

Results are read from each framework's own report, never from its text:
cmocka writes JUnit XML (CMOCKA_MESSAGE_OUTPUT=xml, CMOCKA_XML_FILE), and
pytest too (--junitxml). A host binary that crashes (a sanitizer report,
an abort) or exits non-zero with every case reported passed counts as one
failure more.

The pytest suites run on every CPU with pytest-xdist (`-n auto --dist
loadgroup`): tests that share a boot through a module fixture carry an
`xdist_group` mark and stay in one worker (tests/conftest.py). Tests
marked `long` (the million-call fuzz, the comparisons with Linux in QEMU)
run only with --all.

Usage: tests/run_all.py [--all] [PYTEST ARGS...]
Exits non-zero when anything failed or a suite could not run.
"""

import glob
import importlib.util
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")
REPORTS = os.path.join(BUILD, "test-reports")


def junit_counts(path):
    """(passed, failed, skipped, failure texts) from a JUnit XML file, over
    all its suites; None when the file is missing or cut short."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return None
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    if not suites:
        return None
    passed = failed = skipped = 0
    texts = []
    for suite in suites:
        for case in suite.iter("testcase"):
            bad = case.find("failure")
            if bad is None:
                bad = case.find("error")
            if bad is not None:
                failed += 1
                texts.append(f"[  FAILED  ] {case.get('name')}\n{(bad.text or '').strip()}\n")
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    return passed, failed, skipped, "".join(texts)


def run_host_test(binary):
    """Run one cmocka binary; (name, passed, failed, output to show)."""
    name = os.path.basename(binary)
    xml = os.path.join(REPORTS, name + ".xml")
    if os.path.exists(xml):
        os.unlink(xml)      # cmocka writes to stderr instead of over a file
    env = dict(os.environ, CMOCKA_MESSAGE_OUTPUT="xml", CMOCKA_XML_FILE=xml)
    try:
        p = subprocess.run([binary], capture_output=True, text=True, timeout=300, env=env)
        status, out = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        status, out = None, f"{name}: timed out after {e.timeout} s\n"
    counts = junit_counts(xml)
    passed, failed, _, failures = counts or (0, 0, 0, "")
    if counts is None or status != 0:
        if failed == 0:
            failed = 1      # crashed, or no report: the binary itself failed
        return name, passed, failed, failures + (out or f"{name}: exit status {status}\n")
    return name, passed, failed, ""


def run_host_tests():
    """Every host binary, one after the other; (passed, failed, report)."""
    binaries = [b for b in sorted(glob.glob(os.path.join(BUILD, "host", "test_*")))
                if os.access(b, os.X_OK) and not b.endswith(".d")]
    os.makedirs(REPORTS, exist_ok=True)
    passed = failed = 0
    report = ""
    for name, ok, bad, out in map(run_host_test, binaries):
        report += out + f"host {name}: {ok} passed, {bad} failed\n"
        passed += ok
        failed += bad
    return passed, failed, report


def have_xdist():
    return importlib.util.find_spec("xdist") is not None


def run_pytest(args, run_all):
    xml = os.path.join(REPORTS, "pytest.xml")
    if os.path.exists(xml):
        os.unlink(xml)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}"]
    if have_xdist():
        cmd += ["-n", "auto", "--dist", "loadgroup"]
    else:
        print("pytest-xdist is not installed (make deps): the tests run one at a time")
    if run_all:
        cmd += ["--long"]
    cmd += ["tests"] + args
    p = subprocess.run(cmd, cwd=ROOT)
    counts = junit_counts(xml)
    if p.returncode not in (0, 1) or counts is None:
        print(f"pytest could not run (status {p.returncode})")
        return 0, 1
    passed, failed, _, _ = counts
    return passed, failed


def main(argv):
    run_all = "--all" in argv
    args = [a for a in argv if a != "--all"]
    # The host tests (some 10 s of CPU) run beside pytest; their lines come
    # after pytest's.
    with ThreadPoolExecutor(max_workers=1) as pool:
        host = pool.submit(run_host_tests)
        qp, qf = run_pytest(args, run_all)
        hp, hf, report = host.result()
    sys.stdout.write(report)
    passed, failed = hp + qp, hf + qf
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
