/*
 * user/free.c - memory in use and free, from /proc/meminfo, laid out like
 * procps's free (in KiB).
 */
#include <stdio.h>
#include <string.h>

static unsigned long
field(const char *text, const char *name)
{
	const char *p = strstr(text, name);
	unsigned long v = 0;

	if (p)
		sscanf(p + strlen(name), " %lu", &v);
	return v;
}

int
main(void)
{
	char text[4096];
	FILE *f = fopen("/proc/meminfo", "r");
	size_t n;

	if (!f) {
		perror("free: /proc/meminfo");
		return 1;
	}
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	unsigned long total = field(text, "MemTotal:"), avail = field(text, "MemFree:");
	unsigned long cache = field(text, "Cached:") + field(text, "Buffers:");
	unsigned long shared = field(text, "Shmem:"), available = field(text, "MemAvailable:");

	printf("%15s%12s%12s%12s%12s%12s\n", "total", "used", "free", "shared", "buff/cache",
	       "available");
	printf("Mem:  %9lu%12lu%12lu%12lu%12lu%12lu\n", total, total - avail - cache, avail, shared,
	       cache, available);
	printf("Swap: %9d%12d%12d\n", 0, 0, 0);
	return 0;
}
