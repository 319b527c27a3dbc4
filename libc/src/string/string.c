/*
 * libc/src/string/string.c - the str* functions on NUL-terminated strings:
 * length, copying, comparing, searching, splitting, duplicating.
 */
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <ctype.h>

/* strlen - bytes in @s before its NUL */
size_t
strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

/* strnlen - strlen(@s), but at most @maxlen */
size_t
strnlen(const char *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}

/* stpcpy - copy @src with its NUL to @dest; returns the NUL in @dest */
char *
stpcpy(char *dest, const char *src)
{
	while ((*dest = *src++))
		dest++;
	return dest;
}

/* strcpy - copy @src with its NUL to @dest; returns @dest */
char *
strcpy(char *dest, const char *src)
{
	stpcpy(dest, src);
	return dest;
}

/*
 * strncpy - copy at most @n bytes of @src to @dest and pad with NULs up to
 * @n; @dest is not NUL-terminated if @src is @n bytes or longer.
 */
char *
strncpy(char *dest, const char *src, size_t n)
{
	size_t i = 0;

	for (; i < n && src[i]; i++)
		dest[i] = src[i];
	for (; i < n; i++)
		dest[i] = '\0';
	return dest;
}

/* strcat - append @src to @dest; returns @dest */
char *
strcat(char *dest, const char *src)
{
	strcpy(dest + strlen(dest), src);
	return dest;
}

/* strncat - append at most @n bytes of @src, and a NUL, to @dest */
char *
strncat(char *dest, const char *src, size_t n)
{
	char *d = dest + strlen(dest);

	while (n-- && *src)
		*d++ = *src++;
	*d = '\0';
	return dest;
}

/* strcmp - compare as unsigned chars: <0, 0 or >0 */
int
strcmp(const char *s1, const char *s2)
{
	const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

	while (*a && *a == *b)
		a++, b++;
	return *a - *b;
}

/* strncmp - strcmp() on at most @n bytes */
int
strncmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

	if (n == 0)
		return 0;
	while (--n && *a && *a == *b)
		a++, b++;
	return *a - *b;
}

/* strcoll - strcmp(): the "C" locale sorts by byte value */
int
strcoll(const char *s1, const char *s2)
{
	return strcmp(s1, s2);
}

/* strcasecmp - strcmp() ignoring ASCII case */
int
strcasecmp(const char *s1, const char *s2)
{
	return strncasecmp(s1, s2, (size_t)-1);
}

/* strncasecmp - strncmp() ignoring ASCII case */
int
strncasecmp(const char *s1, const char *s2, size_t n)
{
	const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

	for (; n; n--, a++, b++) {
		if (tolower(*a) != tolower(*b) || !*a)
			return tolower(*a) - tolower(*b);
	}
	return 0;
}

/* strchr - the first @c in @s (the NUL itself if @c is 0), or NULL */
char *
strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

/* strrchr - the last @c in @s, or NULL */
char *
strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* strstr - the first occurrence of @needle in @haystack, or NULL */
char *
strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	for (; *haystack; haystack++) {
		if (strncmp(haystack, needle, n) == 0)
			return (char *)haystack;
	}
	return n == 0 ? (char *)haystack : NULL;
}

/* strspn - length of the prefix of @s made only of bytes in @accept */
size_t
strspn(const char *s, const char *accept)
{
	size_t n = 0;

	while (s[n] && strchr(accept, s[n]))
		n++;
	return n;
}

/* strcspn - length of the prefix of @s with no byte of @reject */
size_t
strcspn(const char *s, const char *reject)
{
	size_t n = 0;

	while (s[n] && !strchr(reject, s[n]))
		n++;
	return n;
}

/* strpbrk - the first byte of @s that is in @accept, or NULL */
char *
strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

/*
 * strtok_r - split a string into tokens separated by bytes of @delim.
 * Pass the string in @s the first time, NULL afterwards; *@saveptr keeps
 * the place. Returns the next token (NUL-terminated in place) or NULL.
 */
char *
strtok_r(char *s, const char *delim, char **saveptr)
{
	char *end;

	if (!s)
		s = *saveptr;
	s += strspn(s, delim);
	if (!*s) {
		*saveptr = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*saveptr = end;
	return s;
}

/* strtok - strtok_r() with a hidden place keeper */
char *
strtok(char *s, const char *delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}

/* strndup - a malloc()ed copy of at most @n bytes of @s, NUL-terminated */
char *
strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (!d)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}

/* strdup - a malloc()ed copy of @s, or NULL */
char *
strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}
