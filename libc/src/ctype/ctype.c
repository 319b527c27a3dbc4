/*
 * libc/src/ctype/ctype.c - character classes for the "C" locale (ASCII):
 * the C11 7.4 functions. Any value outside 0..127, including EOF, belongs
 * to no class.
 */
#include <ctype.h>

int
isdigit(int c)
{
	return c >= '0' && c <= '9';
}

int
islower(int c)
{
	return c >= 'a' && c <= 'z';
}

int
isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

int
isalpha(int c)
{
	return islower(c) || isupper(c);
}

int
isalnum(int c)
{
	return isalpha(c) || isdigit(c);
}

int
isxdigit(int c)
{
	return isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* space, \t \n \v \f \r */
int
isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

int
isblank(int c)
{
	return c == ' ' || c == '\t';
}

/* 0..31 and DEL */
int
iscntrl(int c)
{
	return (c >= 0 && c < 32) || c == 127;
}

/* printable: space to '~' */
int
isprint(int c)
{
	return c >= ' ' && c <= '~';
}

/* printable and not space */
int
isgraph(int c)
{
	return c > ' ' && c <= '~';
}

int
ispunct(int c)
{
	return isgraph(c) && !isalnum(c);
}

int
isascii(int c)
{
	return c >= 0 && c <= 127;
}

int
tolower(int c)
{
	return isupper(c) ? c - 'A' + 'a' : c;
}

int
toupper(int c)
{
	return islower(c) ? c - 'a' + 'A' : c;
}
