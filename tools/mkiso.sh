#!/bin/sh
# tools/mkiso.sh - a bootable ISO with GRUB, the kernel and its command line.
#
# Usage: tools/mkiso.sh OUT.iso KERNEL.elf "CMDLINE" [MODULE...]
#
# GRUB boots straight away (timeout 0) into the kernel with Multiboot2,
# passing CMDLINE, and loads each MODULE (e.g. an initramfs) as a
# Multiboot2 module named after its file. Tests make one ISO per command
# line; grub-mkrescue (from Debian's grub-common, with grub-pc-bin for
# BIOS booting) takes well under a second.
set -eu

if [ $# -lt 3 ]; then
	echo "usage: $0 OUT.iso KERNEL.elf CMDLINE [MODULE...]" >&2
	exit 2
fi
out=$1
kernel=$2
cmdline=$3
shift 3

dir=$(mktemp -d)
log=$(mktemp)
trap 'rm -rf "$dir" "$log"' EXIT
mkdir -p "$dir/boot/grub"
cp "$kernel" "$dir/boot/pagoda.elf"
{
	echo "set timeout=0"
	echo "set default=0"
	echo "menuentry \"Pagoda\" {"
	echo "	multiboot2 /boot/pagoda.elf $cmdline"
	for m in "$@"; do
		name=$(basename "$m")
		cp "$m" "$dir/boot/$name"
		echo "	module2 /boot/$name $name"
	done
	echo "	boot"
	echo "}"
} > "$dir/boot/grub/grub.cfg"

# Only the GRUB modules this menu needs, no fonts, themes or locales: a
# smaller ISO that GRUB reads faster under emulation.
grub-mkrescue -o "$out" --install-modules="normal multiboot2 iso9660 biosdisk" \
	--fonts= --locales= --themes= "$dir" >"$log" 2>&1 || {
	cat "$log" >&2
	exit 1
}
