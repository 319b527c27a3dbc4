# user/user.mk - user programs that go into the initramfs.
#
# raw programs use no C library (user/raw/); tests/linux/ programs are
# built with this machine's glibc (gcc -static) and musl (musl-gcc
# -static) to check that Pagoda runs them unchanged.

RAW_CFLAGS := -static -nostdlib -ffreestanding -fno-pie -no-pie -O2 -g -fno-stack-protector \
	      -fno-asynchronous-unwind-tables -Wall -Wextra

$(BUILD)/user/raw_%: user/raw/raw_%.c
	@mkdir -p $(dir $@)
	$(call msg,USERCC,$@)
	$(Q)$(CC) $(RAW_CFLAGS) -o $@ $<

$(BUILD)/user/%-glibc: tests/linux/%.c
	@mkdir -p $(dir $@)
	$(call msg,GLIBC,$@)
	$(Q)$(CC) -static -O2 -o $@ $<

$(BUILD)/user/%-musl: tests/linux/%.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(call msg,MUSL,$@)
	$(Q)musl-gcc -static -O2 -o $@ $<

USER_PROGS += $(BUILD)/user/raw_hello $(BUILD)/user/hello-glibc $(BUILD)/user/hello-musl

# The system programs and demos, built with Pagoda's C library
# (libc/libc.mk's user-prog).
USER_CMDS := init sh echo cat ls ps free maps brk_demo mmap_demo malloc_demo cow_demo fuzz id

$(foreach p,$(USER_CMDS),$(eval $(call user-prog,$(p))))
$(USER_CMDS:%=$(BUILD)/user/%): user/memshow.h

# mdriver for Pagoda: the malloc-lab trace driver on Pagoda's libc.
$(BUILD)/user/mdriver: user/mdriver.c $(USER_DEPS)
	@mkdir -p $(dir $@)
	$(call msg,USER,$@)
	$(Q)$(USER_CC) $(USER_CFLAGS) -DMDRIVER_PAGODA -Ilibc/malloc -o $@ $< $(USER_LDFLAGS) \
		$(USER_LIBS)

USER_PROGS += $(USER_CMDS:%=$(BUILD)/user/%) $(BUILD)/user/mdriver

# membench: the memory system calls' costs in cycles (tools/bench.py runs
# it on Pagoda; `gcc -static user/membench.c` builds the same for Linux).
$(eval $(call user-prog,membench))
USER_PROGS += $(BUILD)/user/membench
