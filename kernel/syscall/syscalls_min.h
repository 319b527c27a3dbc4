/*
 * kernel/syscall/syscalls_min.h - the file calls of rootfs_fallback.c, used
 * only when kernel/fs/ (and its syscalls_fs.h) is not built in.
 */
__SYSCALL(__NR_write, __x64_sys_write)
__SYSCALL(__NR_writev, __x64_sys_writev)
__SYSCALL(__NR_ioctl, __x64_sys_ioctl)
