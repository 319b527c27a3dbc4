/*
 * kernel/lib/vsprintf.c - formatted output into a buffer.
 *
 * The engine behind printk() (kernel/lib/printk.c) and every place that
 * builds text, such as the exception report. It knows the conversions a
 * kernel needs: %d %i %u %x %X %o %c %s %p %%, the flags '-' '0' '+' ' '
 * '#', a width and a precision (both may be '*'), and the length
 * modifiers hh h l ll z t. There is no floating point in the kernel.
 *
 * Output follows the C standard's printf (C11 7.21.6.1), so that the
 * host unit tests (tests/host/test_vsprintf.c) can compare it with glibc.
 * One difference: %p prints "0x" and the address in hex, "(nil)" for NULL,
 * as glibc does, where Linux prints a hashed value.
 *
 * Counterpart: Linux lib/vsprintf.c.
 */
#include <pagoda/printk.h>
#include <pagoda/string.h>

/* What a conversion specification asked for. */
struct fmt_spec {
	bool left;     /* '-': pad on the right */
	bool zero;     /* '0': pad numbers with zeros */
	bool plus;     /* '+': always print a sign */
	bool space;    /* ' ': a space where a '+' would go */
	bool alt;      /* '#': 0x prefix for %x, leading 0 for %o */
	int width;     /* minimum field width, 0 if none */
	int precision; /* minimum digits or maximum chars, -1 if none */
};

/* The output buffer: writes beyond size are counted but dropped. */
struct outbuf {
	char *buf;
	size_t size;
	size_t len; /* characters produced so far */
};

static void
out_char(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void
out_pad(struct outbuf *o, char c, int n)
{
	while (n-- > 0)
		out_char(o, c);
}

/* out_string - a %s or %c field: @len chars of @s, padded to the width. */
static void
out_string(struct outbuf *o, const char *s, int len, const struct fmt_spec *spec)
{
	int pad = spec->width > len ? spec->width - len : 0;

	if (!spec->left)
		out_pad(o, ' ', pad);
	for (int i = 0; i < len; i++)
		out_char(o, s[i]);
	if (spec->left)
		out_pad(o, ' ', pad);
}

/*
 * out_number - a numeric field. @value is the magnitude, @negative its sign,
 * @base 8, 10 or 16. The field is laid out as
 *   [spaces] [sign] [0x prefix] [zeros] digits [spaces]
 * where the zeros come from the precision or, without one, from '0'.
 */
static void
out_number(struct outbuf *o, unsigned long long value, bool negative, int base, bool upper,
	   const struct fmt_spec *spec)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24]; /* 2^64 has 22 octal digits */
	int ndigits = 0;
	const char *prefix = "";

	/* C11: a zero value with precision 0 prints no digits at all. */
	if (value != 0 || spec->precision != 0) {
		do {
			tmp[ndigits++] = digits[value % base];
			value /= base;
		} while (value);
	}

	if (negative)
		prefix = "-";
	else if (spec->plus && base == 10)
		prefix = "+";
	else if (spec->space && base == 10)
		prefix = " ";
	else if (spec->alt && base == 16 && ndigits > 0 && !(ndigits == 1 && tmp[0] == '0'))
		prefix = upper ? "0X" : "0x";
	else if (spec->alt && base == 8 && (ndigits == 0 || tmp[ndigits - 1] != '0') &&
		 spec->precision <= ndigits)
		prefix = "0";

	int zeros = spec->precision > ndigits ? spec->precision - ndigits : 0;
	int body = (int)strlen(prefix) + zeros + ndigits;
	int pad = spec->width > body ? spec->width - body : 0;

	if (spec->zero && !spec->left && spec->precision < 0) {
		zeros += pad;
		pad = 0;
	}
	if (!spec->left)
		out_pad(o, ' ', pad);
	for (const char *p = prefix; *p; p++)
		out_char(o, *p);
	out_pad(o, '0', zeros);
	while (ndigits > 0)
		out_char(o, tmp[--ndigits]);
	if (spec->left)
		out_pad(o, ' ', pad);
}

/* parse_flags - read the flag characters at *fmt into @spec. */
static const char *
parse_flags(const char *fmt, struct fmt_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-': spec->left = true; break;
		case '0': spec->zero = true; break;
		case '+': spec->plus = true; break;
		case ' ': spec->space = true; break;
		case '#': spec->alt = true; break;
		default: return fmt;
		}
	}
}

/* parse_int - a decimal number, or '*' to take it from the arguments. */
static const char *
parse_int(const char *fmt, int *out, va_list *args)
{
	if (*fmt == '*') {
		*out = va_arg(*args, int);
		return fmt + 1;
	}
	*out = 0;
	while (*fmt >= '0' && *fmt <= '9')
		*out = *out * 10 + (*fmt++ - '0');
	return fmt;
}

/* The length modifier, as the number of bytes of the argument. */
enum arg_size { SIZE_CHAR = 1, SIZE_SHORT = 2, SIZE_INT = 4, SIZE_LONG = 8 };

static const char *
parse_length(const char *fmt, enum arg_size *size)
{
	*size = SIZE_INT;
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*size = SIZE_CHAR;
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*size = SIZE_LONG; /* long long is 64 bits, like long */
		return fmt + 2;
	}
	switch (*fmt) {
	case 'h': *size = SIZE_SHORT; return fmt + 1;
	case 'l':
	case 'z':
	case 't':
	case 'j': *size = SIZE_LONG; return fmt + 1;
	default: return fmt;
	}
}

/* Fetch an integer argument of @size, sign- or zero-extended to 64 bits. */
static long long
fetch_signed(va_list *args, enum arg_size size)
{
	switch (size) {
	case SIZE_CHAR: return (signed char)va_arg(*args, int);
	case SIZE_SHORT: return (short)va_arg(*args, int);
	case SIZE_INT: return va_arg(*args, int);
	default: return va_arg(*args, long);
	}
}

static unsigned long long
fetch_unsigned(va_list *args, enum arg_size size)
{
	switch (size) {
	case SIZE_CHAR: return (unsigned char)va_arg(*args, unsigned int);
	case SIZE_SHORT: return (unsigned short)va_arg(*args, unsigned int);
	case SIZE_INT: return va_arg(*args, unsigned int);
	default: return va_arg(*args, unsigned long);
	}
}

/* format_one - one conversion; @conv is its letter, @spec what preceded it. */
static void
format_one(struct outbuf *o, char conv, enum arg_size size, struct fmt_spec *spec, va_list *args)
{
	switch (conv) {
	case 'd':
	case 'i': {
		long long v = fetch_signed(args, size);
		unsigned long long mag =
			v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

		out_number(o, mag, v < 0, 10, false, spec);
		break;
	}
	case 'u': out_number(o, fetch_unsigned(args, size), false, 10, false, spec); break;
	case 'x': out_number(o, fetch_unsigned(args, size), false, 16, false, spec); break;
	case 'X': out_number(o, fetch_unsigned(args, size), false, 16, true, spec); break;
	case 'o': out_number(o, fetch_unsigned(args, size), false, 8, false, spec); break;
	case 'c': {
		char c = (char)va_arg(*args, int);

		out_string(o, &c, 1, spec);
		break;
	}
	case 's': {
		const char *s = va_arg(*args, const char *);

		if (!s)
			s = "(null)";
		int len = spec->precision >= 0 ? (int)strnlen(s, spec->precision) : (int)strlen(s);
		out_string(o, s, len, spec);
		break;
	}
	case 'p': {
		void *p = va_arg(*args, void *);

		if (!p) {
			out_string(o, "(nil)", 5, spec);
			break;
		}
		spec->alt = true;
		out_number(o, (unsigned long)p, false, 16, false, spec);
		break;
	}
	case '%': out_char(o, '%'); break;
	default:
		/* Unknown conversion: print it as it was, so the bug shows. */
		out_char(o, '%');
		out_char(o, conv);
		break;
	}
}

/*
 * vsnprintf - format @fmt with @args into @buf, at most @size bytes including
 * the terminating NUL. Returns the length the whole output would have had,
 * as C's vsnprintf does, so a return value >= @size means it was cut.
 * Safe in any context: it takes no lock and allocates nothing.
 */
int
vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct outbuf o = { .buf = buf, .size = size, .len = 0 };
	va_list ap;

	va_copy(ap, args);
	while (*fmt) {
		if (*fmt != '%') {
			out_char(&o, *fmt++);
			continue;
		}
		struct fmt_spec spec = { .precision = -1 };
		enum arg_size arg_size;

		fmt = parse_flags(fmt + 1, &spec);
		fmt = parse_int(fmt, &spec.width, &ap);
		if (spec.width < 0) { /* a negative '*' width means '-' */
			spec.left = true;
			spec.width = -spec.width;
		}
		if (*fmt == '.') {
			fmt = parse_int(fmt + 1, &spec.precision, &ap);
			if (spec.precision < 0)
				spec.precision = -1;
		}
		fmt = parse_length(fmt, &arg_size);
		if (!*fmt)
			break;
		format_one(&o, *fmt++, arg_size, &spec, &ap);
	}
	va_end(ap);
	if (size > 0)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

/* snprintf - vsnprintf with the arguments given directly. */
int
snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
