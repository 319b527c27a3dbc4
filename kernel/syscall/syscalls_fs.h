/*
 * kernel/syscall/syscalls_fs.h - the file system calls, for sys_call_table.
 *
 * One __SYSCALL(number, entry) per system call that kernel/fs/ defines,
 * in number order. kernel/syscall/syscall_table.c defines __SYSCALL to
 * make a table entry and includes this list (an "X-macro"), so adding a
 * call to the file layer is one line here.
 *
 * Counterpart: Linux arch/x86/entry/syscalls/syscall_64.tbl.
 */
__SYSCALL(__NR_read, __x64_sys_read)
__SYSCALL(__NR_write, __x64_sys_write)
__SYSCALL(__NR_open, __x64_sys_open)
__SYSCALL(__NR_umask, __x64_sys_umask)
__SYSCALL(__NR_poll, __x64_sys_poll)
__SYSCALL(__NR_ppoll, __x64_sys_ppoll)
__SYSCALL(__NR_select, __x64_sys_select)
__SYSCALL(__NR_pselect6, __x64_sys_pselect6)
__SYSCALL(__NR_close, __x64_sys_close)
__SYSCALL(__NR_stat, __x64_sys_stat)
__SYSCALL(__NR_fstat, __x64_sys_fstat)
__SYSCALL(__NR_lstat, __x64_sys_lstat)
__SYSCALL(__NR_lseek, __x64_sys_lseek)
__SYSCALL(__NR_ioctl, __x64_sys_ioctl)
__SYSCALL(__NR_pread64, __x64_sys_pread64)
__SYSCALL(__NR_pwrite64, __x64_sys_pwrite64)
__SYSCALL(__NR_readv, __x64_sys_readv)
__SYSCALL(__NR_writev, __x64_sys_writev)
__SYSCALL(__NR_access, __x64_sys_access)
__SYSCALL(__NR_pipe, __x64_sys_pipe)
__SYSCALL(__NR_dup, __x64_sys_dup)
__SYSCALL(__NR_dup2, __x64_sys_dup2)
__SYSCALL(__NR_fcntl, __x64_sys_fcntl)
__SYSCALL(__NR_getcwd, __x64_sys_getcwd)
__SYSCALL(__NR_chdir, __x64_sys_chdir)
__SYSCALL(__NR_fchdir, __x64_sys_fchdir)
__SYSCALL(__NR_readlink, __x64_sys_readlink)
__SYSCALL(__NR_chmod, __x64_sys_chmod)
__SYSCALL(__NR_fchmod, __x64_sys_fchmod)
__SYSCALL(__NR_chown, __x64_sys_chown)
__SYSCALL(__NR_fchown, __x64_sys_fchown)
__SYSCALL(__NR_lchown, __x64_sys_lchown)
__SYSCALL(__NR_getdents64, __x64_sys_getdents64)
__SYSCALL(__NR_openat, __x64_sys_openat)
__SYSCALL(__NR_fchownat, __x64_sys_fchownat)
__SYSCALL(__NR_newfstatat, __x64_sys_newfstatat)
__SYSCALL(__NR_readlinkat, __x64_sys_readlinkat)
__SYSCALL(__NR_fchmodat, __x64_sys_fchmodat)
__SYSCALL(__NR_faccessat, __x64_sys_faccessat)
__SYSCALL(__NR_dup3, __x64_sys_dup3)
__SYSCALL(__NR_pipe2, __x64_sys_pipe2)
__SYSCALL(__NR_faccessat2, __x64_sys_faccessat2)
