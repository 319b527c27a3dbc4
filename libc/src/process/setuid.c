/*
 * libc/src/process/setuid.c - changing the user and group ids: setuid(),
 * setgid(), seteuid(), setegid(), setreuid(), setregid(), setresuid(),
 * setresgid(), getresuid(), getresgid(), setfsuid(), setfsgid(),
 * getgroups(), setgroups().
 *
 * Each is one system call. In a threaded program glibc and musl run the
 * set calls in every thread (Linux changes only the calling thread's
 * ids); Pagoda's libc has no threads, so one call is the whole process.
 * seteuid(e) is setresuid(-1, e, -1), as in glibc and musl, which leaves
 * the saved id alone.
 */
#include <grp.h>
#include <sys/fsuid.h>
#include <unistd.h>
#include "../internal/syscall.h"

/* setuid - root: every uid becomes @uid; others: the effective uid, to the real or saved one */
int
setuid(uid_t uid)
{
	return __syscall_ret(__syscall1(__NR_setuid, uid));
}

/* setgid - setuid() for the group ids */
int
setgid(gid_t gid)
{
	return __syscall_ret(__syscall1(__NR_setgid, gid));
}

/* seteuid - only the effective uid (and with it the file-system uid) */
int
seteuid(uid_t euid)
{
	return __syscall_ret(__syscall3(__NR_setresuid, -1, euid, -1));
}

/* setegid - only the effective gid */
int
setegid(gid_t egid)
{
	return __syscall_ret(__syscall3(__NR_setresgid, -1, egid, -1));
}

/* setreuid - the real and effective uid (-1: unchanged) */
int
setreuid(uid_t ruid, uid_t euid)
{
	return __syscall_ret(__syscall2(__NR_setreuid, ruid, euid));
}

/* setregid - the real and effective gid (-1: unchanged) */
int
setregid(gid_t rgid, gid_t egid)
{
	return __syscall_ret(__syscall2(__NR_setregid, rgid, egid));
}

/* setresuid - the real, effective and saved uid (-1: unchanged) */
int
setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	return __syscall_ret(__syscall3(__NR_setresuid, ruid, euid, suid));
}

/* setresgid - the real, effective and saved gid (-1: unchanged) */
int
setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	return __syscall_ret(__syscall3(__NR_setresgid, rgid, egid, sgid));
}

/* getresuid - store the real, effective and saved uid */
int
getresuid(uid_t *ruid, uid_t *euid, uid_t *suid)
{
	return __syscall_ret(__syscall3(__NR_getresuid, (long)ruid, (long)euid, (long)suid));
}

/* getresgid - store the real, effective and saved gid */
int
getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid)
{
	return __syscall_ret(__syscall3(__NR_getresgid, (long)rgid, (long)egid, (long)sgid));
}

/* setfsuid - the uid file permission checks use; returns the old one, never fails */
int
setfsuid(uid_t fsuid)
{
	return __syscall1(__NR_setfsuid, fsuid);
}

/* setfsgid - the gid file permission checks use; returns the old one */
int
setfsgid(gid_t fsgid)
{
	return __syscall1(__NR_setfsgid, fsgid);
}

/* getgroups - up to @size supplementary groups into @list; 0 asks how many */
int
getgroups(int size, gid_t list[])
{
	return __syscall_ret(__syscall2(__NR_getgroups, size, (long)list));
}

/* setgroups - make @list (@size ids) the supplementary groups (root only) */
int
setgroups(size_t size, const gid_t *list)
{
	return __syscall_ret(__syscall2(__NR_setgroups, size, (long)list));
}
