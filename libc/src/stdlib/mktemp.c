/*
 * libc/src/stdlib/mktemp.c - unique temporary names: mkstemp(), mkdtemp().
 *
 * Both replace the six 'X's that end @template by letters and digits and
 * try to make the file (O_CREAT | O_EXCL) or directory; a name that
 * exists already (EEXIST) means another try with other letters, up to
 * TMP_MAX_TRIES times, as glibc's __gen_tempname and musl's __randname do.
 * The letters come from the clock's nanoseconds, the pid and a counter.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TMP_MAX_TRIES 100

/* randname - fill the six X's at @x with letters and digits. */
static void
randname(char *x)
{
	static const char chars[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
	static unsigned long counter;
	struct timespec ts;
	unsigned long r;

	clock_gettime(CLOCK_REALTIME, &ts);
	r = ts.tv_nsec * 65537UL ^ (unsigned long)getpid() << 16 ^ ++counter * 7919UL;
	for (int i = 0; i < 6; i++, r /= 62)
		x[i] = chars[r % 62];
}

/* xs - where @template's six trailing X's start, or NULL (EINVAL) if it has none. */
static char *
xs(char *template)
{
	size_t len = strlen(template);

	if (len < 6 || memcmp(template + len - 6, "XXXXXX", 6) != 0) {
		errno = EINVAL;
		return NULL;
	}
	return template + len - 6;
}

/* mkstemp - create and open (O_RDWR, mode 0600) a new file named after
 * @template, whose X's it replaces: the descriptor, or -1 with errno. */
int
mkstemp(char *template)
{
	char *x = xs(template);

	if (!x)
		return -1;
	for (int i = 0; i < TMP_MAX_TRIES; i++) {
		int fd;

		randname(x);
		fd = open(template, O_RDWR | O_CREAT | O_EXCL, 0600);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	memcpy(x, "XXXXXX", 6);
	return -1;
}

/* mkdtemp - create a new directory (mode 0700) named after @template,
 * whose X's it replaces: @template, or NULL with errno. */
char *
mkdtemp(char *template)
{
	char *x = xs(template);

	if (!x)
		return NULL;
	for (int i = 0; i < TMP_MAX_TRIES; i++) {
		randname(x);
		if (mkdir(template, 0700) == 0)
			return template;
		if (errno != EEXIST)
			break;
	}
	memcpy(x, "XXXXXX", 6);
	return NULL;
}
