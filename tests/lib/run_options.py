"""The options tools/run-elf, tools/run-linux and tools/compare share, and
the world they give the program beyond its argv:

    --file HOST[:GUEST]  HOST's bytes (and permission bits) as GUEST in the
                         initramfs; GUEST defaults to HOST's base name in the
                         working directory, a relative GUEST is taken from
                         the working directory, and a GUEST ending in "/" is
                         a directory to put HOST's base name in. The spec is
                         split at its first colon unless it names an
                         existing file as a whole.
    -e NAME=VALUE        set NAME in the environment, which starts as the
                         kernel's HOME=/ TERM=linux PATH=/bin.
    --cwd DIR            the working directory (made in the initramfs if the
                         archive has no such directory).

Standard input: when the tool's standard input is not a terminal, the tool
reads it to its end and stores the bytes as STDIN_PATH in the initramfs;
the kernel command-line option `init_stdin=STDIN_PATH` makes that file the
program's fd 0 (Pagoda: kernel/init/main.c; Linux passes the unknown option
to /init's environment, and tools/linux-init.c opens the file), so the
program reads exactly those bytes and then end-of-file, and QEMU's serial
port gets no input. A terminal stays the program's console, interactive.
The environment goes to /etc/init.env (NUL-terminated strings, as argv in
/etc/init.argv), the working directory to `init_cwd=DIR` on the command
line.
"""

import argparse
import os
import posixpath
import stat
import sys
from dataclasses import dataclass, field

STDIN_PATH = "/etc/init.stdin"
ENV_PATH = "/etc/init.env"

# The first process's environment on Pagoda (kernel/init/main.c, init_envp)
# and under tools/linux-init.c; -e changes a copy of it.
DEFAULT_ENV = ["HOME=/", "TERM=linux", "PATH=/bin"]


class UsageError(Exception):
    """A bad option: the tool prints it on one line and exits with 2."""


class ArgumentParser(argparse.ArgumentParser):
    """argparse with errors on one line ("run-elf: MESSAGE (see --help)")
    and exit status 2, and the tool's usage from its docstring."""

    def error(self, message):
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def add_arguments(ap):
    """The options of every tool that runs a program in QEMU, PROG and ARGS
    included."""
    ap.add_argument("--timeout", type=float, default=60, metavar="S",
                    help="seconds (default 60)")
    ap.add_argument("--mem", default="256M", metavar="SIZE", help="guest RAM (default 256M)")
    ap.add_argument("--file", action="append", default=[], metavar="HOST[:GUEST]",
                    help="add file HOST to the guest as GUEST (default: HOST's base name in "
                         "the working directory); repeatable")
    ap.add_argument("-e", dest="env", action="append", default=[], metavar="NAME=VALUE",
                    help="set NAME in the program's environment; repeatable")
    ap.add_argument("--cwd", metavar="DIR", help="the program's working directory (default /)")
    ap.add_argument("prog", metavar="PROG", help="a static x86-64 program")
    ap.add_argument("args", metavar="ARGS", nargs=argparse.REMAINDER,
                    help="its arguments (argv[0] is PROG as given)")


@dataclass
class Guest:
    """What the program finds in its machine besides its argv."""
    files: dict = field(default_factory=dict)   # guest path -> (mode, bytes)
    env_changes: list = field(default_factory=list)     # the -e strings, in order
    cwd: str = None             # absolute, or None for "/"
    stdin: bytes = None         # the program's fd 0, or None for the console
    options: list = field(default_factory=list)         # the options, to pass them on

    def env(self):
        """The whole environment, or None for the kernel's own default."""
        if not self.env_changes:
            return None
        env = list(DEFAULT_ENV)
        for change in self.env_changes:
            name = change.split("=", 1)[0] + "="
            env = [e for e in env if not e.startswith(name)] + [change]
        return env

    def cmdline(self):
        """Kernel command-line options for init's stdin and directory."""
        words = []
        if self.stdin is not None:
            words.append("init_stdin=" + STDIN_PATH)
        if self.cwd:
            words.append("init_cwd=" + self.cwd)
        return " ".join(words)


def _guest_path(spec_guest, host, cwd):
    if not spec_guest:
        return posixpath.join(cwd, os.path.basename(host))
    path = posixpath.join(cwd, spec_guest)
    if path.endswith("/"):
        path += os.path.basename(host)
    return posixpath.normpath(path)


def _add_file(guest, spec, cwd):
    host, _, target = (spec, "", "") if os.path.isfile(spec) else spec.partition(":")
    what = f"--file {spec}" + (f": {host}" if host != spec else "")
    if not os.path.exists(host):
        raise UsageError(f"{what}: no such file")
    if not os.path.isfile(host):
        raise UsageError(f"{what}: not a regular file")
    path = _guest_path(target, host, cwd)
    if path == "/":
        raise UsageError(f"--file {spec}: {target}: not a file name")
    with open(host, "rb") as f:
        guest.files[path] = (stat.S_IFREG | stat.S_IMODE(os.stat(host).st_mode), f.read())


def _check_env(spec):
    name, eq, _ = spec.partition("=")
    if not eq or not name:
        raise UsageError(f"-e {spec}: expected NAME=VALUE")
    if "\0" in spec:
        raise UsageError("-e: a NUL cannot be in the environment")


def read_stdin():
    """The bytes of our standard input to its end, or None when it is a
    terminal (the program keeps the console). A closed stdin is empty."""
    if os.isatty(0):
        return None
    chunks = []
    try:
        while True:
            chunk = os.read(0, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError:
        pass
    return b"".join(chunks)


def guest_from_options(opts, stdin=True):
    """A Guest from parsed options; the standard input is read now unless
    @stdin is False. Raises UsageError for a bad option or PROG."""
    if not os.path.exists(opts.prog):
        raise UsageError(f"{opts.prog}: no such file")
    if not os.path.isfile(opts.prog):
        raise UsageError(f"{opts.prog}: not a regular file")
    guest = Guest()
    if opts.cwd is not None:
        if not opts.cwd:
            raise UsageError("--cwd: an empty directory name")
        if any(c.isspace() for c in opts.cwd):
            raise UsageError(f"--cwd {opts.cwd!r}: white space cannot be on the kernel "
                             "command line")
        guest.cwd = posixpath.normpath(posixpath.join("/", opts.cwd))
        guest.options += ["--cwd", opts.cwd]
    for spec in opts.env:
        _check_env(spec)
        guest.env_changes.append(spec)
        guest.options += ["-e", spec]
    for spec in opts.file:
        _add_file(guest, spec, guest.cwd or "/")
        guest.options += ["--file", spec]
    if stdin:
        guest.stdin = read_stdin()
    return guest


def initramfs_entries(guest):
    """The guest's additions to the initramfs, as {name: (mode, data, rdev)}
    with names relative to the root, directories first."""
    entries = {}

    def add(path, mode, data=b""):
        parts = path.strip("/").split("/")
        for i in range(1, len(parts)):
            entries.setdefault("/".join(parts[:i]), (stat.S_IFDIR | 0o755, b"", (0, 0)))
        entries["/".join(parts)] = (mode, data, (0, 0))

    if guest.cwd and guest.cwd != "/":
        add(guest.cwd, stat.S_IFDIR | 0o755)
    for path, (mode, data) in guest.files.items():
        add(path, mode, data)
    env = guest.env()
    if env is not None:
        add(ENV_PATH, stat.S_IFREG | 0o644, b"".join(e.encode() + b"\0" for e in env))
    if guest.stdin is not None:
        add(STDIN_PATH, stat.S_IFREG | 0o444, guest.stdin)
    return entries


def parse(ap, argv=None, stdin=True):
    """Parse the command line of tool @ap (made with ArgumentParser and
    add_arguments): (options, Guest); a bad one ends the tool with a
    one-line message and status 2."""
    opts = ap.parse_args(argv)
    try:
        return opts, guest_from_options(opts, stdin)
    except UsageError as e:
        print(f"{ap.prog}: {e}", file=sys.stderr)
        sys.exit(2)
