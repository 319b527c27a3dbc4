/*
 * kernel/lib/printk.c - kernel messages: the log buffer and the consoles.
 *
 * printk() formats a message (vsprintf.c), strips its level prefix
 * (KERN_ERR ...), keeps it in the log buffer, and writes it to every
 * registered console when its level is below console_loglevel.
 * Pagoda runs on one CPU and printk takes no lock: an interrupt handler
 * that prints in the middle of another message can interleave lines,
 * which costs readability, never correctness.
 *
 * Counterpart: Linux kernel/printk/printk.c.
 */
#include <pagoda/console.h>
#include <pagoda/printk.h>
#include <pagoda/string.h>

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static struct console *console_list;

/* The log buffer: the last LOG_BUF_LEN bytes of messages, shown or not. */
#define LOG_BUF_LEN (64 * 1024)
static char log_buf[LOG_BUF_LEN];
static size_t log_next; /* total bytes ever logged */

void
register_console(struct console *con)
{
	con->next = console_list;
	console_list = con;
}

void
unregister_console(struct console *con)
{
	for (struct console **p = &console_list; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			return;
		}
	}
}

void
console_write(const char *s, size_t len)
{
	for (struct console *con = console_list; con; con = con->next)
		con->write(s, len);
}

static void
log_store(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += len;
}

/*
 * printk_get_level - the level of a message: the digit after KERN_SOH, or
 * LOGLEVEL_DEFAULT when there is none. *@text is moved past the prefix.
 */
static int
printk_get_level(const char **text)
{
	const char *s = *text;

	if (s[0] == KERN_SOH[0] && s[1] >= '0' && s[1] <= '7') {
		*text = s + 2;
		return s[1] - '0';
	}
	return LOGLEVEL_DEFAULT;
}

/*
 * vprintk - format and emit one message. Long messages are cut at 1 KiB.
 * Returns the number of characters emitted. Safe in interrupt context.
 */
int
vprintk(const char *fmt, va_list args)
{
	char buf[1024];
	const char *text = buf;
	int level;
	size_t len;

	vsnprintf(buf, sizeof(buf), fmt, args);
	level = printk_get_level(&text);
	len = strlen(text);
	log_store(text, len);
	if (level < console_loglevel)
		console_write(text, len);
	return (int)len;
}

int
printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
