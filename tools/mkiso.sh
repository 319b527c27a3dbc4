#!/bin/sh
# tools/mkiso.sh - a bootable ISO with GRUB, the kernel and its command line.
#
# Usage: tools/mkiso.sh OUT.iso KERNEL.elf "CMDLINE" [MODULE...]
#
# GRUB boots straight into the kernel with Multiboot2, passing CMDLINE,
# and loads each MODULE (e.g. an initramfs) as a Multiboot2 module named
# after its file. Tests make one ISO per command line, in well under a
# second.
#
# The GRUB image is made with grub-mkimage rather than grub-mkrescue: its
# three commands (multiboot2, module2, boot) are a configuration built into
# the image, run by GRUB's small rescue-mode parser, and the only modules
# are the CD driver, the ISO 9660 file system and the Multiboot2 loader,
# all inside the image. GRUB then reads no grub.cfg and loads no "normal"
# mode with its dozen modules from the CD: under QEMU's emulation that
# takes about a quarter of a second off every boot (docs/performance.md).
# The image boots as an El Torito "no emulation" CD (El Torito spec;
# -boot-info-table lets GRUB find itself on the disc); unlike
# grub-mkrescue's ISO it is not also a hard-disk image.
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
mkdir -p "$dir/iso/boot/grub"
# Without its DWARF debugging sections (GDB reads those from the original):
# GRUB loads every section of the file, to pass them in the Multiboot2
# ELF-sections tag, and reading the CD through the BIOS is slow under
# emulation (about 0.1 s of QEMU's time for 0.5 MB).
objcopy --strip-debug "$kernel" "$dir/iso/boot/pagoda.elf"
{
	echo "multiboot2 /boot/pagoda.elf $cmdline"
	for m in "$@"; do
		name=$(basename "$m")
		cp "$m" "$dir/iso/boot/$name"
		echo "module2 /boot/$name $name"
	done
	echo "boot"
} > "$dir/boot.cfg"
# A copy for people who look inside the ISO; GRUB reads the built-in one.
cp "$dir/boot.cfg" "$dir/iso/boot/grub/boot.cfg"

{
	grub-mkimage -O i386-pc-eltorito -p /boot/grub -c "$dir/boot.cfg" \
		-o "$dir/iso/boot/grub/eltorito.img" biosdisk iso9660 multiboot2 &&
	xorriso -as mkisofs -quiet -o "$out" -b boot/grub/eltorito.img -no-emul-boot \
		-boot-load-size 4 -boot-info-table "$dir/iso"
} >"$log" 2>&1 || {
	cat "$log" >&2
	exit 1
}
