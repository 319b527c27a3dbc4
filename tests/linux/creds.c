/*
 * tests/linux/creds.c - user and group ids: the get and set calls and
 * their errno cases, supplementary groups, and a process that drops from
 * root to nobody (65534) and is refused what nobody is refused: reading
 * a 0640 root file (/etc/shadow), searching a 0700 directory (/root),
 * opening the 0600 console, chmod and chown of root's /dev/null, a signal
 * to root's process, getting root back. access() checks with the real ids, faccessat(AT_EACCESS) with
 * the effective ones. Each case runs in a child, so the next starts as
 * root. Run as root; prints errno names only.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "raw_syscall.h"

#define NOBODY 65534

static const char *
name(long ret)
{
	if (ret >= 0)
		return "ok";
	switch (-ret) {
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case EINVAL: return "EINVAL";
	case EFAULT: return "EFAULT";
	case ENOENT: return "ENOENT";
	case EROFS: return "EROFS";
	default: return "other";
	}
}

/* e - a libc call's result as a raw one: -errno on failure. */
static long
e(long ret)
{
	return ret < 0 ? -errno : ret;
}

static void
show_ids(const char *when)
{
	unsigned int r, ef, s, gr, ge, gs;

	getresuid(&r, &ef, &s);
	getresgid(&gr, &ge, &gs);
	printf("%s: uid %u %u %u fsuid %d gid %u %u %u fsgid %d\n", when, r, ef, s, setfsuid(-1),
	       gr, ge, gs, setfsgid(-1));
}

/* in_child - run @fn in a child, so that the parent stays root. */
static void
in_child(void (*fn)(void))
{
	int status;

	if (fork() == 0) {
		fn();
		_exit(0);
	}
	wait(&status);
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		printf("child ended badly: 0x%x\n", status);
}

static void
groups(void)
{
	gid_t list[4] = { 5, 3, 4 }, bad[1] = { (gid_t)-1 }, out[4];
	int n;

	printf("setgroups 3: %s\n", name(e(setgroups(3, list))));
	n = getgroups(4, out);
	printf("getgroups: %d = %u %u %u\n", n, out[0], out[1], out[2]);
	printf("getgroups count: %d\n", getgroups(0, NULL));
	printf("getgroups too small: %s\n", name(raw(SYS_getgroups, 2, (long)out, 0, 0, 0, 0)));
	printf("getgroups negative: %s\n", name(raw(SYS_getgroups, -1, (long)out, 0, 0, 0, 0)));
	printf("getgroups bad buffer: %s\n", name(raw(SYS_getgroups, 3, 8, 0, 0, 0, 0)));
	printf("setgroups 65537: %s\n", name(raw(SYS_setgroups, 65537, (long)list, 0, 0, 0, 0)));
	printf("setgroups -1: %s\n", name(raw(SYS_setgroups, -1, (long)list, 0, 0, 0, 0)));
	printf("setgroups bad buffer: %s\n", name(raw(SYS_setgroups, 1, 8, 0, 0, 0, 0)));
	printf("setgroups gid -1: %s\n", name(raw(SYS_setgroups, 1, (long)bad, 0, 0, 0, 0)));
	printf("setgroups 0: %s\n", name(e(setgroups(0, NULL))));
	printf("getgroups after: %d\n", getgroups(0, NULL));
}

/* unprivileged_uids - root takes three different uids, then moves among them. */
static void
unprivileged_uids(void)
{
	printf("setresuid 1000 1001 1002: %s\n", name(e(setresuid(1000, 1001, 1002))));
	show_ids("after setresuid");
	printf("setuid 1002 (saved): %s\n", name(e(setuid(1002))));
	show_ids("after setuid");
	printf("setuid 5: %s\n", name(e(setuid(5))));
	printf("setreuid -1 1000: %s\n", name(e(setreuid(-1, 1000))));
	show_ids("after setreuid");
	printf("setreuid 1001 -1: %s\n", name(e(setreuid(1001, -1))));
	printf("setreuid 1002 -1: %s\n", name(e(setreuid(1002, -1))));
	show_ids("after setreuid 1002");
	printf("setresuid -1 -1 -1: %s\n", name(e(setresuid(-1, -1, -1))));
	printf("setresuid 7 -1 -1: %s\n", name(e(setresuid(7, -1, -1))));
	printf("setfsuid 1000: old %d\n", setfsuid(1000));
	printf("setfsuid 7: old %d\n", setfsuid(7));
	show_ids("after setfsuid");
	printf("seteuid 1002: %s\n", name(e(seteuid(1002))));
	show_ids("after seteuid");
	printf("setgid 9 unprivileged: %s\n", name(e(setgid(9))));
	printf("setgroups unprivileged: %s\n", name(e(setgroups(0, NULL))));
}

/* gids - the gid calls, privileged, then after the uids are dropped. */
static void
gids(void)
{
	printf("setresgid 100 101 102: %s\n", name(e(setresgid(100, 101, 102))));
	show_ids("after setresgid");
	printf("setregid 103 -1: %s\n", name(e(setregid(103, -1))));
	show_ids("after setregid");
	printf("setresuid 50 50 50: %s\n", name(e(setresuid(50, 50, 50))));
	printf("setgid 102 (saved is now 101): %s\n", name(e(setgid(102))));
	printf("setgid 101: %s\n", name(e(setgid(101))));
	show_ids("after setgid 101");
	printf("setregid 101 103: %s\n", name(e(setregid(101, 103))));
	printf("setregid -1 103: %s\n", name(e(setregid(-1, 103))));
	printf("setfsgid 7: old %d\n", setfsgid(7));
	printf("setfsgid 103: old %d\n", setfsgid(103));
	show_ids("after setfsgid");
	printf("setresgid 0 -1 -1: %s\n", name(e(setresgid(0, -1, -1))));
}

/* euid_only - root with only its effective uid set aside can get it back. */
static void
euid_only(void)
{
	/* Out of every group first: Debian's /etc/shadow is group shadow's, Pagoda's root's. */
	setgroups(0, NULL);
	setresgid(NOBODY, NOBODY, NOBODY);
	printf("setreuid -1 65534: %s\n", name(e(setreuid(-1, NOBODY))));
	show_ids("after");
	printf("open /etc/shadow: %s\n", name(e(open("/etc/shadow", O_RDONLY))));
	printf("setuid 0: %s\n", name(e(setuid(0))));
	show_ids("after setuid 0");
	printf("open /etc/shadow: %s\n", name(e(open("/etc/shadow", O_RDONLY))));
}

/* real_vs_effective - access() answers for the real ids, AT_EACCESS for the effective. */
static void
real_vs_effective(void)
{
	setgroups(0, NULL);
	setresgid(NOBODY, NOBODY, NOBODY);
	printf("setresuid 65534 0 0: %s\n", name(e(setresuid(NOBODY, 0, 0))));
	printf("access /etc/shadow R_OK: %s\n", name(e(access("/etc/shadow", R_OK))));
	printf("access /etc/passwd R_OK: %s\n", name(e(access("/etc/passwd", R_OK))));
	printf("access /root/x F_OK: %s\n", name(e(access("/root/x", F_OK))));
	printf("faccessat2 AT_EACCESS /etc/shadow: %s\n",
	       name(raw(SYS_faccessat2, AT_FDCWD, (long)"/etc/shadow", R_OK, AT_EACCESS, 0, 0)));
	printf("faccessat2 bad flag: %s\n",
	       name(raw(SYS_faccessat2, AT_FDCWD, (long)"/etc/shadow", R_OK, 0x1, 0, 0)));
	printf("access bad mode: %s\n", name(raw(SYS_access, (long)"/etc/passwd", 8, 0, 0, 0, 0)));
	printf("open /etc/shadow (fsuid 0): %s\n", name(e(open("/etc/shadow", O_RDONLY))));
}

/* as_nobody - drop everything as a login program does, then try. */
static void
as_nobody(void)
{
	int fd;

	printf("setgroups 0: %s\n", name(e(setgroups(0, NULL))));
	printf("setgid 65534: %s\n", name(e(setgid(NOBODY))));
	printf("setuid 65534: %s\n", name(e(setuid(NOBODY))));
	show_ids("nobody");
	printf("setuid 0: %s\n", name(e(setuid(0))));
	printf("setgid 0: %s\n", name(e(setgid(0))));
	printf("seteuid 0: %s\n", name(e(seteuid(0))));
	printf("setresuid -1 0 -1: %s\n", name(e(setresuid(-1, 0, -1))));
	printf("setgroups: %s\n", name(e(setgroups(0, NULL))));
	printf("setfsuid 0: old %d\n", setfsuid(0));
	printf("setfsuid -1: now %d\n", setfsuid(-1));
	printf("open /etc/shadow: %s\n", name(e(open("/etc/shadow", O_RDONLY))));
	printf("open /etc/passwd: %s\n", name(e(open("/etc/passwd", O_RDONLY))));
	printf("open /root: %s\n", name(e(open("/root", O_RDONLY | O_DIRECTORY))));
	printf("access /root/x: %s\n", name(e(access("/root/x", F_OK))));
	printf("chdir /root: %s\n", name(e(chdir("/root"))));
	printf("open /dev/console: %s\n", name(e(open("/dev/console", O_RDONLY))));
	printf("open /dev/null rw: %s\n", name(e(fd = open("/dev/null", O_RDWR))));
	printf("access /etc/shadow R_OK: %s\n", name(e(access("/etc/shadow", R_OK))));
	printf("access /dev/null W_OK: %s\n", name(e(access("/dev/null", W_OK))));
	printf("chmod /dev/null: %s\n", name(e(chmod("/dev/null", 0666))));
	printf("fchmod /dev/null: %s\n", name(e(fchmod(fd, 0666))));
	printf("chown /dev/null to nobody: %s\n", name(e(chown("/dev/null", NOBODY, NOBODY))));
	printf("chown /dev/null group: %s\n", name(e(chown("/dev/null", -1, NOBODY))));
	printf("lchown /dev/null -1 -1: %s\n", name(e(lchown("/dev/null", -1, -1))));
	printf("fchownat bad flag: %s\n", name(e(fchownat(AT_FDCWD, "/dev/null", -1, -1, 1))));
	{
		int p[2];
		struct stat st;

		pipe(p);
		fstat(p[0], &st);
		printf("pipe: owner %u group %u mode %o\n", st.st_uid, st.st_gid,
		       st.st_mode & 07777);
		printf("fchmod own pipe: %s\n", name(e(fchmod(p[0], 0640))));
	}
	printf("kill root's process: %s\n", name(e(kill(getppid(), 0))));
	printf("tgkill root's process: %s\n",
	       name(raw(SYS_tgkill, getppid(), getppid(), 0, 0, 0, 0)));
	printf("kill root's process SIGCONT: %s\n", name(e(kill(getppid(), SIGCONT))));
	printf("kill itself: %s\n", name(e(kill(getpid(), 0))));
	printf("execve /etc/passwd: %s\n",
	       name(e(execve("/etc/passwd", (char *[]){ "passwd", NULL }, (char *[]){ NULL }))));
}

/* root_checks - what root itself is refused: running a file with no x bit. */
static void
root_checks(void)
{
	printf("root: open /etc/shadow: %s\n", name(e(open("/etc/shadow", O_RDONLY))));
	printf("root: access /etc/shadow R_OK: %s\n", name(e(access("/etc/shadow", R_OK))));
	printf("root: access /etc/passwd X_OK: %s\n", name(e(access("/etc/passwd", X_OK))));
	printf("root: access /root X_OK: %s\n", name(e(access("/root", X_OK))));
	printf("root: access /root/x: %s\n", name(e(access("/root/x", F_OK))));
	printf("root: execve /etc/passwd: %s\n",
	       name(e(execve("/etc/passwd", (char *[]){ "passwd", NULL }, (char *[]){ NULL }))));
	printf("root: setuid -1: %s\n", name(raw(SYS_setuid, -1, 0, 0, 0, 0, 0)));
	printf("root: setgid -1: %s\n", name(raw(SYS_setgid, -1, 0, 0, 0, 0, 0)));
	printf("root: getresuid bad pointer: %s\n", name(raw(SYS_getresuid, 8, 8, 8, 0, 0, 0)));
}

int
main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	printf("ids: %u %u %u %u\n", getuid(), geteuid(), getgid(), getegid());
	show_ids("start");
	root_checks();
	in_child(groups);
	in_child(unprivileged_uids);
	in_child(gids);
	in_child(euid_only);
	in_child(real_vs_effective);
	in_child(as_nobody);
	show_ids("parent at the end");
	return 0;
}
