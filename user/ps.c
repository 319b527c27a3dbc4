/*
 * user/ps.c - list processes: pid and command name, from /proc/PID/status.
 */
#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>

/* show - one line for process @pid: "  PID CMD". */
static void
show(const char *pid)
{
	char path[64], text[1024], name[64] = "?", state[8] = "?";
	int fd;
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%s/status", pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	char *p = strstr(text, "Name:");

	if (p)
		sscanf(p + 5, " %63s", name);
	p = strstr(text, "State:");
	if (p)
		sscanf(p + 6, " %7s", state);
	printf("%5s %-5s %s\n", pid, state, name);
}

int
main(void)
{
	DIR *dir = opendir("/proc");
	struct dirent *d;

	if (!dir) {
		perror("ps: /proc");
		return 1;
	}
	printf("  PID STAT  CMD\n");
	while ((d = readdir(dir)) != NULL)
		if (isdigit((unsigned char)d->d_name[0]))
			show(d->d_name);
	closedir(dir);
	return 0;
}
