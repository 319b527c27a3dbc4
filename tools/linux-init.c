/*
 * tools/linux-init.c - /init of the initramfs that tools/run-linux boots
 * Debian's Linux kernel with.
 *
 * It gives a program the world Pagoda gives its first process, so that
 * the two runs can be compared: /dev and /proc mounted, the program's
 * standard input, output and error on the first serial port (ttyS0),
 * argv from /etc/init.argv (NUL-terminated strings, as Pagoda reads it),
 * the environment HOME=/ TERM=linux PATH=/bin or the one in /etc/init.env
 * (the same format), and / as the working directory. The kernel's console
 * is the second serial port (ttyS1).
 *
 * Two kernel command-line options are Pagoda's, not Linux's; Linux passes
 * an option it does not know, NAME=VALUE, to /init in its environment
 * (Linux's Documentation/admin-guide/kernel-parameters.rst), and /init
 * does what Pagoda's kernel does with them: init_stdin=PATH opens PATH as
 * the program's standard input instead of the terminal (tools/run-linux
 * stores piped input there), init_cwd=DIR makes DIR its working directory.
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
static char envp_buf[256 * 1024];

/*
 * read_strings - split file @path, NUL-terminated strings, into @vec (at
 * most MAX_ARGS - 1 strings, NULL-terminated), keeping the bytes in @buf
 * of @size. Returns the number of strings, 0 if there is no such file.
 */
static int
read_strings(const char *path, char **vec, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	ssize_t n;
	int count = 0;

	if (fd < 0)
		return 0;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	for (size_t i = 0; i < len && count < MAX_ARGS - 1; i += strlen(buf + i) + 1)
		vec[count++] = buf + i;
	vec[count] = NULL;
	return count;
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

/*
 * setup_child - in the program's process: its working directory from
 * init_cwd=, fd 0 from init_stdin= or @tty, fd 1 and 2 on @tty.
 */
static void
setup_child(int tty)
{
	const char *cwd = getenv("init_cwd");
	const char *in = getenv("init_stdin");
	int fd = -1;

	if (cwd && chdir(cwd) < 0)
		dprintf(tty, "init: cannot change to %s\n", cwd);
	if (in) {
		fd = open(in, O_RDONLY);
		if (fd < 0)
			dprintf(tty, "init: cannot open %s\n", in);
	}
	dup2(fd >= 0 ? fd : tty, 0);
	dup2(tty, 1);
	dup2(tty, 2);
	if (fd > 2)
		close(fd);
	if (tty > 2)
		close(tty);
}

/* run - start @path with @argv, @envp on @tty as a child; returns its wait status. */
static int
run(const char *path, char **argv, char **envp, int tty)
{
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
		setup_child(tty);
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
	static char *default_envp[] = { "HOME=/", "TERM=linux", "PATH=/bin", NULL };
	char *argv[MAX_ARGS], *envp[MAX_ARGS];
	const char *slash;
	int tty, log, status;

	mkdir("/dev", 0755);
	mkdir("/proc", 0555);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mount("proc", "/proc", "proc", 0, NULL);
	chdir("/");

	tty = open_raw_tty("/dev/ttyS0");
	if (read_strings("/etc/init.argv", argv, argv_buf, sizeof(argv_buf)) == 0) {
		argv[0] = "sh";
		argv[1] = NULL;
	}
	/* argv[0] is the program's name as typed on the host; the copy in
	 * the initramfs is /bin/NAME. */
	slash = strrchr(argv[0], '/');
	snprintf(path, sizeof(path), "/bin/%s", slash ? slash + 1 : argv[0]);
	if (read_strings("/etc/init.env", envp, envp_buf, sizeof(envp_buf)) == 0)
		memcpy(envp, default_envp, sizeof(default_envp));
	status = run(path, argv, envp, tty);
	/* Everything the program wrote must leave the UART before power-off. */
	tcdrain(tty);
	log = open("/dev/ttyS1", O_WRONLY | O_NOCTTY);
	dprintf(log, "\ninit: exited with status %#x\n", status);
	tcdrain(log);
	sync();
	reboot(RB_POWER_OFF);
	return 0;
}
