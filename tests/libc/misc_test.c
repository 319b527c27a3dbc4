/*
 * tests/libc/misc_test.c - getopt() over this program's own arguments
 * (options first: glibc would reorder the others, Pagoda and musl stop at
 * the first operand) and over fixed vectors, with its messages on stderr;
 * file calls (rename, link, symlink, chmod, truncate, ftruncate, fsync,
 * rmdir) checked through stat() and readlink(); alarm(), sigsuspend(),
 * process groups. Each call whose result or errno is printed is a
 * statement of its own: argument order is unspecified.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>

static void
options(int argc, char **argv)
{
	char *v2[] = { "prog", "-q", "-n", NULL };
	char *v3[] = { "prog", "-ovalue", NULL };
	int c;

	while ((c = getopt(argc, argv, "ab:c:")) != -1)
		printf("option %c, optarg %s, optind %d, optopt %d\n", c,
		       c == 'b' || c == 'c' ? optarg : "-", optind, c == '?' ? optopt : 0);
	for (; optind < argc; optind++)
		printf("operand %s\n", argv[optind]);
	fflush(stdout);

	optind = 0;
	while ((c = getopt(3, v2, ":n:q")) != -1)
		printf("quiet getopt: %c, optopt %c\n", c, optopt);
	optind = 0;
	while ((c = getopt(2, v3, "o:v")) != -1)
		printf("argument in the same word: %c %s\n", c, optarg);
	printf("optind %d\n", optind);
}

/* print "@what: @ret" and errno when @ret is negative */
static void
report(const char *what, long ret)
{
	if (ret < 0)
		printf("%s: %ld errno %d\n", what, ret, errno);
	else
		printf("%s: %ld\n", what, ret);
}

static void
files(void)
{
	struct stat st;
	char target[64];
	int fd, n;

	fd = open("a", O_CREAT | O_WRONLY, 0600);
	write(fd, "0123456789", 10);
	report("fsync", fsync(fd));
	report("ftruncate", ftruncate(fd, 4));
	close(fd);
	stat("a", &st);
	report("size after ftruncate", st.st_size);
	report("truncate", truncate("a", 100));
	report("chmod", chmod("a", 0640));
	stat("a", &st);
	printf("size %ld, mode %o\n", (long)st.st_size, st.st_mode & 0777);
	report("rename", rename("a", "b"));
	report("link", link("b", "c"));
	report("symlink", symlink("b", "d"));
	stat("c", &st);
	report("links to b", st.st_nlink);
	n = readlink("d", target, sizeof(target));
	printf("readlink: %d [%.*s]\n", n, n > 0 ? n : 0, target);
	report("mkdir", mkdir("dir", 0755));
	report("rmdir of .", rmdir("."));
	report("rmdir", rmdir("dir"));
	report("unlink b", unlink("b"));
	report("unlink c", unlink("c"));
	report("unlink d", unlink("d"));
}

static volatile sig_atomic_t got;

static void
on_signal(int sig)
{
	got = sig;
}

static void
signals_and_groups(void)
{
	sigset_t block, empty;

	report("alarm(100)", alarm(100));
	report("alarm(0) > 90", alarm(0) > 90);
	signal(SIGUSR1, on_signal);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigprocmask(SIG_BLOCK, &block, NULL);
	raise(SIGUSR1);
	sigemptyset(&empty);
	report("sigsuspend", sigsuspend(&empty));
	report("handler saw", got);
	report("getpgrp == getpgid(0)", getpgrp() == getpgid(0));
	report("gettid == getpid", gettid() == getpid());
	report("setpgid", setpgid(0, 0));
	report("now leader", getpgrp() == getpid());
	report("setsid as group leader", setsid());
}

int
main(int argc, char **argv)
{
	options(argc, argv);
	files();
	signals_and_groups();
	return 0;
}
