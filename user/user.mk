# user/user.mk - user programs that go into the initramfs.
#
# raw programs use no C library (user/raw/); tests/linux/ programs are
# built with this machine's glibc (gcc -static) and musl (musl-gcc
# -static) to check that Pagoda runs them unchanged.

RAW_CFLAGS := -static -nostdlib -ffreestanding -fno-pie -no-pie -O2 -g -fno-stack-protector \
	      -fno-asynchronous-unwind-tables -Wall -Wextra

$(BUILD)/user/raw_%: user/raw/raw_%.c
	@mkdir -p $(dir $@)
	@echo "  USERCC  $@"
	@$(CC) $(RAW_CFLAGS) -o $@ $<

$(BUILD)/user/%-glibc: tests/linux/%.c
	@mkdir -p $(dir $@)
	@echo "  GLIBC   $@"
	@$(CC) -static -O2 -o $@ $<

$(BUILD)/user/%-musl: tests/linux/%.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	@echo "  MUSL    $@"
	@musl-gcc -static -O2 -o $@ $<

USER_PROGS += $(BUILD)/user/raw_hello $(BUILD)/user/hello-glibc $(BUILD)/user/hello-musl

# The system programs and demos. Built with this machine's C library for
# now (gcc -static: the Linux ABI is Pagoda's).
USER_CMDS := init sh echo cat ls ps free maps brk_demo mmap_demo

$(BUILD)/user/%: user/%.c user/memshow.h
	@mkdir -p $(dir $@)
	@echo "  USERCC  $@"
	@$(CC) -static -O2 -g -Wall -Wextra -Wno-unused-parameter -o $@ $<

USER_PROGS += $(USER_CMDS:%=$(BUILD)/user/%)
