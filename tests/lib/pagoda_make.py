"""Run make in a Pagoda tree from tests and tools, one make at a time.

The tests run in parallel (pytest-xdist, tests/run_all.py), and several
of them build what they need (tools/run-elf builds the kernel, a test its
program). Two makes in one tree at once could both rebuild the same file,
one reading an object or an ISO while the other writes it; so make()
holds an exclusive lock (flock(2)) on the tree's build/.make-lock while
make runs. Different trees (a lab's student tree) have their own lock.
"""

import fcntl
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class locked:
    """with locked(root): the tree's make lock is held inside the block."""

    def __init__(self, root=ROOT):
        self.path = os.path.join(root, "build", ".make-lock")

    def __enter__(self):
        os.makedirs(os.path.dirname(self.path), exist_ok=True)
        self.f = open(self.path, "a")
        fcntl.flock(self.f, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc):
        fcntl.flock(self.f, fcntl.LOCK_UN)
        self.f.close()


def make(*targets, root=ROOT):
    """`make -s TARGETS` in @root under the tree's lock (make -s prints
    only warnings and errors, on standard error). Raises
    CalledProcessError when make fails."""
    with locked(root):
        subprocess.run(["make", "-s", "--no-print-directory", "-C", root, *targets], check=True,
                       stdin=subprocess.DEVNULL, stdout=2)
