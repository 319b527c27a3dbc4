/*
 * tests/libc/strings.c - <string.h>, <strings.h> and <ctype.h>: results of
 * the mem* and str* functions on ordinary, empty, overlapping and
 * high-bit inputs, printed as values or offsets (never addresses).
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <stdlib.h>

/* the sign of a comparison result: libraries may return any magnitude */
static int
sign(int x)
{
	return (x > 0) - (x < 0);
}

/* an offset in @base, or -1 for NULL */
static long
off(const char *base, const char *p)
{
	return p ? p - base : -1;
}

static void
mem_functions(void)
{
	char buf[32] = "0123456789";
	unsigned char hi[4] = { 0x80, 0xff, 0x01, 0x00 };

	memmove(buf + 2, buf, 8);
	printf("memmove up: %s\n", buf);
	memmove(buf, buf + 3, 6);
	printf("memmove down: %s\n", buf);
	memset(buf, 'x', 4);
	printf("memset: %s\n", buf);
	memcpy(buf, "abc", 4);
	printf("memcpy: %s len %zu\n", buf, strlen(buf));
	printf("memcmp: %d %d %d %d\n", sign(memcmp("abc", "abd", 3)),
	       sign(memcmp("abc", "abc", 3)), sign(memcmp(hi, hi + 2, 1)),
	       sign(memcmp("a", "b", 0)));
	printf("memchr: %ld %ld\n", off("hello", memchr("hello", 'l', 5)),
	       off("hello", memchr("hello", 'z', 5)));
	printf("memrchr: %ld\n", off("hello", memrchr("hello", 'l', 5)));
}

static void
str_functions(void)
{
	const char *s = "the quick brown fox";
	const char *volatile tail = "bazooka"; /* hidden from the size checks */
	char buf[64], *save, *tok;

	printf("strlen: %zu %zu strnlen: %zu %zu\n", strlen(s), strlen(""), strnlen(s, 5),
	       strnlen("ab", 5));
	printf("strcmp: %d %d %d %d\n", sign(strcmp("a", "b")), sign(strcmp("b", "a")),
	       sign(strcmp("abc", "abc")), sign(strcmp("ab", "abc")));
	printf("strcmp high bit: %d\n", sign(strcmp("\x80", "\x01")));
	printf("strncmp: %d %d %d\n", sign(strncmp("abcd", "abce", 3)),
	       sign(strncmp("abcd", "abce", 4)), sign(strncmp("x", "y", 0)));
	printf("strcasecmp: %d %d %d\n", sign(strcasecmp("HeLLo", "hello")),
	       sign(strcasecmp("a", "B")), sign(strncasecmp("ABCx", "abcy", 3)));
	printf("strchr: %ld %ld %ld\n", off(s, strchr(s, 'q')), off(s, strchr(s, 'z')),
	       off(s, strchr(s, '\0')));
	printf("strrchr: %ld %ld\n", off(s, strrchr(s, 'o')), off(s, strrchr(s, 'z')));
	printf("strstr: %ld %ld %ld\n", off(s, strstr(s, "brown")), off(s, strstr(s, "cat")),
	       off(s, strstr(s, "")));
	printf("strspn: %zu strcspn: %zu strpbrk: %ld\n", strspn(s, "the "), strcspn(s, "qz"),
	       off(s, strpbrk(s, "xyzq")));
	strcpy(buf, "foo");
	strcat(buf, "bar");
	strncat(buf, tail, 3);
	printf("strcpy/strcat/strncat: %s\n", buf);
	memset(buf, '#', 10);
	strncpy(buf, "ab", 5);
	printf("strncpy pads: %d %d %d %c\n", buf[2], buf[3], buf[4], buf[5]);
	printf("stpcpy: %ld\n", stpcpy(buf, "hello") - buf);
	strcpy(buf, "  a,b,,c  d");
	for (tok = strtok_r(buf, " ,", &save); tok; tok = strtok_r(NULL, " ,", &save))
		printf("token [%s]\n", tok);
	tok = strdup(s);
	printf("strdup: %s %d\n", tok, strcmp(tok, s) == 0);
	free(tok);
	tok = strndup(s, 9);
	printf("strndup: %s\n", tok);
	free(tok);
}

static void
ctype_functions(void)
{
	int c, n[8] = { 0 };

	for (c = -1; c < 128; c++) {
		n[0] += !!isalpha(c);
		n[1] += !!isdigit(c);
		n[2] += !!isspace(c);
		n[3] += !!ispunct(c);
		n[4] += !!isprint(c);
		n[5] += !!iscntrl(c);
		n[6] += !!isxdigit(c);
		n[7] += !!isalnum(c);
	}
	printf("ctype counts: %d %d %d %d %d %d %d %d\n", n[0], n[1], n[2], n[3], n[4], n[5], n[6],
	       n[7]);
	printf("toupper/tolower: %c %c %c %c %d\n", toupper('a'), tolower('Q'), toupper('5'),
	       tolower('z'), toupper(-1));
}

int
main(void)
{
	mem_functions();
	str_functions();
	ctype_functions();
	return 0;
}
