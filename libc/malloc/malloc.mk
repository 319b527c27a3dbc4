# libc/malloc/malloc.mk - Pagoda's malloc: host unit tests and the
# malloc-lab trace driver (user/mdriver.c), built for this machine.
#
# Host tests: libc/malloc/*.c compiled with MALLOC_HOST_TEST under ASan and
# UBSan, then renamed by objcopy (tests/host/malloc-redefine.syms): the
# calls of sbrk, mmap, munmap, mremap, write, abort and getenv become
# host_NAME (the fake kernel, tests/host/malloc_fake_os.c), the public
# names pagoda_NAME, so that the host C library's malloc, which cmocka and
# ASan use, is left alone (the __libc_ names too: glibc exports them, and a definition in
# the test program would take their place). Each tests/host/test_malloc*.c
# becomes build/host/test_malloc*.
#
# mdriver, three ways (tools/bench_malloc.py and tests/malloc/ use them):
#   build/malloc/mdriver-pagoda  this malloc linked into a dynamic glibc
#                                program (its malloc symbols take the place
#                                of glibc's, also for glibc's own calls)
#   build/malloc/mdriver-glibc   plain glibc
#   build/malloc/mdriver-musl    musl-gcc -static

MALLOC_SRCS	:= $(wildcard libc/malloc/*.c)
MALLOC_HDRS	:= $(wildcard libc/malloc/*.h)

# ---------------------------------------------------------------- host tests

MALLOC_HOST_OBJS  := $(MALLOC_SRCS:%.c=$(BUILD)/host/%.o)
MALLOC_HOST_LIB   := $(BUILD)/host/libmalloc-host.a
MALLOC_HOST_TESTS := $(patsubst tests/host/%.c,$(BUILD)/host/%,$(wildcard tests/host/test_malloc*.c))
MALLOC_FAKE_OS	  := $(BUILD)/host/tests/host/malloc_fake_os.o

$(MALLOC_HOST_OBJS) $(MALLOC_FAKE_OS) $(MALLOC_HOST_TESTS:$(BUILD)/host/%=$(BUILD)/host/tests/host/%.o): \
	HOST_CFLAGS += -DMALLOC_HOST_TEST -Ilibc/malloc

$(MALLOC_HOST_LIB): $(MALLOC_HOST_OBJS) tests/host/malloc-redefine.syms
	$(call msg,AR,$@)
	$(Q)rm -f $@
	@mkdir -p $(BUILD)/host/malloc-renamed
	$(Q)for o in $(MALLOC_HOST_OBJS); do \
		objcopy --redefine-syms=tests/host/malloc-redefine.syms $$o \
			$(BUILD)/host/malloc-renamed/$$(basename $$o); \
	done
	$(Q)ar rcs $@ $(BUILD)/host/malloc-renamed/*.o

# A static pattern rule is explicit, so it wins over host.mk's test_% rule.
$(MALLOC_HOST_TESTS): $(BUILD)/host/%: $(BUILD)/host/tests/host/%.o $(MALLOC_FAKE_OS) \
		$(MALLOC_HOST_LIB)
	$(call msg,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $< $(MALLOC_FAKE_OS) $(MALLOC_HOST_LIB) $(HOST_LDLIBS)

host-tests: $(MALLOC_HOST_TESTS)

# ---------------------------------------------------------------- mdriver

MDRIVER_CFLAGS	:= -std=gnu11 -O2 -g -Wall -Wextra -Wno-unused-parameter
MALLOC_NATIVE_CFLAGS := $(MDRIVER_CFLAGS) -Iinclude -Ilibc/malloc -fno-builtin-malloc \
			-fno-builtin-calloc -fno-builtin-free -fno-builtin-realloc

$(BUILD)/malloc/mdriver-pagoda: user/mdriver.c $(MALLOC_SRCS) $(MALLOC_HDRS)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(MALLOC_NATIVE_CFLAGS) -DMDRIVER_PAGODA -o $@ user/mdriver.c $(MALLOC_SRCS)

$(BUILD)/malloc/mdriver-glibc: user/mdriver.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(MDRIVER_CFLAGS) -DMDRIVER_GLIBC -o $@ $<

$(BUILD)/malloc/mdriver-musl: user/mdriver.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(call msg,MUSLCC,$@)
	$(Q)musl-gcc -static $(MDRIVER_CFLAGS) -DMDRIVER_MUSL -o $@ $<

# user/malloc_demo.c, natively, against glibc's stdio with this malloc linked in.
$(BUILD)/malloc/malloc_demo: user/malloc_demo.c $(MALLOC_SRCS) $(MALLOC_HDRS)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(MALLOC_NATIVE_CFLAGS) -o $@ user/malloc_demo.c $(MALLOC_SRCS)

mdriver: $(BUILD)/malloc/mdriver-pagoda $(BUILD)/malloc/mdriver-glibc $(BUILD)/malloc/mdriver-musl

bench-malloc: mdriver
	@$(PYTHON) tools/bench_malloc.py

test-build: $(BUILD)/malloc/mdriver-pagoda $(BUILD)/malloc/malloc_demo

.PHONY: mdriver bench-malloc

# ---------------------------------------------------------------- into libc.a

# The same sources, built like the rest of Pagoda's C library, join libc.a
# (libc/libc.mk).
MALLOC_LIBC_OBJS := $(MALLOC_SRCS:%.c=$(BUILD)/%.o)

$(BUILD)/libc/malloc/%.o: libc/malloc/%.c $(MALLOC_HDRS) | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,LIBCC,$<)
	$(Q)$(CC) $(LIBC_CFLAGS) -Ilibc/malloc -c -o $@ $<

$(LIBC_A): $(MALLOC_LIBC_OBJS)
