# libc/libc.mk - Pagoda's C library: build/libc/libc.a and build/libc/crt1.o,
# and the variables that build user programs against them.
#
# Included by the top-level Makefile. A user program is built with
#     $(call user-prog,NAME)        user/NAME.c -> $(BUILD)/user/NAME
# or by hand:
#     $(USER_CC) $(USER_CFLAGS) -o prog prog.c $(USER_LDFLAGS) $(USER_LIBS)
# The result is a static, non-PIE x86-64 ELF that runs on Pagoda and,
# because Pagoda speaks Linux's system-call ABI, on Linux as it is.

LIBC_DIR := libc
LIBC_BUILD := $(BUILD)/libc
LIBC_A := $(LIBC_BUILD)/libc.a
LIBC_CRT1 := $(LIBC_BUILD)/crt1.o

# Flags for code that uses Pagoda's headers instead of the system's: GCC's
# own freestanding headers (stddef.h, stdarg.h, ...) and ours, nothing from
# /usr/include.
LIBC_INCLUDES := -nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-I$(LIBC_DIR)/include -Iinclude

# -fno-tree-loop-distribute-patterns: GCC must not turn memset()'s own loop
# into a call to memset(). -fno-builtin keeps printf() calls as printf().
LIBC_CFLAGS := -std=gnu11 -O2 -g -static -fno-pie -fno-stack-protector \
	-fno-builtin -fno-tree-loop-distribute-patterns -fno-omit-frame-pointer \
	-ffreestanding -Wall -Wextra -Wno-unused-parameter -Wmissing-prototypes \
	$(LIBC_INCLUDES) -MMD -MP
ifeq ($(WERROR),1)
LIBC_CFLAGS += -Werror
endif

LIBC_SRCS := $(shell find $(LIBC_DIR)/src -name '*.c')
LIBC_OBJS := $(LIBC_SRCS:%.c=$(BUILD)/%.o)

# ---------------------------------------------------------------- exports

USER_CC := $(CC)
USER_CFLAGS := -std=gnu11 -O2 -g -static -fno-pie -fno-stack-protector \
	-fno-omit-frame-pointer $(LIBC_INCLUDES)
USER_LDFLAGS := -static -no-pie -nostdlib $(LIBC_CRT1)
USER_LIBS := $(LIBC_A) -lgcc
# What a user program's link depends on.
USER_DEPS := $(LIBC_A) $(LIBC_CRT1)

# $(call user-prog,NAME): the rule that builds user/NAME.c into
# $(BUILD)/user/NAME; use it as $(eval $(call user-prog,NAME)).
define user-prog
$(BUILD)/user/$(1): user/$(1).c $$(USER_DEPS)
	@mkdir -p $$(dir $$@)
	$$(call msg,USER,$$@)
	$$(Q)$$(USER_CC) $$(USER_CFLAGS) -o $$@ $$< $$(USER_LDFLAGS) $$(USER_LIBS)
endef

# ---------------------------------------------------------------- rules

$(BUILD)/$(LIBC_DIR)/%.o: $(LIBC_DIR)/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$<)
	$(Q)$(CC) $(LIBC_CFLAGS) -c -o $@ $<

$(LIBC_CRT1): $(LIBC_DIR)/crt/x86_64/crt1.asm | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,AS,$<)
	$(Q)$(NASM) -f elf64 -g -F dwarf -o $@ $<

# The allocator (libc/malloc/malloc.mk) adds its objects with
#     $(LIBC_A): $(MALLOC_LIBC_OBJS)
$(LIBC_A): $(LIBC_OBJS)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

libc: $(LIBC_A) $(LIBC_CRT1)

# ---------------------------------------------------------------- tests

# Each tests/libc/NAME.c is built three ways: against Pagoda's libc, glibc
# (gcc -static) and musl (musl-gcc -static); tests/libc/test_libc.py runs
# all three on this machine and compares their output.
LIBC_TEST_SRCS := $(wildcard tests/libc/*.c)
LIBC_TEST_NAMES := $(LIBC_TEST_SRCS:tests/libc/%.c=%)
LIBC_TEST_DIR := $(BUILD)/tests/libc
LIBC_TEST_BINS := $(foreach n,$(LIBC_TEST_NAMES),$(addprefix $(LIBC_TEST_DIR)/$(n).,pagoda glibc musl))

$(LIBC_TEST_DIR)/%.pagoda: tests/libc/%.c $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(call msg,USER,$@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -Wall -MMD -MP -o $@ $< $(USER_LDFLAGS) $(USER_LIBS)

$(LIBC_TEST_DIR)/%.glibc: tests/libc/%.c
	@mkdir -p $(dir $@)
	$(call msg,GLIBC,$@)
	$(Q)$(CC) -std=gnu11 -O2 -static -w -o $@ $<

$(LIBC_TEST_DIR)/%.musl: tests/libc/%.c
	@mkdir -p $(dir $@)
	$(call msg,MUSL,$@)
	$(Q)musl-gcc -std=gnu11 -O2 -static -w -o $@ $<

libc-tests: $(LIBC_TEST_BINS)

# Host unit tests (tests/libc/host/test_*.c, cmocka): the parts of libc that
# need no process set-up, compiled for this machine under AddressSanitizer
# and UBSan, linked into one object whose every defined symbol is renamed
# pagoda_NAME, so a test calls Pagoda's snprintf and glibc's side by side.
# The binaries land in build/host/, where tests/run_all.py runs them.
LIBC_HOST_SRCS := $(addprefix $(LIBC_DIR)/src/, string/memory.c string/string.c \
	string/strerror.c ctype/ctype.c stdlib/strtol.c stdlib/strtod.c stdlib/qsort.c \
	stdlib/rand.c \
	stdio/vfprintf.c stdio/fmt_fp.c stdio/printf.c stdio/file.c stdio/put.c \
	internal/errno.c internal/syscall_ret.c internal/big_decimal.c unistd/read_write.c \
	misc/ioctl.c)
LIBC_HOST_OBJS := $(LIBC_HOST_SRCS:%.c=$(BUILD)/host-libc/%.o)
LIBC_HOST_TESTS := $(patsubst tests/libc/host/%.c,$(BUILD)/host/%,$(wildcard tests/libc/host/test_*.c))
LIBC_HOST_CFLAGS := -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -fno-builtin -fno-tree-loop-distribute-patterns -ffreestanding \
	-Wall -Wextra -Wno-unused-parameter $(LIBC_INCLUDES) -MMD -MP

$(BUILD)/host-libc/%.o: %.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$<)
	$(Q)$(CC) $(LIBC_HOST_CFLAGS) -c -o $@ $<

$(BUILD)/host-libc/libc-renamed.o: $(LIBC_HOST_OBJS)
	$(call msg,OBJCOPY,$@)
	$(Q)$(LD) -r -o $@.tmp $^
	$(Q)nm -g --defined-only $@.tmp | awk '{ print $$3, "pagoda_" $$3 }' > $@.syms
	$(Q)objcopy --redefine-syms=$@.syms $@.tmp $@
	$(Q)rm -f $@.tmp

$(BUILD)/host/test_libc_%: tests/libc/host/test_libc_%.c $(BUILD)/host-libc/libc-renamed.o
	@mkdir -p $(dir $@)
	$(call msg,HOSTLD,$@)
	$(Q)$(CC) -std=gnu11 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
		-Wall -o $@ $^ -lcmocka

test-build: $(LIBC_A) $(LIBC_CRT1) $(LIBC_TEST_BINS) $(LIBC_HOST_TESTS)

.PHONY: libc libc-tests
