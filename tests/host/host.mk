# tests/host/host.mk - host unit tests: portable kernel code, compiled for
# this machine and tested with cmocka under AddressSanitizer and UBSan.
#
# Each tests/host/test_NAME.c becomes build/host/test_NAME, linked with
# build/host/libkhost.a: the portable kernel sources in HOST_KERNEL_SRCS
# plus tests/host/shim.c (what the kernel provides that a host test must
# fake, such as panic). Kernel symbols that clash with the C library's
# (snprintf, vsnprintf) are renamed kernel_NAME in the archive by objcopy,
# so a test can compare the two.

HOST_CC		:= gcc
HOST_CFLAGS	:= -std=gnu11 -g -O1 -Wall -Wextra -Wno-unused-parameter \
		   -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer \
		   -Iinclude -Itests/host/include -Ikernel/arch/x86_64/include -DPAGODA_HOST_TEST -D__KERNEL__ -MMD -MP
HOST_LDLIBS	:= -lcmocka
ifeq ($(WERROR),1)
HOST_CFLAGS	+= -Werror
endif

# Portable kernel code that host tests exercise.
HOST_KERNEL_SRCS := kernel/lib/vsprintf.c kernel/lib/cmdline.c kernel/lib/printk.c \
		    kernel/lib/radix-tree.c kernel/mm/filemap.c kernel/mm/truncate.c kernel/mm/shmem.c \
		    kernel/lib/errname.c \
		    kernel/init/multiboot2.c kernel/mm/page_alloc.c kernel/mm/memblock.c \
		    kernel/fs/initramfs.c kernel/fs/inode.c kernel/fs/namei.c kernel/fs/file.c kernel/fs/open.c \
		    kernel/fs/read_write.c kernel/fs/stat.c kernel/fs/readdir.c kernel/fs/fcntl.c \
		    kernel/fs/pipe.c kernel/fs/n_tty.c kernel/fs/dev.c kernel/fs/ioctl.c \
		    kernel/fs/proc.c kernel/mm/vmstat.c kernel/mm/vma.c kernel/mm/mmap.c \
		    kernel/locking/lockdep.c kernel/locking/spinlock.c kernel/locking/mutex.c \
		    kernel/locking/rwsem.c kernel/fs/permission.c kernel/fs/attr.c kernel/fs/mem.c kernel/proc/cred.c \
		    kernel/proc/groups.c kernel/proc/uid.c kernel/fs/sync.c

HOST_SHIM_SRCS	:= tests/host/shim.c tests/host/shim_fs.c tests/host/shim_mm.c
HOST_TEST_SRCS	:= $(wildcard tests/host/test_*.c)
HOST_TESTS	:= $(HOST_TEST_SRCS:tests/host/%.c=$(BUILD)/host/%)
HOST_LIB_OBJS	:= $(HOST_KERNEL_SRCS:%.c=$(BUILD)/host/%.o) $(HOST_SHIM_SRCS:%.c=$(BUILD)/host/%.o)

host-tests: $(HOST_TESTS)

# Keep the test objects between runs (make would delete them as intermediate).
.SECONDARY: $(HOST_TEST_SRCS:%.c=$(BUILD)/host/%.o)

$(BUILD)/host/%.o: %.c | $(BUILD)/.deps-test
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$<)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -c -o $@ $<

$(BUILD)/host/libkhost.a: $(HOST_LIB_OBJS) tests/host/redefine.syms
	$(call msg,AR,$@)
	$(Q)rm -f $@
	@mkdir -p $(BUILD)/host/renamed
	$(Q)for o in $(HOST_LIB_OBJS); do \
		objcopy --redefine-syms=tests/host/redefine.syms $$o $(BUILD)/host/renamed/$$(basename $$o); \
	done
	$(Q)ar rcs $@ $(BUILD)/host/renamed/*.o

$(BUILD)/host/test_%: $(BUILD)/host/tests/host/test_%.o $(BUILD)/host/libkhost.a
	$(call msg,HOSTLD,$@)
	$(Q)$(HOST_CC) $(HOST_CFLAGS) -o $@ $< $(BUILD)/host/libkhost.a $(HOST_LDLIBS)

# The allocator benchmark: optimized, no sanitizers (make bench).
$(BUILD)/host/bench_page_alloc: tests/host/bench_page_alloc.c kernel/mm/page_alloc.c \
		kernel/mm/memblock.c
	@mkdir -p $(dir $@)
	$(call msg,HOSTCC,$@)
	$(Q)$(HOST_CC) -std=gnu11 -O2 -Iinclude -Ikernel/arch/x86_64/include -DPAGODA_HOST_TEST \
		-o $@ $^
