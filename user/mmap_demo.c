/*
 * user/mmap_demo.c - an anonymous mapping, step by step (lecture L4).
 *
 * malloc(200 * 1024) is above the 128 KiB threshold, so the C library
 * asks mmap for it directly. This program does that itself and shows the
 * new VMA in /proc/self/maps, RSS rising only as pages are touched, and
 * the VMA gone after munmap.
 */
#include <sys/mman.h>

#include "memshow.h"

#define LEN (200 * 1024)

int
main(void)
{
	char addr[32];

	printf("1. before: VmRSS %ld kB\n", rss_kb());
	char *p = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	snprintf(addr, sizeof(addr), "%08lx-", (unsigned long)p);
	printf("2. mmap(200 KiB) = %p, its own VMA:\n", (void *)p);
	show_maps(addr);
	long before = rss_kb();

	for (int i = 0; i < LEN; i += 4096)
		p[i] = 1;
	printf("3. touched %d pages: VmRSS %+ld kB\n", LEN / 4096, rss_kb() - before);
	before = rss_kb();
	munmap(p, LEN);
	printf("4. munmap: VmRSS %+ld kB, the VMA is gone:\n", rss_kb() - before);
	show_maps(addr);
	return 0;
}
