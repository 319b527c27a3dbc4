/*
 * kernel/lib/cmdline.c - looking up options in the kernel command line.
 * See include/pagoda/cmdline.h. Pure string code: host-tested in
 * tests/host/test_cmdline.c.
 */
#include <pagoda/cmdline.h>
#include <pagoda/kernel.h>
#include <pagoda/string.h>

char saved_command_line[COMMAND_LINE_SIZE];

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * next_word - find the word at or after *@pos: returns its start and sets
 * *@len to its length and *@pos past it; NULL when there are no more.
 */
static const char *
next_word(const char **pos, size_t *len)
{
	const char *s = *pos;

	while (is_space(*s))
		s++;
	if (!*s)
		return NULL;
	const char *start = s;

	while (*s && !is_space(*s))
		s++;
	*len = s - start;
	*pos = s;
	return start;
}

bool
cmdline_find_option_bool(const char *cmdline, const char *option)
{
	size_t optlen = strlen(option), len;
	const char *word;

	while ((word = next_word(&cmdline, &len)) != NULL) {
		if (len == optlen && strncmp(word, option, optlen) == 0)
			return true;
	}
	return false;
}

int
cmdline_find_option(const char *cmdline, const char *option, char *buf, size_t bufsize)
{
	size_t optlen = strlen(option), len;
	const char *word;
	int found = -1;

	while ((word = next_word(&cmdline, &len)) != NULL) {
		if (len <= optlen || word[optlen] != '=' || strncmp(word, option, optlen) != 0)
			continue;
		size_t vlen = len - optlen - 1;
		size_t n = bufsize > 0 ? min(vlen, bufsize - 1) : 0;

		if (bufsize > 0) {
			memcpy(buf, word + optlen + 1, n);
			buf[n] = '\0';
		}
		found = (int)vlen;
	}
	return found;
}
