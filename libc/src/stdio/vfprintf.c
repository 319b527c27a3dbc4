/*
 * libc/src/stdio/vfprintf.c - the printf engine: parses a format string
 * (C11 7.21.6.1) and produces the text, into a FILE or into memory.
 *
 * __vformat() walks the format: literal text is emitted as it is; each
 * conversion is parsed into a struct fmt_spec (flags, width, precision,
 * length) and handed to the function for its kind: integers here,
 * floating point in fmt_fp.c. The output rules follow glibc exactly,
 * because Pagoda's programs are compared with Linux's byte for byte:
 * "(nil)" for a NULL %p, "(null)" for a NULL %s when the precision
 * allows six bytes, %m for strerror(errno).
 */
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <stddef.h>
#include "stdio_impl.h"

/* the length modifiers: which type the argument has */
enum fmt_length {
	LEN_NONE, /* int, unsigned int, double */
	LEN_HH,	  /* char */
	LEN_H,	  /* short */
	LEN_L,	  /* long, wint_t, wchar_t * */
	LEN_LL,	  /* long long */
	LEN_J,	  /* intmax_t */
	LEN_Z,	  /* size_t */
	LEN_T,	  /* ptrdiff_t */
	LEN_BIGL, /* long double */
};

/* one parsed conversion: %[flags][width][.precision][length]conv */
struct fmt_spec {
	int flags;		/* FMT_* */
	int width;		/* minimum field width, 0 if none */
	int prec;		/* precision, -1 if none */
	enum fmt_length length; /* argument type modifier */
	char conv;		/* the conversion letter */
};

/*
 * __fmt_emit - add @n bytes at @s to the output. Into memory, as much as
 * fits before the final NUL is kept; the count goes on, as snprintf()
 * must return the length it would have written.
 */
void
__fmt_emit(struct fmt_out *o, const char *s, size_t n)
{
	size_t room;

	if (o->f) {
		if (!o->error && __stdio_write(o->f, s, n) != n)
			o->error = true;
	} else if (o->size > 0 && o->len < o->size - 1) {
		room = o->size - 1 - o->len;
		memcpy(o->buf + o->len, s, n < room ? n : room);
	}
	o->len += n;
}

/* __fmt_pad - emit @n copies of @c (nothing if @n <= 0) */
void
__fmt_pad(struct fmt_out *o, char c, long n)
{
	char block[64];

	if (n <= 0)
		return;
	memset(block, c, sizeof(block));
	for (; n > (long)sizeof(block); n -= sizeof(block))
		__fmt_emit(o, block, sizeof(block));
	__fmt_emit(o, block, n);
}

/* emit @s (@n bytes) in a field of @s->width, padded with spaces */
static void
emit_padded(struct fmt_out *o, const struct fmt_spec *s, const char *str, size_t n)
{
	long pad = s->width - (long)n;

	if (!(s->flags & FMT_MINUS))
		__fmt_pad(o, ' ', pad);
	__fmt_emit(o, str, n);
	if (s->flags & FMT_MINUS)
		__fmt_pad(o, ' ', pad);
}

/*
 * emit_number - the common tail of integer conversions: @prefix (sign or
 * "0x"), @zeros leading zeros, then the @nd digits at @digits, padded to
 * the field width with spaces, or with zeros after the prefix for the '0'
 * flag when no precision was given.
 */
static void
emit_number(struct fmt_out *o, const struct fmt_spec *s, const char *prefix, long zeros,
	    const char *digits, long nd)
{
	long plen = strlen(prefix);
	long pad = s->width - (plen + zeros + nd);

	if ((s->flags & (FMT_ZERO | FMT_MINUS)) == FMT_ZERO && s->prec < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!(s->flags & FMT_MINUS))
		__fmt_pad(o, ' ', pad);
	__fmt_emit(o, prefix, plen);
	__fmt_pad(o, '0', zeros);
	__fmt_emit(o, digits, nd);
	if (s->flags & FMT_MINUS)
		__fmt_pad(o, ' ', pad);
}

/* the base a conversion letter prints in */
static unsigned
number_base(char conv)
{
	switch (conv) {
	case 'o': return 8;
	case 'x':
	case 'X':
	case 'p': return 16;
	default: return 10;
	}
}

/*
 * fmt_integer - %d %i %u %o %x %X %p of the value @v (its magnitude) with
 * sign @neg. The precision is the minimum number of digits (default 1; a
 * zero value with precision 0 prints no digits). '#' adds "0x" to a
 * nonzero hex value and makes octal start with 0.
 */
static void
fmt_integer(struct fmt_out *o, const struct fmt_spec *s, unsigned long long v, bool neg)
{
	const char *xdigits = s->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24]; /* 22 octal digits hold 64 bits */
	char *end = buf + sizeof(buf), *p = end;
	unsigned base = number_base(s->conv);
	const char *prefix = "";
	long zeros;

	for (; v; v /= base)
		*--p = xdigits[v % base];
	zeros = (s->prec < 0 ? 1 : s->prec) - (end - p);
	if (zeros < 0)
		zeros = 0;
	if (s->conv == 'o' && (s->flags & FMT_ALT) && zeros == 0 && (p == end || *p != '0'))
		zeros = 1;
	if (s->conv == 'd' || s->conv == 'i')
		prefix = neg			  ? "-"
			 : (s->flags & FMT_PLUS)  ? "+"
			 : (s->flags & FMT_SPACE) ? " "
						  : "";
	else if (s->conv == 'p') /* glibc honours '+' and ' ' here too */
		prefix = (s->flags & FMT_PLUS) ? "+0x" : (s->flags & FMT_SPACE) ? " 0x" : "0x";
	else if ((s->flags & FMT_ALT) && p != end && base == 16)
		prefix = s->conv == 'X' ? "0X" : "0x";
	emit_number(o, s, prefix, zeros, p, end - p);
}

/* fetch a signed integer argument of the size @s->length names */
static long long
arg_signed(const struct fmt_spec *s, va_list *ap)
{
	switch (s->length) {
	case LEN_HH: return (signed char)va_arg(*ap, int);
	case LEN_H: return (short)va_arg(*ap, int);
	case LEN_L: return va_arg(*ap, long);
	case LEN_LL: return va_arg(*ap, long long);
	case LEN_J: return va_arg(*ap, intmax_t);
	case LEN_Z: return va_arg(*ap, long); /* ssize_t */
	case LEN_T: return va_arg(*ap, ptrdiff_t);
	default: return va_arg(*ap, int);
	}
}

/* fetch an unsigned integer argument of the size @s->length names */
static unsigned long long
arg_unsigned(const struct fmt_spec *s, va_list *ap)
{
	switch (s->length) {
	case LEN_HH: return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_H: return (unsigned short)va_arg(*ap, unsigned int);
	case LEN_L: return va_arg(*ap, unsigned long);
	case LEN_LL: return va_arg(*ap, unsigned long long);
	case LEN_J: return va_arg(*ap, uintmax_t);
	case LEN_Z: return va_arg(*ap, size_t);
	case LEN_T: return va_arg(*ap, unsigned long); /* ptrdiff_t's unsigned type */
	default: return va_arg(*ap, unsigned int);
	}
}

/*
 * fmt_string - %s (and %m): at most @s->prec bytes of @str. glibc prints
 * "(null)" for a NULL pointer when the precision leaves room for it, and
 * nothing otherwise.
 */
static void
fmt_string(struct fmt_out *o, const struct fmt_spec *s, const char *str)
{
	if (!str)
		str = s->prec < 0 || s->prec >= 6 ? "(null)" : "";
	emit_padded(o, s, str, s->prec < 0 ? strlen(str) : strnlen(str, s->prec));
}

/*
 * fmt_wide_string - %ls: the wide characters as bytes. Pagoda's libc has
 * only the "C" locale, where characters above 0x7f cannot be converted;
 * glibc stops with an error there, Pagoda prints '?'.
 */
static void
fmt_wide_string(struct fmt_out *o, const struct fmt_spec *s, const wchar_t *ws)
{
	char buf[256];
	size_t n = 0;

	if (!ws) {
		fmt_string(o, s, NULL);
		return;
	}
	for (; ws[n] && n < sizeof(buf) - 1 && (s->prec < 0 || n < (size_t)s->prec); n++)
		buf[n] = ws[n] < 0x80 ? (char)ws[n] : '?';
	emit_padded(o, s, buf, n);
}

/* %p: "(nil)" for NULL, else the address in hex with "0x" */
static void
fmt_pointer(struct fmt_out *o, struct fmt_spec *s, void *ptr)
{
	if (!ptr) {
		s->prec = -1;
		fmt_string(o, s, "(nil)");
		return;
	}
	fmt_integer(o, s, (uintptr_t)ptr, false);
}

/* %n: store the count of bytes so far where the argument points */
static void
fmt_store_count(const struct fmt_out *o, const struct fmt_spec *s, va_list *ap)
{
	switch (s->length) {
	case LEN_HH: *va_arg(*ap, signed char *) = o->len; break;
	case LEN_H: *va_arg(*ap, short *) = o->len; break;
	case LEN_L:
	case LEN_Z:
	case LEN_T: *va_arg(*ap, long *) = o->len; break;
	case LEN_LL:
	case LEN_J: *va_arg(*ap, long long *) = o->len; break;
	default: *va_arg(*ap, int *) = o->len; break;
	}
}

/* read a decimal number at *@pp, moving past it */
static int
read_decimal(const char **pp)
{
	int n = 0;

	for (; **pp >= '0' && **pp <= '9'; (*pp)++)
		n = n * 10 + (**pp - '0');
	return n;
}

/*
 * parse_length - read a length modifier (hh h l ll q j z t L) at *@pp,
 * moving past it; LEN_NONE if there is none.
 */
static enum fmt_length
parse_length(const char **pp)
{
	const char *p = *pp;
	enum fmt_length len;

	switch (*p++) {
	case 'h': len = *p == 'h' ? (p++, LEN_HH) : LEN_H; break;
	case 'l': len = *p == 'l' ? (p++, LEN_LL) : LEN_L; break;
	case 'q': len = LEN_LL; break;
	case 'j': len = LEN_J; break;
	case 'z': len = LEN_Z; break;
	case 't': len = LEN_T; break;
	case 'L': len = LEN_BIGL; break;
	default: return LEN_NONE;
	}
	*pp = p;
	return len;
}

/*
 * parse_spec - read the conversion at *@pp (just past the '%') into @s,
 * taking '*' widths and precisions from @ap. Leaves *@pp past the
 * conversion letter.
 */
static void
parse_spec(const char **pp, struct fmt_spec *s, va_list *ap)
{
	const char *p = *pp;
	const char *flagchars = "-+ #0";
	const char *f;

	s->flags = 0;
	for (; *p; p++) {
		/* "'" groups thousands by the locale: none in the "C" locale */
		if (*p == '\'')
			continue;
		f = strchr(flagchars, *p);
		if (!f)
			break;
		s->flags |= 1 << (f - flagchars); /* the FMT_* bits in this order */
	}
	if (*p == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) { /* a negative width means '-' (C11 7.21.6.1p5) */
			s->flags |= FMT_MINUS;
			s->width = -s->width;
		}
		p++;
	} else {
		s->width = read_decimal(&p);
	}
	s->prec = -1;
	if (*p == '.') {
		p++;
		if (*p == '*') {
			s->prec = va_arg(*ap, int);
			if (s->prec < 0)
				s->prec = -1; /* a negative precision is taken as none */
			p++;
		} else {
			s->prec = read_decimal(&p);
		}
	}
	s->length = parse_length(&p);
	s->conv = *p;
	if (*p)
		p++;
	*pp = p;
}

/* one floating-point conversion: fetch a double or long double */
static void
fmt_float_arg(struct fmt_out *o, struct fmt_spec *s, va_list *ap)
{
	bool is_long = s->length == LEN_BIGL;
	long double v = is_long ? va_arg(*ap, long double) : va_arg(*ap, double);
	char lower = s->conv | 0x20;

	if (s->conv != lower)
		s->flags |= FMT_UPPER;
	__fmt_fp(o, v, s->width, s->prec, s->flags, lower, is_long);
}

/*
 * convert - produce one parsed conversion @s, taking its argument from
 * @ap. @saved_errno is errno at the start of the call, for %m.
 */
static void
convert(struct fmt_out *o, struct fmt_spec *s, va_list *ap, int saved_errno)
{
	long long sv;
	char c;

	switch (s->conv) {
	case 'd':
	case 'i':
		sv = arg_signed(s, ap);
		fmt_integer(o, s, sv < 0 ? -(unsigned long long)sv : (unsigned long long)sv,
			    sv < 0);
		break;
	case 'u':
	case 'o':
	case 'x':
	case 'X': fmt_integer(o, s, arg_unsigned(s, ap), false); break;
	case 'p': fmt_pointer(o, s, va_arg(*ap, void *)); break;
	case 'c':
		c = (char)va_arg(*ap, int);
		emit_padded(o, s, &c, 1);
		break;
	case 's':
		if (s->length == LEN_L)
			fmt_wide_string(o, s, va_arg(*ap, const wchar_t *));
		else
			fmt_string(o, s, va_arg(*ap, const char *));
		break;
	case 'm': fmt_string(o, s, strerror(saved_errno)); break;
	case 'n': fmt_store_count(o, s, ap); break;
	case 'f':
	case 'F':
	case 'e':
	case 'E':
	case 'g':
	case 'G':
	case 'a':
	case 'A': fmt_float_arg(o, s, ap); break;
	case '%': __fmt_emit(o, "%", 1); break;
	default:
		/* not a conversion: print it as it was written, as glibc does */
		__fmt_emit(o, "%", 1);
		if (s->conv)
			__fmt_emit(o, &s->conv, 1);
		break;
	}
}

/*
 * __vformat - format @fmt with the arguments in @ap into @o.
 * Returns the number of bytes produced, or -1 if the stream failed.
 */
int
__vformat(struct fmt_out *o, const char *fmt, va_list ap)
{
	int saved_errno = errno;
	struct fmt_spec spec;
	const char *pct;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		pct = strchr(fmt, '%');
		if (!pct)
			pct = fmt + strlen(fmt);
		if (pct > fmt)
			__fmt_emit(o, fmt, pct - fmt);
		if (!*pct)
			break;
		fmt = pct + 1;
		parse_spec(&fmt, &spec, &args);
		convert(o, &spec, &args, saved_errno);
	}
	va_end(args);
	return o->error ? -1 : (int)o->len;
}
