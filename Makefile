# Pagoda - the top-level Makefile.
#
#   make              build build/pagoda.iso (the kernel, booted by GRUB)
#   make qemu         boot it in QEMU, console on this terminal (Ctrl-A X quits)
#   make qemu-nox     the same, never opening a window
#   make qemu-gdb     boot it halted, waiting for GDB; then `make gdb` in another terminal
#   make lecture L=l3-malloc-brk   run a lecture's GDB script (docs/lectures/)
#   make test         every test: host unit tests, QEMU boots, GDB scripts
#   make test-linux-vm every tests/linux program under Linux in QEMU too (make test: two)
#   make bench        the benchmarks (ONLY=vs_linux: just Pagoda against Linux)
#   make fuzz         the system-call fuzzer: N=1000000 calls from SEED=1
#   make lab LAB=brk  write the student tree of a lab (labs/); make grade LAB=brk scores it
#   make format-check check the C sources against .clang-format
#
# Options: CMDLINE="..." (kernel command line), MEM=128M (guest RAM).
# Missing tools are installed (as root) or named (otherwise) by
# tools/ensure-deps.sh.

BUILD	:= build
CC	:= gcc
LD	:= ld
NASM	:= nasm
QEMU	:= qemu-system-x86_64
GDB	:= gdb
PYTHON	:= /usr/bin/python3

CMDLINE	?=
MEM	?= 128M
# A per-user port for QEMU's gdb stub, so users of one machine do not clash.
GDBPORT	?= $(shell expr 26000 + `id -u` % 5000)

VERSION	:= $(shell git describe --always --dirty 2>/dev/null || echo unknown)

ARCH_DIR := kernel/arch/x86_64

# The kernel's optimization level. -Og, so that GDB steps through a kernel
# function line by line, in order, and shows its variables (the lectures,
# the labs, make qemu-gdb): measured by tests/gdb/test_frames.py. Under
# QEMU's emulation the figures of make bench do not change beyond their
# run-to-run noise at -O2; `make KERNEL_OPT=-O2` builds that way (every
# object is rebuilt when the flags change).
KERNEL_OPT ?= -Og

# ---------------------------------------------------------------- kernel

# -g3: the macros too, so that GDB can `p PAGE_SIZE` or `p/x VM_READ|VM_WRITE`.
# -fno-optimize-sibling-calls (as Linux with frame pointers): a call in
# tail position stays a call, and its frame stays in a backtrace
# (__x64_sys_brk between __do_sys_brk and do_syscall_64).
KERNEL_CFLAGS := -std=gnu11 $(KERNEL_OPT) -g3 -D__KERNEL__ \
	-ffreestanding -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-mno-red-zone -mcmodel=kernel -mgeneral-regs-only -fno-pie -fno-pic \
	-fno-stack-protector -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer \
	-fno-optimize-sibling-calls \
	-fno-asynchronous-unwind-tables -fno-common -fno-strict-aliasing \
	-Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes -Wstrict-prototypes \
	-Iinclude -I$(ARCH_DIR)/include -I$(BUILD)/include \
	-MMD -MP
# CI builds with WERROR=1: a warning fails the build.
ifeq ($(WERROR),1)
KERNEL_CFLAGS += -Werror
endif
LDFLAGS := -n -nostdlib --no-warn-rwx-segments -z max-page-size=0x1000 -z noexecstack -T linker.ld

KERNEL_C_SRCS := $(filter-out $(ARCH_DIR)/asm-offsets.c, $(shell find kernel -name '*.c'))
KERNEL_ASM_SRCS := $(wildcard boot/*.asm) $(wildcard $(ARCH_DIR)/*.asm)
KERNEL_OBJS := $(KERNEL_C_SRCS:%.c=$(BUILD)/%.o) $(KERNEL_ASM_SRCS:%.asm=$(BUILD)/%.o)

DEPS_STAMP := $(BUILD)/.deps-build

all: $(BUILD)/pagoda.iso

# Parts of the tree with their own rules. Each may add prerequisites to
# `test-build` (what `make test` builds before running the tests), and
# user/user.mk adds the programs of the initramfs to USER_PROGS.
USER_PROGS :=
-include libc/libc.mk
-include libc/malloc/malloc.mk
-include user/user.mk

$(DEPS_STAMP): tools/ensure-deps.sh
	@mkdir -p $(BUILD)
	@tools/ensure-deps.sh build
	@touch $@

# Rewritten only when the text changes; the temporary file is per process,
# since several makes may run in one tree at once (tests/labs).
$(BUILD)/include/pagoda/version.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define PAGODA_VERSION "%s"\n#define PAGODA_COMPILER "%s"\n' \
		"$(VERSION)" "$$($(CC) --version | head -n 1)" > $@.tmp.$$$$ && \
		{ cmp -s $@.tmp.$$$$ $@ && rm -f $@.tmp.$$$$ || mv -f $@.tmp.$$$$ $@; }

# asm-offsets: struct layouts and constants from C for the assembly (see
# asm-offsets.c); the headers it reads are in asm-offsets.d.
$(BUILD)/include/asm-offsets.inc: $(ARCH_DIR)/asm-offsets.c
	@mkdir -p $(dir $@)
	$(CC) $(KERNEL_CFLAGS) -MF $(BUILD)/asm-offsets.d -MT $@ -S -o $(BUILD)/asm-offsets.s $<
	sed -n 's/^[[:space:]]*->\([A-Z_0-9]*\) \$$\{0,1\}\(-\{0,1\}[0-9]*\).*/%define \1 \2/p' \
		$(BUILD)/asm-offsets.s > $@

# version.h must exist before anything compiles (order-only); the files
# that include it are rebuilt when it changes through their .d files.
$(BUILD)/%.o: %.c $(BUILD)/.kernel-cflags | $(DEPS_STAMP) $(BUILD)/include/pagoda/version.h
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(KERNEL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.asm $(BUILD)/include/asm-offsets.inc | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(NASM) -f elf64 -g -F dwarf -I$(BUILD)/include/ -MD $(@:.o=.d) -o $@ $<

# Two links: the first one's function symbols become the kallsyms table
# that the second one carries (tools/gen-kallsyms.sh).
$(BUILD)/kallsyms0.o: tools/gen-kallsyms.sh
	tools/gen-kallsyms.sh > $(BUILD)/kallsyms0.S
	$(CC) -c -o $@ $(BUILD)/kallsyms0.S

$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJS) $(BUILD)/kallsyms0.o linker.ld
	$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms0.o

$(BUILD)/kernel.elf: $(BUILD)/kernel.pass1.elf
	tools/gen-kallsyms.sh $< > $(BUILD)/kallsyms.S
	$(CC) -c -o $(BUILD)/kallsyms.o $(BUILD)/kallsyms.S
	$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms.o
	@nm -n $(BUILD)/kernel.pass1.elf | grep -i ' t ' > $(BUILD)/syms1.txt
	@nm -n $@ | grep -i ' t ' > $(BUILD)/syms2.txt
	@cmp -s $(BUILD)/syms1.txt $(BUILD)/syms2.txt || \
		{ echo "kallsyms: text symbols moved between links" >&2; exit 1; }

# ---------------------------------------------------------------- initramfs

# The root file system GRUB loads as a module: rootfs/ (data files) plus
# the user programs (USER_PROGS, from user/user.mk; stripped: GDB reads
# the symbols from build/user/) in /bin, as a cpio
# "newc" archive made with the standard cpio tool.
INITRAMFS := $(BUILD)/initramfs.cpio
ROOTFS_FILES := $(shell find rootfs -type f 2>/dev/null)
# The malloc-lab traces, for mdriver inside Pagoda (/data/malloc-traces).
MALLOC_TRACES := $(wildcard tests/data/malloc-traces/*.rep)

$(INITRAMFS): $(USER_PROGS) $(ROOTFS_FILES) $(MALLOC_TRACES) | $(BUILD)/.deps-test
	@rm -rf $(BUILD)/rootfs
	@mkdir -p $(BUILD)/rootfs/bin
	@cp -R rootfs/. $(BUILD)/rootfs/
	@for p in $(USER_PROGS); do strip -o $(BUILD)/rootfs/bin/$$(basename $$p) $$p; done
	@if [ -f $(BUILD)/rootfs/bin/init ]; then mv $(BUILD)/rootfs/bin/init $(BUILD)/rootfs/init; fi
	@mkdir -p $(BUILD)/rootfs/data/malloc-traces
	@cp $(MALLOC_TRACES) $(BUILD)/rootfs/data/malloc-traces/
	@cd $(BUILD)/rootfs && find . -mindepth 1 | sed "s|^\./||" | LC_ALL=C sort | \
		cpio -o -H newc -R 0:0 --quiet > $(abspath $@)
	@echo "  CPIO    $@"

# ---------------------------------------------------------------- ISO

$(BUILD)/pagoda.iso: $(BUILD)/kernel.elf $(INITRAMFS) tools/mkiso.sh $(BUILD)/.cmdline
	tools/mkiso.sh $@ $(BUILD)/kernel.elf "$(CMDLINE)" $(INITRAMFS)

# The value of a make variable, in a file rewritten only when it changes:
# what depends on it is rebuilt after `make qemu CMDLINE=...` or GDBPORT=...
define remember
	@mkdir -p $(BUILD)
	@echo '$(1)' | cmp -s - $@ || echo '$(1)' > $@
endef

$(BUILD)/.cmdline: FORCE
	$(call remember,$(CMDLINE))

$(BUILD)/.gdbport: FORCE
	$(call remember,$(GDBPORT))

$(BUILD)/.kernel-cflags: FORCE
	$(call remember,$(KERNEL_CFLAGS))

# ---------------------------------------------------------------- run

QEMU_FLAGS := -machine pc -cpu max -m $(MEM) -no-reboot -boot d
# A window only where there is a display to show it on.
QEMU_DISPLAY := $(if $(DISPLAY),,-display none)

qemu: $(BUILD)/pagoda.iso $(BUILD)/.deps-run
	$(QEMU) $(QEMU_FLAGS) -cdrom $< -serial mon:stdio $(QEMU_DISPLAY)

qemu-nox: $(BUILD)/pagoda.iso $(BUILD)/.deps-run
	$(QEMU) $(QEMU_FLAGS) -cdrom $< -serial mon:stdio -display none

# The build first, with a word: it can take a while.
qemu-gdb:
	@echo "qemu-gdb: building $(BUILD)/pagoda.iso (kernel at $(KERNEL_OPT), for GDB) ..."
	@$(MAKE) --no-print-directory $(BUILD)/pagoda.iso $(BUILD)/.deps-run $(BUILD)/gdbinit
	@echo "QEMU is halted, waiting for GDB on port $(GDBPORT)."
	@echo "In another terminal, in this directory:  make gdb"
	$(QEMU) $(QEMU_FLAGS) -cdrom $(BUILD)/pagoda.iso -serial mon:stdio -display none -S -gdb tcp::$(GDBPORT)

gdb: $(BUILD)/gdbinit $(BUILD)/kernel.elf $(BUILD)/.deps-run
	$(GDB) -q -x $(BUILD)/gdbinit

$(BUILD)/gdbinit: tools/gdbinit.tmpl $(BUILD)/.gdbport
	@mkdir -p $(BUILD)
	@sed -e 's|@GDBPORT@|$(GDBPORT)|g' -e 's|@KERNEL@|$(BUILD)/kernel.elf|g' \
		-e 's|@PAGODA_PY@|tools/gdb/pagoda.py|g' $< > $@

# lecture L=NAME: run docs/lectures/NAME.gdb in batch mode against a fresh
# QEMU (tools/run-lecture), printing the walk-through.
lecture: $(BUILD)/pagoda.iso $(BUILD)/.deps-run
	@test -n "$(L)" || { echo "usage: make lecture L=NAME (docs/lectures/NAME.gdb)" >&2; exit 2; }
	@$(PYTHON) tools/run-lecture $(L)

$(BUILD)/.deps-run: tools/ensure-deps.sh
	@mkdir -p $(BUILD)
	@tools/ensure-deps.sh run
	@touch $@

# ---------------------------------------------------------------- tests

include tests/host/host.mk

$(BUILD)/.deps-test: tools/ensure-deps.sh
	@mkdir -p $(BUILD)
	@tools/ensure-deps.sh build test
	@touch $@

test: $(BUILD)/.deps-test
	@$(MAKE) --no-print-directory all host-tests test-build
	@$(PYTHON) tests/run_all.py

# tests/linux under Debian's Linux in QEMU, every program (make test runs
# two of them); the kernel is downloaded into build/linux/ on first use.
test-linux-vm: $(BUILD)/.deps-test all
	@PAGODA_LINUX_VM=all $(PYTHON) -m pytest -q -p no:cacheprovider tests/linux -k in_qemu

# The system-call fuzzer (user/fuzz.c) as init, for N calls from SEED; the
# kernel's log, with init's leak report, is in build/fuzz.log.
N	?= 1000000
SEED	?= 1
fuzz: all $(BUILD)/.deps-run
	tools/run-elf --timeout 7200 --log $(BUILD)/fuzz.log $(BUILD)/user/fuzz -s $(SEED) -n $(N) </dev/null
	@grep "^init:" $(BUILD)/fuzz.log
	@! grep -q "Kernel panic\|Oops" $(BUILD)/fuzz.log

# Labs (tools/lab.py, labs/*.md): `make lab LAB=NAME` writes the student
# tree build/lab-NAME; `make grade LAB=NAME` (here or in a student tree)
# runs the lab's tests and prints the score.
lab:
	@test -n "$(LAB)" || { $(PYTHON) tools/lab.py list; exit 2; }
	@$(PYTHON) tools/lab.py make $(LAB)

grade: $(BUILD)/.deps-test
	@test -n "$(LAB)" || { $(PYTHON) tools/lab.py list; exit 2; }
	@$(PYTHON) tools/lab.py grade $(LAB)

bench: $(BUILD)/.deps-test all
	@$(PYTHON) tools/bench.py

FORMAT_SRCS = $(shell git ls-files --cached --others --exclude-standard '*.c' '*.h' 2>/dev/null)

format-check:
	@tools/ensure-deps.sh format
	@clang-format --dry-run --Werror $(FORMAT_SRCS) && echo "format-check: clean"

format:
	@tools/ensure-deps.sh format
	clang-format -i $(FORMAT_SRCS)

clean:
	rm -rf $(BUILD)

FORCE:

test-build:

.PHONY: fuzz lab grade lecture test-build all qemu qemu-nox qemu-gdb gdb test test-linux-vm bench format-check format clean host-tests FORCE

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
