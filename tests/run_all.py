"""Run every Pagoda test suite and print one total: `N passed, N failed`.

Suites: the host unit tests (each build/host/test_* binary, cmocka), then
every pytest suite under tests/ (QEMU boots, GDB scripts, ...). `make test` calls this after building.
Exits non-zero when anything failed or a suite could not run.
"""

import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, "build")


def run_host_tests():
    passed = failed = 0
    for binary in sorted(glob.glob(os.path.join(BUILD, "host", "test_*"))):
        if not os.access(binary, os.X_OK) or binary.endswith(".d"):
            continue
        name = os.path.basename(binary)
        p = subprocess.run([binary], capture_output=True, text=True, timeout=300)
        out = p.stdout + p.stderr
        ok = len(re.findall(r"^\[       OK \]", out, re.M))
        bad = len(re.findall(r"^\[  FAILED  \] (?!\d+ test)", out, re.M))
        ran = re.search(r"^\[==========\] (\d+) test\(s\) run\.", out, re.M)
        if p.returncode != 0 or not ran:
            # A crash (sanitizer report, abort) may leave no summary: count
            # whatever did not pass as failed.
            bad = max(bad, 1)
            sys.stdout.write(out)
        print(f"host {name}: {ok} passed, {bad} failed")
        passed += ok
        failed += bad
    return passed, failed


def run_pytest():
    xml = os.path.join(BUILD, "pytest.xml")
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           f"--junitxml={xml}", "tests"]
    cmd += sys.argv[1:]
    p = subprocess.run(cmd, cwd=ROOT)
    if p.returncode not in (0, 1) or not os.path.exists(xml):
        print(f"pytest could not run (status {p.returncode})")
        return 0, 1
    suite = ET.parse(xml).getroot()
    if suite.tag == "testsuites":
        suite = suite[0]
    total = int(suite.get("tests"))
    bad = int(suite.get("failures")) + int(suite.get("errors"))
    skipped = int(suite.get("skipped"))
    return total - bad - skipped, bad


def main():
    hp, hf = run_host_tests()
    qp, qf = run_pytest()
    passed, failed = hp + qp, hf + qf
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
