#!/bin/sh
# tools/ensure-deps.sh - make sure the tools a make target needs are here.
#
# Usage: tools/ensure-deps.sh [--check] GROUP...
#        (groups: build user run test format)
#
# Each tool is checked by a command; the missing ones are mapped to their
# Debian 12 packages. As root, those packages are installed with apt-get;
# otherwise, or with --check (plain `make`, which never installs), the
# exact apt-get line is printed and the script fails.
set -eu

check_only=0
if [ "${1:-}" = "--check" ]; then
	check_only=1
	shift
fi

missing=""
need() {	# need PACKAGE CHECK-COMMAND...
	pkg=$1
	shift
	if ! "$@" >/dev/null 2>&1; then
		case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
	fi
}
have() { command -v "$1"; }

for group in "$@"; do
	case $group in
	build)
		need nasm have nasm
		# tools/mkiso.sh: grub-mkimage with GRUB's BIOS (i386-pc) CD boot
		# image and modules, and xorriso to write the ISO
		need grub-common have grub-mkimage
		need grub-pc-bin test -f /usr/lib/grub/i386-pc/cdboot.img
		need grub-pc-bin test -f /usr/lib/grub/i386-pc/multiboot2.mod
		need xorriso have xorriso
		;;
	user)
		# The initramfs: cpio, and the musl build of tests/linux/hello.c.
		need cpio have cpio
		need musl-tools have musl-gcc
		;;
	run)
		need qemu-system-x86 have qemu-system-x86_64
		need gdb have gdb
		;;
	test)
		need qemu-system-x86 have qemu-system-x86_64
		need gdb have gdb
		need libcmocka-dev test -f /usr/include/cmocka.h
		need python3-pytest /usr/bin/python3 -c 'import pytest'
		need python3-pytest-xdist /usr/bin/python3 -c 'import xdist'
		need cpio have cpio
		need musl-tools have musl-gcc
		;;
	format)
		need clang-format have clang-format
		;;
	*)
		echo "ensure-deps: unknown group '$group'" >&2
		exit 2
		;;
	esac
done

[ -z "$missing" ] && exit 0

line="apt-get install -y --no-install-recommends$missing"
if [ "$check_only" -eq 1 ] || [ "$(id -u)" -ne 0 ]; then
	echo "Pagoda needs these Debian packages:$missing" >&2
	echo "Install them with:  sudo $line" >&2
	echo "(or \`make deps\` as root, which installs what every target needs)" >&2
	exit 1
fi
echo "Installing the Debian packages Pagoda needs:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet, or stale ones.
if ! apt-get install -y --no-install-recommends $missing >&2; then
	apt-get update >&2
	apt-get install -y --no-install-recommends $missing >&2
fi
