/*
 * tests/linux/files_names.c - creating, writing and removing files in a
 * directory of /tmp made with mkdtemp: open with O_CREAT, O_EXCL, O_TRUNC,
 * O_APPEND, O_DIRECTORY, O_NOFOLLOW and the umask; mkdir, rmdir, unlink
 * (also of a file still open), rename and renameat2 (over an open file,
 * RENAME_NOREPLACE, RENAME_EXCHANGE), symlink and readlink, link counts,
 * and each call's errno in Linux's order. Prints only what is the same
 * on every file system (no sizes in blocks, no inode numbers).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "raw_syscall.h"

#define RENAME_NOREPLACE_ 1
#define RENAME_EXCHANGE_  2
#define AT_REMOVEDIR_	  0x200

static const char *
ename(int e)
{
	switch (e) {
	case 0: return "ok";
	case ENOENT: return "ENOENT";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EEXIST: return "EEXIST";
	case ENOTEMPTY: return "ENOTEMPTY";
	case EINVAL: return "EINVAL";
	case EBUSY: return "EBUSY";
	case ELOOP: return "ELOOP";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case EBADF: return "EBADF";
	case EXDEV: return "EXDEV";
	default: return "other";
	}
}

/* show - print @what and the errno name of a libc call's result @ret. */
static void
show(const char *what, long ret)
{
	printf("%s: %s\n", what, ename(ret < 0 ? errno : 0));
}

/* rshow - the same for a raw system call's -errno. */
static void
rshow(const char *what, long ret)
{
	printf("%s: %s\n", what, ename(ret < 0 ? (int)-ret : 0));
}

/* slurp - the contents of @path (up to 63 bytes) as a string. */
static const char *
slurp(const char *path)
{
	static char buf[64];
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return ename(errno);
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	return buf;
}

static void
put(const char *path, const char *text)
{
	int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);

	if (write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		printf("write %s failed\n", path);
	close(fd);
}

static void
stat_line(const char *path)
{
	struct stat st;

	if (lstat(path, &st) < 0) {
		printf("lstat %s: %s\n", path, ename(errno));
		return;
	}
	printf("%s: mode %o nlink %lu size %ld\n", path, (unsigned)st.st_mode,
	       (unsigned long)st.st_nlink, S_ISDIR(st.st_mode) ? 0L : (long)st.st_size);
}

static void
test_open(void)
{
	char buf[32], longname[300];
	struct stat st;
	int fd, n;

	umask(022);
	fd = open("a", O_CREAT | O_RDWR, 0666);
	show("create a", fd);
	stat_line("a");
	n = write(fd, "hello world", 11);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n < 0 ? 0 : n] = '\0';
	printf("read back %d: %s\n", n, buf);
	close(fd);
	show("O_CREAT|O_EXCL existing", open("a", O_CREAT | O_EXCL | O_RDWR, 0644));
	fd = open("a", O_WRONLY | O_APPEND);
	n = write(fd, "!", 1);
	fstat(fd, &st);
	printf("append: size %ld\n", (long)st.st_size);
	close(fd);
	printf("a: %s\n", slurp("a"));
	fd = open("a", O_RDWR | O_TRUNC);
	fstat(fd, &st);
	printf("O_TRUNC: size %ld, read %zd\n", (long)st.st_size, read(fd, buf, 4));
	close(fd);
	put("a", "again");
	printf("a: %s\n", slurp("a"));
	fd = creat("b", 0640);
	show("creat b", fd);
	close(fd);
	stat_line("b");
	umask(077);
	close(open("c", O_CREAT | O_EXCL | O_WRONLY, 0666));
	umask(022);
	stat_line("c");
	show("O_CREAT missing dir", open("nodir/x", O_CREAT | O_WRONLY, 0644));
	show("O_CREAT under a file", open("a/x", O_CREAT | O_WRONLY, 0644));
	show("O_CREAT name/", open("newf/", O_CREAT | O_WRONLY, 0644));
	show("O_WRONLY dir", open(".", O_WRONLY));
	show("O_CREAT existing dir", open(".", O_CREAT | O_RDWR, 0644));
	show("O_DIRECTORY file", open("a", O_RDONLY | O_DIRECTORY));
	show("file/", open("a/", O_RDONLY));
	memset(longname, 'n', 256);
	longname[256] = '\0';
	show("O_CREAT 256-byte name", open(longname, O_CREAT | O_WRONLY, 0644));
	show("open missing", open("nope", O_RDONLY));
	show("symlink la", symlink("a", "la"));
	show("O_NOFOLLOW link", open("la", O_RDONLY | O_NOFOLLOW));
	show("O_CREAT|O_EXCL link", open("la", O_CREAT | O_EXCL | O_WRONLY, 0644));
	printf("through la: %s\n", slurp("la"));
	n = readlink("la", buf, sizeof(buf));
	printf("readlink la: %.*s\n", n < 0 ? 0 : n, buf);
	stat_line("la");
	show("symlink empty", symlink("", "s"));
	show("symlink existing", symlink("x", "a"));
}

static void
test_dirs(void)
{
	struct stat st0, st1;
	long ret;

	stat(".", &st0);
	show("mkdir d", mkdir("d", 0755));
	stat(".", &st1);
	printf("parent nlink +%lu\n", (unsigned long)(st1.st_nlink - st0.st_nlink));
	stat_line("d");
	umask(027);
	show("mkdir d2", mkdir("d2", 0777));
	umask(022);
	stat_line("d2");
	show("mkdir existing", mkdir("d", 0755));
	show("mkdir file", mkdir("a", 0755));
	show("mkdir .", mkdir(".", 0755));
	show("mkdir missing parent", mkdir("nodir/x", 0755));
	show("mkdir under file", mkdir("a/x", 0755));
	put("d/f", "in d");
	show("rmdir non-empty", rmdir("d"));
	show("rmdir file", rmdir("a"));
	show("rmdir .", rmdir("."));
	show("rmdir ..", rmdir(".."));
	show("rmdir /", rmdir("/"));
	show("rmdir missing", rmdir("nope"));
	show("unlink dir", unlink("d"));
	show("unlink missing", unlink("nope"));
	show("unlink file/", unlink("a/"));
	ret = raw(SYS_unlinkat, AT_FDCWD, (long)"d", 1, 0, 0, 0);
	rshow("unlinkat bad flag", ret);
	ret = raw(SYS_unlinkat, AT_FDCWD, (long)"d2", AT_REMOVEDIR_, 0, 0, 0);
	rshow("unlinkat AT_REMOVEDIR", ret);
	ret = raw(SYS_unlinkat, AT_FDCWD, (long)"d/f", AT_REMOVEDIR_, 0, 0, 0);
	rshow("unlinkat AT_REMOVEDIR file", ret);
	ret = raw(SYS_mkdirat, AT_FDCWD, (long)"d2", 0700, 0, 0, 0);
	rshow("mkdirat d2", ret);
	stat_line("d2");
	show("rmdir d2/", rmdir("d2/"));
}

static void
test_unlink_open(void)
{
	char buf[32];
	struct stat st;
	int fd = open("u", O_CREAT | O_RDWR, 0600);
	ssize_t n;

	n = write(fd, "still here", 10);
	show("unlink open file", unlink("u"));
	show("stat it", stat("u", &st));
	fstat(fd, &st);
	printf("fstat: nlink %lu size %ld\n", (unsigned long)st.st_nlink, (long)st.st_size);
	n = write(fd, ", and more", 10);
	lseek(fd, 0, SEEK_SET);
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n < 0 ? 0 : n] = '\0';
	printf("read %zd: %s\n", n, buf);
	close(fd);
}

static void
test_rename(void)
{
	struct stat st0, st1;
	char buf[8];
	int fd;
	ssize_t n;

	put("r1", "one");
	put("r2", "two");
	fd = open("r2", O_RDONLY);
	show("rename over an open file", rename("r1", "r2"));
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n < 0 ? 0 : n] = '\0';
	printf("old r2 still reads: %s\n", buf);
	fstat(fd, &st0);
	printf("old r2 nlink %lu\n", (unsigned long)st0.st_nlink);
	close(fd);
	printf("r2: %s\n", slurp("r2"));
	show("r1 gone", stat("r1", &st0));
	show("rename missing", rename("nope", "x"));
	show("rename dir into itself", rename("d", "d/sub"));
	show("rename file over dir", rename("r2", "d"));
	show("rename dir over file", rename("d", "r2"));
	mkdir("e", 0755);
	mkdir("e/f", 0755);
	show("rename over ancestor", rename("e/f", "e"));
	mkdir("g", 0755);
	put("g/x", "x");
	show("rename over non-empty", rename("e", "g"));
	show("rename to itself", rename("r2", "r2"));
	show("rename .", rename(".", "x"));
	show("rename to .", rename("r2", "."));
	show("rename file/", rename("r2/", "z"));
	show("rename to name/", rename("r2", "z/"));
	rshow("NOREPLACE existing",
	      raw(SYS_renameat2, AT_FDCWD, (long)"r2", AT_FDCWD, (long)"a", RENAME_NOREPLACE_, 0));
	rshow("NOREPLACE new",
	      raw(SYS_renameat2, AT_FDCWD, (long)"r2", AT_FDCWD, (long)"r3", RENAME_NOREPLACE_, 0));
	rshow("EXCHANGE",
	      raw(SYS_renameat2, AT_FDCWD, (long)"r3", AT_FDCWD, (long)"a", RENAME_EXCHANGE_, 0));
	printf("a: %s, ", slurp("a"));
	printf("r3: %s\n", slurp("r3"));
	rshow("EXCHANGE missing", raw(SYS_renameat2, AT_FDCWD, (long)"r3", AT_FDCWD, (long)"nope",
				      RENAME_EXCHANGE_, 0));
	rshow("EXCHANGE|NOREPLACE", raw(SYS_renameat2, AT_FDCWD, (long)"r3", AT_FDCWD, (long)"a",
					RENAME_EXCHANGE_ | RENAME_NOREPLACE_, 0));
	rshow("bad flags", raw(SYS_renameat2, AT_FDCWD, (long)"r3", AT_FDCWD, (long)"a", 0x100, 0));
	rshow("EXCHANGE dir and file",
	      raw(SYS_renameat2, AT_FDCWD, (long)"e", AT_FDCWD, (long)"r3", RENAME_EXCHANGE_, 0));
	stat_line("e");
	stat_line("r3");
	rshow("EXCHANGE back",
	      raw(SYS_renameat2, AT_FDCWD, (long)"e", AT_FDCWD, (long)"r3", RENAME_EXCHANGE_, 0));
	stat("g", &st0);
	show("move a dir", rename("e", "g/e"));
	stat("g", &st1);
	printf("g nlink +%lu\n", (unsigned long)(st1.st_nlink - st0.st_nlink));
	stat_line("g/e/f");
	show("rename empty dir over empty dir", rename("g/e/f", "d2"));
	stat_line("d2");
	show("e/f gone", stat("g/e/f", &st0));
}

/* test_removed_cwd - a working directory that is removed has no path and no new entries. */
static void
test_removed_cwd(const char *dir)
{
	char buf[256];

	mkdir("h", 0755);
	chdir("h");
	show("rmdir the working directory", rmdir("../h"));
	rshow("getcwd", raw(SYS_getcwd, (long)buf, sizeof(buf), 0, 0, 0, 0));
	show("create in it", open("x", O_CREAT | O_WRONLY, 0644));
	show("mkdir in it", mkdir("y", 0755));
	chdir(dir);
}

static void
cleanup(const char *dir)
{
	const char *files[] = { "a", "b", "c", "la", "r3", "d/f", "g/x" };
	const char *dirs[] = { "d", "d2", "g/e", "g" };
	int bad = 0;

	for (unsigned i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		bad |= unlink(files[i]);
	for (unsigned i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		bad |= rmdir(dirs[i]);
	chdir("/");
	bad |= rmdir(dir);
	printf("cleanup: %s\n", bad ? ename(errno) : "ok");
}

int
main(void)
{
	char dir[] = "/tmp/files_namesXXXXXX";

	if (!mkdtemp(dir) || chdir(dir) < 0) {
		printf("mkdtemp: %s\n", ename(errno));
		return 1;
	}
	printf("mkdtemp: %s\n", strncmp(dir, "/tmp/files_names", 16) == 0 ? "ok" : dir);
	stat_line(".");
	test_open();
	test_dirs();
	test_unlink_open();
	test_rename();
	test_removed_cwd(dir);
	cleanup(dir);
	return 0;
}
