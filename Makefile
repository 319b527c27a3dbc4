# Pagoda - the top-level Makefile.
#
#   make              build build/pagoda.iso (the kernel, booted by GRUB)
#   make qemu         boot it in QEMU, console on this terminal (Ctrl-A X quits)
#   make qemu-nox     the same, never opening a window
#   make qemu-gdb     boot it halted, waiting for GDB; then `make gdb` in another terminal
#   make lecture L=l3-malloc-brk   run a lecture's GDB script (docs/lectures/)
#   make test         every test: host unit tests, QEMU boots, GDB scripts
#   make test-all     make test plus the long runs (the million-call fuzz,
#                     every tests/linux program under Linux in QEMU)
#   make test-linux-vm every tests/linux program under Linux in QEMU too (make test-all)
#   make deps         install the Debian packages every target needs
#   make bench        the benchmarks (ONLY=vs_linux: just Pagoda against Linux)
#   make fuzz         the system-call fuzzer: N=1000000 calls from SEED=1
#   make lab LAB=brk  write the student tree of a lab (labs/); make grade LAB=brk scores it
#   make format-check check the C sources against .clang-format
#
# Options: CMDLINE="..." (kernel command line), MEM=128M (guest RAM),
# V=1 (print each command in full instead of "  CC      file").
# Missing tools: plain `make` names their packages and stops; `make deps`,
# `make qemu`, `make test` and the other targets that run Pagoda install
# them (as root; otherwise they print the apt-get line): tools/ensure-deps.sh.

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

# Quiet output, as Kbuild's: one "  TAG     file" line per step, or with
# V=1 the command itself; make -s prints neither. A rule writes
#	$(call msg,TAG,file)
#	$(Q)command
ifeq ($(V),1)
Q :=
msg = @:
else
Q := @
msg = @printf '  %-7s %s\n' '$(1)' '$(2)'
endif
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
msg = @:
endif

# The setup: tools/ensure-deps.sh installs missing packages for these goals
# (as README's "Two commands" promise), in their sub-makes too; for any
# other goal it only names them, with the apt-get line and `make deps`,
# and fails.
SETUP_GOALS := deps qemu qemu-nox qemu-gdb gdb lecture test test-all test-linux-vm fuzz grade \
	bench
ifneq ($(filter $(SETUP_GOALS),$(MAKECMDGOALS)),)
export PAGODA_INSTALL_DEPS := 1
endif
ENSURE_DEPS := tools/ensure-deps.sh $(if $(PAGODA_INSTALL_DEPS),,--check)

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

# What building needs (NASM, GRUB, cpio, musl-gcc for the initramfs).
$(DEPS_STAMP): tools/ensure-deps.sh
	@mkdir -p $(BUILD)
	@$(ENSURE_DEPS) build user
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
	$(call msg,GEN,$@)
	$(Q)$(CC) $(KERNEL_CFLAGS) -MF $(BUILD)/asm-offsets.d -MT $@ -S -o $(BUILD)/asm-offsets.s $<
	$(Q)sed -n 's/^[[:space:]]*->\([A-Z_0-9]*\) \$$\{0,1\}\(-\{0,1\}[0-9]*\).*/%define \1 \2/p' \
		$(BUILD)/asm-offsets.s > $@

# version.h must exist before anything compiles (order-only); the files
# that include it are rebuilt when it changes through their .d files.
$(BUILD)/%.o: %.c $(BUILD)/.kernel-cflags | $(DEPS_STAMP) $(BUILD)/include/pagoda/version.h
	@mkdir -p $(dir $@)
	$(call msg,CC,$<)
	$(Q)$(CC) $(KERNEL_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.asm $(BUILD)/include/asm-offsets.inc | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,AS,$<)
	$(Q)$(NASM) -f elf64 -g -F dwarf -I$(BUILD)/include/ -MD $(@:.o=.d) -o $@ $<

# Two links: the first one's function symbols become the kallsyms table
# that the second one carries (tools/gen-kallsyms.sh).
$(BUILD)/kallsyms0.o: tools/gen-kallsyms.sh
	@mkdir -p $(BUILD)
	$(call msg,KSYMS,$(BUILD)/kallsyms0.S)
	$(Q)tools/gen-kallsyms.sh > $(BUILD)/kallsyms0.S
	$(call msg,AS,$(BUILD)/kallsyms0.S)
	$(Q)$(CC) -c -o $@ $(BUILD)/kallsyms0.S

$(BUILD)/kernel.pass1.elf: $(KERNEL_OBJS) $(BUILD)/kallsyms0.o linker.ld
	$(call msg,LD,$@)
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms0.o

$(BUILD)/kernel.elf: $(BUILD)/kernel.pass1.elf
	$(call msg,KSYMS,$(BUILD)/kallsyms.S)
	$(Q)tools/gen-kallsyms.sh $< > $(BUILD)/kallsyms.S
	$(call msg,AS,$(BUILD)/kallsyms.S)
	$(Q)$(CC) -c -o $(BUILD)/kallsyms.o $(BUILD)/kallsyms.S
	$(call msg,LD,$@)
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KERNEL_OBJS) $(BUILD)/kallsyms.o
	@nm -n $(BUILD)/kernel.pass1.elf | grep -i ' t ' > $(BUILD)/syms1.txt
	@nm -n $@ | grep -i ' t ' > $(BUILD)/syms2.txt
	@cmp -s $(BUILD)/syms1.txt $(BUILD)/syms2.txt || \
		{ echo "kallsyms: text symbols moved between links" >&2; exit 1; }

# ---------------------------------------------------------------- initramfs

# The root file system GRUB loads as a module: rootfs/ (data files) plus
# the user programs (USER_PROGS, from user/user.mk; stripped: GDB reads
# the symbols from build/user/) in /bin, as a cpio
# "newc" archive made with the standard cpio tool. Every file is root's
# (-R 0:0); /etc/shadow is 0640 and /root 0700, as on Debian, so that
# a process that drops to nobody meets the refusals it meets there.
INITRAMFS := $(BUILD)/initramfs.cpio
ROOTFS_FILES := $(shell find rootfs -type f 2>/dev/null)
# The malloc-lab traces, for mdriver inside Pagoda (/data/malloc-traces).
MALLOC_TRACES := $(wildcard tests/data/malloc-traces/*.rep)

$(INITRAMFS): $(USER_PROGS) $(ROOTFS_FILES) $(MALLOC_TRACES) | $(DEPS_STAMP)
	$(call msg,CPIO,$@)
	$(Q)rm -rf $(BUILD)/rootfs
	$(Q)mkdir -p $(BUILD)/rootfs/bin
	$(Q)cp -R rootfs/. $(BUILD)/rootfs/
	$(Q)chmod 0640 $(BUILD)/rootfs/etc/shadow
	$(Q)install -d -m 0700 $(BUILD)/rootfs/root
	$(Q)for p in $(USER_PROGS); do strip -o $(BUILD)/rootfs/bin/$$(basename $$p) $$p; done
	$(Q)if [ -f $(BUILD)/rootfs/bin/init ]; then mv $(BUILD)/rootfs/bin/init $(BUILD)/rootfs/init; fi
	$(Q)mkdir -p $(BUILD)/rootfs/data/malloc-traces
	$(Q)cp $(MALLOC_TRACES) $(BUILD)/rootfs/data/malloc-traces/
	$(Q)cd $(BUILD)/rootfs && find . -mindepth 1 | sed "s|^\./||" | LC_ALL=C sort | \
		cpio -o -H newc -R 0:0 --quiet > $(abspath $@)

# ---------------------------------------------------------------- ISO

$(BUILD)/pagoda.iso: $(BUILD)/kernel.elf $(INITRAMFS) tools/mkiso.sh $(BUILD)/.cmdline
	$(call msg,MKISO,$@)
	$(Q)tools/mkiso.sh $@ $(BUILD)/kernel.elf "$(CMDLINE)" $(INITRAMFS)

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
	$(call msg,GEN,$@)
	$(Q)sed -e 's|@GDBPORT@|$(GDBPORT)|g' -e 's|@KERNEL@|$(BUILD)/kernel.elf|g' \
		-e 's|@PAGODA_PY@|tools/gdb/pagoda.py|g' $< > $@

# lecture L=NAME: run docs/lectures/NAME.gdb in batch mode against a fresh
# QEMU (tools/run-lecture), printing the walk-through.
lecture: $(BUILD)/pagoda.iso $(BUILD)/.deps-run
	@test -n "$(L)" || { echo "usage: make lecture L=NAME (docs/lectures/NAME.gdb)" >&2; exit 2; }
	@$(PYTHON) tools/run-lecture $(L)

# After the build's setup (its stamp), so that two apt-gets never run at once.
$(BUILD)/.deps-run: tools/ensure-deps.sh | $(DEPS_STAMP)
	@$(ENSURE_DEPS) run
	@touch $@

# ---------------------------------------------------------------- tests

include tests/host/host.mk

$(BUILD)/.deps-test: tools/ensure-deps.sh | $(DEPS_STAMP)
	@$(ENSURE_DEPS) test
	@touch $@

# Every package any target needs, installed now (as root).
deps: $(DEPS_STAMP) $(BUILD)/.deps-run $(BUILD)/.deps-test
	@tools/ensure-deps.sh format

# The build and the pytest suites use every CPU (pytest-xdist,
# tests/run_all.py); the tests marked `long` (the million-call fuzz, the
# comparisons with Linux in QEMU) are left to make test-all.
NPROC := $(shell nproc 2>/dev/null || echo 1)
TEST_JOBS = $(if $(filter -j%,$(MAKEFLAGS)),,-j$(NPROC))

test: $(BUILD)/.deps-test
	@$(MAKE) --no-print-directory $(TEST_JOBS) all host-tests test-build
	@$(PYTHON) tests/run_all.py

test-all: $(BUILD)/.deps-test
	@$(MAKE) --no-print-directory $(TEST_JOBS) all host-tests test-build
	@$(PYTHON) tests/run_all.py --all

# tests/linux under Debian's Linux in QEMU, every program (a part of
# make test-all); the kernel is downloaded into build/linux/ on first use.
test-linux-vm: $(BUILD)/.deps-test all
	@$(PYTHON) -m pytest -q -p no:cacheprovider -n auto --long tests/linux -k in_qemu

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

.PHONY: fuzz lab grade lecture test-build all qemu qemu-nox qemu-gdb gdb test test-all \
	test-linux-vm bench format-check format clean host-tests deps FORCE

# The dependency files of this tree's objects; not those of the student
# trees that tools/lab.py writes under build/lab-* (thousands of them).
-include $(shell find $(BUILD) -path '$(BUILD)/lab-*' -prune -o -name '*.d' -print 2>/dev/null)
