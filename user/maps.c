/* user/maps.c - print this process's own memory map (/proc/self/maps). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	char buf[4096];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n;

	if (fd < 0) {
		perror("maps: /proc/self/maps");
		return 1;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
	return 0;
}
