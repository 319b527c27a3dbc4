/*
 * tests/linux/devices.c - the memory devices as Linux's drivers/char/mem.c
 * and random.c make them: /dev/null, /dev/zero, /dev/full, /dev/random,
 * /dev/urandom (and the terminals' numbers): their type, permissions and
 * major:minor, what read, write and lseek do, and mappings of /dev/zero,
 * private and shared, across fork. Prints errno names only.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

static const char *
err(long ret)
{
	if (ret >= 0)
		return "ok";
	switch (errno) {
	case ENOSPC: return "ENOSPC";
	case EFAULT: return "EFAULT";
	case EACCES: return "EACCES";
	case EBADF: return "EBADF";
	case ENODEV: return "ENODEV";
	case EINVAL: return "EINVAL";
	default: return "other";
	}
}

/* show_node - /dev/NAME's type, permissions and device number. */
static void
show_node(const char *name)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/dev/%s", name);
	if (stat(path, &st) != 0) {
		printf("%s: stat %s\n", name, err(-1));
		return;
	}
	printf("%s: %s %04o %u:%u uid %u gid %u\n", name, S_ISCHR(st.st_mode) ? "char" : "other",
	       st.st_mode & 07777, major(st.st_rdev), minor(st.st_rdev), st.st_uid, st.st_gid);
}

/* all_zero - are @len bytes at @p all zero? */
static int
all_zero(const unsigned char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (p[i])
			return 0;
	return 1;
}

static void
zero_and_full(void)
{
	static unsigned char buf[3 * PAGE + 100];
	int zero = open("/dev/zero", O_RDWR), full = open("/dev/full", O_RDWR);
	long n;

	memset(buf, 0x55, sizeof(buf));
	n = read(zero, buf, sizeof(buf));
	printf("zero: read %ld, zeros %d\n", n, all_zero(buf, sizeof(buf)));
	printf("zero: write %ld\n", (long)write(zero, buf, 100));
	printf("zero: lseek %ld\n", (long)lseek(zero, 1000, SEEK_SET));
	n = read(zero, (void *)8, 10);
	printf("zero: read bad buffer %s\n", err(n));
	printf("zero: read 0 %ld\n", (long)read(zero, buf, 0));
	memset(buf, 0x55, sizeof(buf));
	n = read(full, buf, 200);
	printf("full: read %ld, zeros %d\n", n, all_zero(buf, 200));
	n = write(full, buf, 1);
	printf("full: write 1 %s\n", err(n));
	n = write(full, buf, 0);
	printf("full: write 0 %s\n", err(n));
	printf("full: lseek %ld\n", (long)lseek(full, 5, SEEK_CUR));
	close(zero);
	close(full);
}

static void
random_devices(void)
{
	static const char *names[] = { "/dev/random", "/dev/urandom" };

	for (int i = 0; i < 2; i++) {
		unsigned char a[64], b[64];
		int fd = open(names[i], O_RDWR);
		long n1 = read(fd, a, sizeof(a)), n2 = read(fd, b, sizeof(b));

		printf("%s: read %ld %ld, differ %d, all zero %d\n", names[i], n1, n2,
		       memcmp(a, b, sizeof(a)) != 0, all_zero(a, sizeof(a)));
		printf("%s: write %ld\n", names[i], (long)write(fd, "seed", 4));
		printf("%s: lseek %ld\n", names[i], (long)lseek(fd, 7, SEEK_SET));
		printf("%s: read bad buffer %s\n", names[i], err(read(fd, (void *)8, 10)));
		close(fd);
	}
}

/* map_zero_private - a private mapping: zeros, writable, a child's writes stay its own. */
static void
map_zero_private(void)
{
	int fd = open("/dev/zero", O_RDONLY);
	unsigned char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	int status;

	close(fd);
	if (p == MAP_FAILED) {
		printf("private: mmap %s\n", err(-1));
		return;
	}
	printf("private: zeros %d\n", all_zero(p, 2 * PAGE));
	p[0] = 1;
	p[PAGE] = 2;
	if (fork() == 0) {
		printf("private child: sees %d %d\n", p[0], p[PAGE]);
		p[0] = 9;
		fflush(stdout);
		_exit(0);
	}
	wait(&status);
	printf("private parent: sees %d after the child wrote 9\n", p[0]);
	munmap(p, 2 * PAGE);
}

/* map_zero_shared - a shared mapping: one set of pages for parent and child. */
static void
map_zero_shared(void)
{
	int fd = open("/dev/zero", O_RDWR);
	volatile unsigned char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	int status;

	close(fd);
	if (p == MAP_FAILED) {
		printf("shared: mmap %s\n", err(-1));
		return;
	}
	printf("shared: zeros %d\n", all_zero((unsigned char *)p, 3 * PAGE));
	p[0] = 1;
	if (fork() == 0) {
		p[0] = 7;
		p[2 * PAGE] = 8; /* a page the parent has not touched */
		_exit(0);
	}
	wait(&status);
	printf("shared parent: sees %d %d\n", p[0], p[2 * PAGE]);
	munmap((void *)p, 3 * PAGE);
}

/* map_errors - what may not be mapped: /dev/null (no mmap), a read-only
 * /dev/zero shared and writable. */
static void
map_errors(void)
{
	int null = open("/dev/null", O_RDWR), zero = open("/dev/zero", O_RDONLY);
	void *p;

	p = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE, null, 0);
	printf("mmap /dev/null: %s\n", p == MAP_FAILED ? err(-1) : "ok");
	p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED, zero, 0);
	printf("mmap /dev/zero O_RDONLY shared writable: %s\n", p == MAP_FAILED ? err(-1) : "ok");
	close(null);
	close(zero);
}

int
main(void)
{
	static const char *nodes[] = {
		"null", "zero", "full", "random", "urandom", "tty", "console"
	};

	setvbuf(stdout, NULL, _IONBF, 0);
	for (size_t i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++)
		show_node(nodes[i]);
	printf("null: read %ld\n", (long)read(open("/dev/null", O_RDONLY), (char[4]){ 0 }, 4));
	zero_and_full();
	random_devices();
	map_zero_private();
	map_zero_shared();
	map_errors();
	return 0;
}
