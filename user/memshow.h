/*
 * user/memshow.h - helpers the memory demos share: print the lines of
 * /proc/self/maps that match, read VmRSS from /proc/self/status and a
 * counter of /proc/vmstat or /proc/meminfo.
 */
#ifndef USER_MEMSHOW_H
#define USER_MEMSHOW_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static inline size_t
read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? 0 : read(fd, buf, size - 1);

	if (fd >= 0)
		close(fd);
	buf[n > 0 ? n : 0] = '\0';
	return n > 0 ? (size_t)n : 0;
}

/* show_maps - the maps lines containing @what (all lines when NULL). */
static inline void
show_maps(const char *what)
{
	static char buf[16384];

	read_file("/proc/self/maps", buf, sizeof(buf));
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		if (!what || strstr(line, what))
			printf("    %s\n", line);
}

/* rss_kb - VmRSS from /proc/self/status, in kB. */
static inline long
rss_kb(void)
{
	static char buf[4096];
	char *p;

	read_file("/proc/self/status", buf, sizeof(buf));
	p = strstr(buf, "VmRSS:");
	return p ? strtol(p + 6, NULL, 10) : -1;
}

/* proc_value - the number after @key in the file @path (e.g. "cow_fault" in
 * /proc/vmstat, "MemFree" in /proc/meminfo); -1 if there is none. */
static inline long
proc_value(const char *path, const char *key)
{
	static char buf[8192];
	size_t len = strlen(key);

	read_file(path, buf, sizeof(buf));
	for (char *p = buf; (p = strstr(p, key)); p += len)
		if ((p == buf || p[-1] == '\n') && (p[len] == ' ' || p[len] == ':'))
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

#endif /* USER_MEMSHOW_H */
