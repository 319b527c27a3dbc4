/*
 * libc/src/stdio/vfscanf.c - formatted input: sscanf(), fscanf(),
 * scanf() and their v* forms (C11 7.21.6.2).
 *
 * The input is read one byte at a time from a string or a stream (struct
 * scan_in) with one byte of push-back, which is all scanf needs. Numbers
 * are gathered into a small buffer as far as they look like numbers, then
 * converted by strtoull()/strtoll()/strtod(). Supported: %d %i %u %o %x
 * %X %p %c %s %[...] %n %% %f %e %g %a with widths, '*' (no assignment)
 * and the length modifiers hh h l ll j z t L.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

/* where the input comes from */
struct scan_in {
	FILE *f;       /* a stream, or NULL */
	const char *s; /* else: the string */
	long count;    /* bytes consumed so far (for %n) */
};

/* the next input byte, or EOF */
static int
scan_get(struct scan_in *in)
{
	int c;

	if (in->f)
		c = fgetc(in->f);
	else
		c = *in->s ? (unsigned char)*in->s++ : EOF;
	if (c != EOF)
		in->count++;
	return c;
}

/* push back @c, the byte scan_get() just returned */
static void
scan_unget(struct scan_in *in, int c)
{
	if (c == EOF)
		return;
	in->count--;
	if (in->f)
		ungetc(c, in->f);
	else
		in->s--;
}

/* skip white space; returns false at the end of the input */
static bool
skip_space(struct scan_in *in)
{
	int c;

	while ((c = scan_get(in)) != EOF && isspace(c))
		;
	scan_unget(in, c);
	return c != EOF;
}

/* the input being gathered for one number, at most @width bytes */
struct token {
	char buf[128]; /* the bytes, NUL-terminated */
	size_t len;    /* how many */
	int width;     /* the field width, or a large number */
};

/* take the next byte into @t if @accept says so; returns whether it did */
static bool
take_if(struct scan_in *in, struct token *t, bool (*accept)(int c, int arg), int arg)
{
	int c;

	if (t->len >= sizeof(t->buf) - 1 || (int)t->len >= t->width)
		return false;
	c = scan_get(in);
	if (c == EOF || !accept(c, arg)) {
		scan_unget(in, c);
		return false;
	}
	t->buf[t->len++] = (char)c;
	t->buf[t->len] = '\0';
	return true;
}

static bool
is_sign(int c, int unused)
{
	return c == '+' || c == '-';
}

static bool
is_char(int c, int want)
{
	return c == want || c == (want ^ 0x20); /* either case of a letter */
}

/* a digit of @base (2..16) */
static bool
is_digit_of(int c, int base)
{
	if (base <= 10)
		return c >= '0' && c < '0' + base;
	return isdigit(c) || (c >= 'a' && c < 'a' + base - 10) || (c >= 'A' && c < 'A' + base - 10);
}

/*
 * scan_integer - gather an integer of @base (0: as strtol's base 0) into
 * @t: a sign, a "0x" prefix where the base allows one, digits. Returns
 * the base to convert it with.
 */
static int
scan_integer(struct scan_in *in, struct token *t, int base)
{
	take_if(in, t, is_sign, 0);
	if ((base == 0 || base == 16) && take_if(in, t, is_char, '0')) {
		if (take_if(in, t, is_char, 'x'))
			base = 16;
		else if (base == 0)
			base = 8;
	}
	if (base == 0)
		base = 10;
	while (take_if(in, t, is_digit_of, base))
		;
	return base;
}

/* scan_float - gather a decimal floating-point number, inf or nan into @t */
static void
scan_float(struct scan_in *in, struct token *t)
{
	take_if(in, t, is_sign, 0);
	if (take_if(in, t, is_char, 'i')) {
		if (take_if(in, t, is_char, 'n'))
			take_if(in, t, is_char, 'f');
		return;
	}
	if (take_if(in, t, is_char, 'n')) {
		if (take_if(in, t, is_char, 'a'))
			take_if(in, t, is_char, 'n');
		return;
	}
	while (take_if(in, t, is_digit_of, 10))
		;
	if (take_if(in, t, is_char, '.'))
		while (take_if(in, t, is_digit_of, 10))
			;
	if (t->len > 0 && take_if(in, t, is_char, 'e')) {
		take_if(in, t, is_sign, 0);
		while (take_if(in, t, is_digit_of, 10))
			;
	}
}

/* the length modifiers, as in printf */
enum scan_length { SL_NONE, SL_HH, SL_H, SL_L, SL_LL, SL_BIGL };

/* read a length modifier at *@pp */
static enum scan_length
scan_length(const char **pp)
{
	const char *p = *pp;
	enum scan_length len = SL_NONE;

	if (*p == 'h')
		len = p[1] == 'h' ? (p++, SL_HH) : SL_H;
	else if (*p == 'l')
		len = p[1] == 'l' ? (p++, SL_LL) : SL_L;
	else if (*p == 'j' || *p == 'z' || *p == 't' || *p == 'q')
		len = SL_LL; /* all 64 bits on x86-64 */
	else if (*p == 'L')
		len = SL_BIGL;
	if (len != SL_NONE)
		p++;
	*pp = p;
	return len;
}

/* store integer @v through the next argument, a pointer of @len's type */
static void
store_integer(va_list *ap, enum scan_length len, unsigned long long v)
{
	switch (len) {
	case SL_HH: *va_arg(*ap, char *) = (char)v; break;
	case SL_H: *va_arg(*ap, short *) = (short)v; break;
	case SL_L:
	case SL_LL: *va_arg(*ap, long long *) = (long long)v; break;
	default: *va_arg(*ap, int *) = (int)v; break;
	}
}

/*
 * parse_set - read a %[...] scanset at *@pp (just past the '[') into
 * @set: '^' first negates it, a ']' first is a member, "a-z" is a range.
 */
static void
parse_set(const char **pp, bool set[256])
{
	const unsigned char *p = (const unsigned char *)*pp;
	bool negate = *p == '^';
	int c;

	if (negate)
		p++;
	memset(set, 0, 256 * sizeof(bool));
	if (*p == ']')
		set[*p++] = true;
	for (; *p && *p != ']'; p++) {
		if (p[1] == '-' && p[2] && p[2] != ']') {
			for (c = p[0]; c <= p[2]; c++)
				set[c] = true;
			p += 2;
		} else {
			set[*p] = true;
		}
	}
	for (c = 0; negate && c < 256; c++)
		set[c] = !set[c];
	*pp = (const char *)(*p ? p + 1 : p);
}

/* the conversion being worked on */
struct scan_spec {
	bool suppress;		 /* '*': read but do not store */
	int width;		 /* field width, 0 if none */
	enum scan_length length; /* argument size */
	char conv;		 /* conversion letter */
};

/*
 * scan_chars - %c, %s and %[: bytes for which @set says yes (%c: any),
 * at most the width. Returns false when no byte matched.
 */
static bool
scan_chars(struct scan_in *in, const struct scan_spec *sp, const bool set[256], va_list *ap)
{
	char *dest = sp->suppress ? NULL : va_arg(*ap, char *);
	int width = sp->width ? sp->width : (sp->conv == 'c' ? 1 : -1);
	int n = 0, c;

	while (width < 0 || n < width) {
		c = scan_get(in);
		if (c == EOF || (sp->conv != 'c' && !set[c])) {
			scan_unget(in, c);
			break;
		}
		if (dest)
			dest[n] = (char)c;
		n++;
	}
	if (n == 0 || (sp->conv == 'c' && n < width))
		return false;
	if (dest && sp->conv != 'c')
		dest[n] = '\0';
	return true;
}

/* scan_number - the numeric conversions; false on a matching failure */
static bool
scan_number(struct scan_in *in, const struct scan_spec *sp, va_list *ap)
{
	struct token t = { .len = 0, .width = sp->width ? sp->width : 1 << 30 };
	int base;
	char *end;
	double d;
	unsigned long long v;

	if (strchr("fFeEgGaA", sp->conv)) {
		scan_float(in, &t);
		d = strtod(t.buf, &end);
		if (t.len == 0 || *end)
			return false;
		if (sp->suppress)
			return true;
		if (sp->length == SL_BIGL)
			*va_arg(*ap, long double *) = d;
		else if (sp->length == SL_L)
			*va_arg(*ap, double *) = d;
		else
			*va_arg(*ap, float *) = (float)d;
		return true;
	}
	base = sp->conv == 'd' || sp->conv == 'u' ? 10
	       : sp->conv == 'o'		  ? 8
	       : sp->conv == 'i'		  ? 0
						  : 16;
	base = scan_integer(in, &t, base);
	v = sp->conv == 'd' || sp->conv == 'i' ? (unsigned long long)strtoll(t.buf, &end, base)
					       : strtoull(t.buf, &end, base);
	if (t.len == 0 || *end)
		return false;
	if (sp->suppress)
		return true;
	if (sp->conv == 'p')
		*va_arg(*ap, void **) = (void *)(uintptr_t)v;
	else
		store_integer(ap, sp->length, v);
	return true;
}

/*
 * scan_literal - match the format byte @want (white space in the format
 * has been handled); "%%" matches a '%' after optional white space.
 */
static bool
scan_literal(struct scan_in *in, int want)
{
	int c;

	if (want == '%')
		skip_space(in);
	c = scan_get(in);
	if (c != want) {
		scan_unget(in, c);
		return false;
	}
	return true;
}

/* parse the conversion at *@fmt (just past the '%') into @sp */
static void
parse_scan_spec(const char **fmt, struct scan_spec *sp)
{
	const char *p = *fmt;

	sp->suppress = *p == '*';
	if (sp->suppress)
		p++;
	for (sp->width = 0; isdigit((unsigned char)*p); p++)
		sp->width = sp->width * 10 + (*p - '0');
	sp->length = scan_length(&p);
	sp->conv = *p ? *p++ : '\0';
	*fmt = p;
}

/*
 * scan_one - one conversion. Returns 1 when it assigned, 0 when it did
 * not need to, -1 on a matching failure and -2 at the end of the input.
 */
static int
scan_one(struct scan_in *in, const char **fmt, va_list *ap)
{
	struct scan_spec sp;
	bool set[256];
	bool ok;
	int c;

	parse_scan_spec(fmt, &sp);
	if (sp.conv == 'n') {
		if (!sp.suppress)
			store_integer(ap, sp.length, in->count);
		return 0;
	}
	if (sp.conv != 'c' && sp.conv != '[' && !skip_space(in))
		return -2;
	if (sp.conv == '[') {
		parse_set(fmt, set);
	} else {
		memset(set, 1, sizeof(set));
		for (c = 0; sp.conv == 's' && c < 256; c++)
			set[c] = !isspace(c);
	}
	if (sp.conv == 'c' || sp.conv == 's' || sp.conv == '[')
		ok = scan_chars(in, &sp, set, ap);
	else if (sp.conv && strchr("diouxXpfFeEgGaA", sp.conv))
		ok = scan_number(in, &sp, ap);
	else
		ok = false;
	if (!ok) {
		/* at the end of the input it is an input failure, else a mismatch */
		c = scan_get(in);
		scan_unget(in, c);
		return c == EOF ? -2 : -1;
	}
	return sp.suppress ? 0 : 1;
}

/*
 * scan - the body of every scanf: walk @fmt over the input @in.
 * Returns the number of arguments assigned, or EOF if the input ended
 * before the first conversion.
 */
static int
scan(struct scan_in *in, const char *fmt, va_list ap)
{
	int assigned = 0, done = 0, r;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (isspace((unsigned char)*fmt)) {
			skip_space(in);
			fmt++;
			continue;
		}
		if (*fmt != '%' || fmt[1] == '%') {
			fmt += *fmt == '%'; /* "%%" is a literal '%' */
			if (!scan_literal(in, (unsigned char)*fmt++))
				break;
			continue;
		}
		fmt++;
		r = scan_one(in, &fmt, &args);
		if (r == -2 && done == 0)
			assigned = EOF;
		if (r < 0)
			break;
		assigned += r;
		done++;
	}
	va_end(args);
	return assigned;
}

/* vsscanf - scan the string @s */
int
vsscanf(const char *s, const char *fmt, va_list ap)
{
	struct scan_in in = { .s = s };

	return scan(&in, fmt, ap);
}

int
sscanf(const char *s, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsscanf(s, fmt, ap);
	va_end(ap);
	return ret;
}

/* vfscanf - scan stream @f; the byte that ends a field stays unread */
int
vfscanf(FILE *f, const char *fmt, va_list ap)
{
	struct scan_in in = { .f = f };

	return scan(&in, fmt, ap);
}

int
fscanf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfscanf(f, fmt, ap);
	va_end(ap);
	return ret;
}

int
scanf(const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return ret;
}
