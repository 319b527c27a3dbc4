"""pytest set-up shared by every suite under tests/: the helper module path,
the `long` mark, and the grouping that lets the tests run in parallel.

tests/run_all.py runs pytest with pytest-xdist (`-n auto --dist
loadgroup`). A test that uses a module- or session-scoped fixture (one
boot, one GDB run, one lab build shared by the module's tests) is put in
its module's xdist group here, so the module's tests share one worker and
the fixture runs once; every other test goes to whichever worker is free.

`@pytest.mark.long` marks a run too long for make test (minutes of CPU):
such tests are left out unless pytest is given --long (make test-all,
make test-linux-vm).
"""

import os
import sys

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))


def pytest_addoption(parser):
    parser.addoption("--long", action="store_true",
                     help="run the tests marked long too (make test-all)")


def pytest_configure(config):
    config.addinivalue_line("markers", "long: a long run, only in make test-all")
    config.addinivalue_line("markers", "xdist_group(name): tests that share one xdist worker")


def shares_a_fixture(item):
    """Does @item use a fixture of Pagoda's tests wider than one test
    (module or session)? pytest's own (tmp_path_factory, ...) have no
    baseid and do not count."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(defs[-1].baseid and defs[-1].scope in ("module", "package", "session")
               for defs in info.name2fixturedefs.values() if defs)


# The longest runs (pytest --durations), started first: xdist hands out
# the tests in this order, and one picked up last would run on alone.
LONGEST_FIRST = ["tests/labs/", "tests/robust/test_robust.py::test_fuzz_",
                 "tests/gdb/test_lectures.py", "tests/gdb/"]


def start_rank(item):
    return next((i for i, p in enumerate(LONGEST_FIRST) if item.nodeid.startswith(p)),
                len(LONGEST_FIRST))


# tryfirst: the mark must be there before xdist's own hook reads it.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if not config.getoption("--long"):
        long = [item for item in items if item.get_closest_marker("long")]
        if long:
            config.hook.pytest_deselected(items=long)
            items[:] = [item for item in items if not item.get_closest_marker("long")]
    items.sort(key=start_rank)     # stable: the rest keep their order
    for item in items:
        if item.get_closest_marker("xdist_group") is None and shares_a_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
