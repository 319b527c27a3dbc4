"""pytest set-up shared by tests/qemu and tests/gdb: the helper module path."""

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "lib"))
