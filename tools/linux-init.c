/*
 * tools/linux-init.c - /init of the initramfs that tools/run-linux boots
 * Debian's Linux kernel with.
 *
 * It gives a program the world Pagoda gives its first process, so that
 * the two runs can be compared: /dev and /proc mounted, the program's
 * standard input, output and error on the first serial port (ttyS0),
 * argv from /etc/init.argv (NUL-terminated strings, as Pagoda reads it),
 * the environment HOME=/ TERM=linux PATH=/bin, and / as the working
 * directory. The kernel's console is the second serial port (ttyS1).
 *
 * The program runs as this process's child, in a new PID namespace
 * (pid_namespaces(7)), where it is PID 1 with parent 0 and inherits the
 * orphans, as Pagoda's first process does; like any Linux PID 1 it
 * ignores the signals it sends itself and has no handler for. When it
 * ends, /init writes its wait status on ttyS1 in the line Pagoda's kernel
 * prints, "init: exited with status 0x...", and powers the machine off.
 *
 * Built with `gcc -static` on the host; it is not part of Pagoda.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#define MAX_ARGS 1024

static char argv_buf[256 * 1024];

/*
 * read_argv - split /etc/init.argv into @argv (at most MAX_ARGS - 1
 * strings, NULL-terminated). Returns the number of strings.
 */
static int
read_argv(char **argv)
{
	int fd = open("/etc/init.argv", O_RDONLY);
	size_t len = 0;
	ssize_t n;
	int argc = 0;

	if (fd < 0)
		return 0;
	while ((n = read(fd, argv_buf + len, sizeof(argv_buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	for (size_t i = 0; i < len && argc < MAX_ARGS - 1; i += strlen(argv_buf + i) + 1)
		argv[argc++] = argv_buf + i;
	argv[argc] = NULL;
	return argc;
}

/*
 * open_raw_tty - open @path and turn off output processing, so that what
 * the program writes reaches the host byte for byte ("\n" stays "\n").
 * Input keeps the terminal's usual line editing, as on Pagoda's console.
 */
static int
open_raw_tty(const char *path)
{
	struct termios t;
	int fd = open(path, O_RDWR | O_NOCTTY);

	if (fd >= 0 && tcgetattr(fd, &t) == 0) {
		t.c_oflag &= ~OPOST;
		tcsetattr(fd, TCSANOW, &t);
	}
	return fd;
}

/* run - start @path with @argv on @tty as a child; returns its wait status. */
static int
run(const char *path, char **argv, int tty)
{
	static char *envp[] = { "HOME=/", "TERM=linux", "PATH=/bin", NULL };
	int status = 0x7f00; /* exit(127): what a shell reports for "not found" */
	pid_t pid;

	/* The next child is PID 1 of a new namespace; without PID
	 * namespaces in the kernel it is simply PID 2. */
	unshare(CLONE_NEWPID);
	pid = fork();
	if (pid == 0) {
		setsid();
		/* A /proc that shows the new namespace's PIDs. */
		mount("proc", "/proc", "proc", 0, NULL);
		dup2(tty, 0);
		dup2(tty, 1);
		dup2(tty, 2);
		if (tty > 2)
			close(tty);
		execve(path, argv, envp);
		dprintf(2, "init: cannot run %s\n", path);
		_exit(127);
	}
	if (pid < 0)
		return status;
	/* Collect orphans too, until the program itself has ended. */
	while (waitpid(-1, &status, 0) != pid)
		;
	return status;
}

int
main(void)
{
	static char path[4096];
	char *argv[MAX_ARGS];
	const char *slash;
	int tty, log, status;

	mkdir("/dev", 0755);
	mkdir("/proc", 0555);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("proc", "/proc", "proc", 0, NULL);
	chdir("/");

	tty = open_raw_tty("/dev/ttyS0");
	if (read_argv(argv) == 0) {
		argv[0] = "sh";
		argv[1] = NULL;
	}
	/* argv[0] is the program's name as typed on the host; the copy in
	 * the initramfs is /bin/NAME. */
	slash = strrchr(argv[0], '/');
	snprintf(path, sizeof(path), "/bin/%s", slash ? slash + 1 : argv[0]);
	status = run(path, argv, tty);
	/* Everything the program wrote must leave the UART before power-off. */
	tcdrain(tty);
	log = open("/dev/ttyS1", O_WRONLY | O_NOCTTY);
	dprintf(log, "\ninit: exited with status %#x\n", status);
	tcdrain(log);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
