/*
 * user/init.c - the first user program (pid 1).
 *
 * Prints the welcome message, starts the shell, and waits: for the shell,
 * and for any orphan the kernel hands it (every process whose parent
 * died becomes init's child, and only a wait() frees it). When the shell
 * exits, init powers the machine off.
 *
 * Counterpart: the smallest sysvinit or busybox init.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

static void
show_motd(void)
{
	char buf[512];
	int fd = open("/etc/motd", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

int
main(void)
{
	char *const argv[] = { "sh", NULL };
	char *const envp[] = { "HOME=/", "PATH=/bin", "TERM=linux", NULL };
	pid_t shell;
	int status;

	show_motd();
	shell = fork();
	if (shell == 0) {
		execve("/bin/sh", argv, envp);
		perror("init: cannot run /bin/sh");
		_exit(127);
	}
	/* Reap every child; stop when the shell is done. */
	while (wait(&status) != shell)
		;
	printf("init: the shell exited; powering off\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	return 0;
}
