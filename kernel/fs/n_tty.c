/*
 * kernel/fs/n_tty.c - the terminal line discipline: typing a line.
 *
 * Bytes typed on the serial console arrive one interrupt at a time
 * (tty.c); n_tty_receive_char() decides what each means. In canonical
 * mode (ICANON, the default) a program's read() gets nothing until a whole
 * line is there, and the line can be edited first:
 *
 *	Enter (CR, made NL by ICRNL)  ends the line; read() returns it with '\n'
 *	DEL or Backspace (VERASE)     erases the last character
 *	Ctrl-U (VKILL)                erases the whole line
 *	Ctrl-D (VEOF)                 ends the line without a '\n'; at the
 *	                              start of a line, read() returns 0 (EOF)
 *	Ctrl-C (VINTR, with ISIG)     throws the line away, echoes ^C
 *
 * With ECHO each character is shown as it is typed (control characters as
 * ^X under ECHOCTL, erasing as backspace-space-backspace under ECHOE).
 * Without ICANON (TCSETS from an editor or a game) every byte is readable
 * at once.
 *
 * The buffer is a ring: read_tail .. canon_head is finished lines that
 * read() may take, canon_head .. read_head the line being typed. All three
 * count bytes since boot, so their difference is a length and the index
 * is the count modulo N_TTY_BUF_SIZE. A Ctrl-D is kept in the ring, as
 * its own byte, where it ended a line; read() consumes it without copying.
 *
 * This file only edits the ring and echoes; it has no locks and no
 * sleeping (tty.c does those), so host tests can drive it.
 *
 * Counterpart: Linux drivers/tty/n_tty.c; termios(3) describes the modes.
 */
#include <pagoda/console.h>
#include <pagoda/kernel.h>
#include <pagoda/string.h>

#include "n_tty.h"

#define CTRL(c) ((c)&0x1f)

/* The settings of a terminal Linux has just opened (tty_std_termios). */
static const struct termios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_line = 0,
	.c_cc = { [VINTR] = CTRL('C'),
		  [VQUIT] = CTRL('\\'),
		  [VERASE] = 0x7f,
		  [VKILL] = CTRL('U'),
		  [VEOF] = CTRL('D'),
		  [VTIME] = 0,
		  [VMIN] = 1,
		  [VSTART] = CTRL('Q'),
		  [VSTOP] = CTRL('S'),
		  [VSUSP] = CTRL('Z'),
		  [VREPRINT] = CTRL('R'),
		  [VDISCARD] = CTRL('O'),
		  [VWERASE] = CTRL('W'),
		  [VLNEXT] = CTRL('V') },
};

/* n_tty_init - empty ring, Linux's default termios. */
void
n_tty_init(struct n_tty_data *ldata)
{
	memset(ldata, 0, sizeof(*ldata));
	ldata->termios = tty_std_termios;
}

static bool
is_canon(const struct n_tty_data *ldata)
{
	return ldata->termios.c_lflag & ICANON;
}

static void
put_ring(struct n_tty_data *ldata, char c)
{
	ldata->read_buf[ldata->read_head++ % N_TTY_BUF_SIZE] = c;
}

/* echo_char - show @c as typed: control characters as ^X under ECHOCTL. */
static void
echo_char(const struct n_tty_data *ldata, char c)
{
	char ctl[2] = { '^', (char)(c ^ 0x40) };

	if (!(ldata->termios.c_lflag & ECHO))
		return;
	if ((unsigned char)c < 0x20 && c != '\n' && c != '\t' && (ldata->termios.c_lflag & ECHOCTL))
		tty_output(ctl, 2);
	else
		tty_output(&c, 1);
}

/* erase_one - take back the last typed character; false if the line is empty. */
static bool
erase_one(struct n_tty_data *ldata)
{
	char c;

	if (ldata->read_head == ldata->canon_head)
		return false;
	c = ldata->read_buf[--ldata->read_head % N_TTY_BUF_SIZE];
	if ((ldata->termios.c_lflag & (ECHO | ECHOE)) == (ECHO | ECHOE)) {
		tty_output("\b \b", 3);
		/* A control character took two columns: ^X. */
		if ((unsigned char)c < 0x20 && c != '\t' && (ldata->termios.c_lflag & ECHOCTL))
			tty_output("\b \b", 3);
	}
	return true;
}

/* end_line - the typed line becomes readable. */
static void
end_line(struct n_tty_data *ldata)
{
	ldata->canon_head = ldata->read_head;
}

/* receive_canon - one character in canonical mode (editing keys, line ends). */
static void
receive_canon(struct n_tty_data *ldata, char c)
{
	const cc_t *cc = ldata->termios.c_cc;

	if (c == (char)cc[VERASE] || c == '\b') {
		erase_one(ldata);
	} else if (c == (char)cc[VKILL]) {
		while (erase_one(ldata))
			;
	} else if (c == (char)cc[VEOF]) {
		put_ring(ldata, c); /* read() stops at it and consumes it */
		end_line(ldata);
	} else if (c == '\n') {
		put_ring(ldata, c);
		echo_char(ldata, c);
		end_line(ldata);
	} else if (ldata->read_head - ldata->read_tail < N_TTY_BUF_SIZE - 1) {
		/* The last slot stays free for the '\n' that ends the line. */
		put_ring(ldata, c);
		echo_char(ldata, c);
	}
}

/*
 * n_tty_receive_char - one byte from the keyboard or serial line. Called
 * with interrupts disabled (from the receive interrupt); never sleeps.
 */
void
n_tty_receive_char(struct n_tty_data *ldata, char c)
{
	const struct termios *t = &ldata->termios;

	if (c == '\r' && (t->c_iflag & IGNCR))
		return;
	if (c == '\r' && (t->c_iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (t->c_iflag & INLCR))
		c = '\r';
	/* Linux also sends SIGINT to the foreground process group; Pagoda has no job control. */
	if ((t->c_lflag & ISIG) && c == (char)t->c_cc[VINTR]) {
		echo_char(ldata, c);
		ldata->read_head = ldata->canon_head;
		return;
	}
	if (is_canon(ldata)) {
		receive_canon(ldata, c);
		return;
	}
	if (ldata->read_head - ldata->read_tail < N_TTY_BUF_SIZE) {
		put_ring(ldata, c);
		echo_char(ldata, c);
	}
	end_line(ldata);
}

/* n_tty_input_available - would read() return now (data, or EOF)? */
bool
n_tty_input_available(const struct n_tty_data *ldata)
{
	return ldata->canon_head != ldata->read_tail;
}

/*
 * n_tty_read - take what read() returns into kernel @buf (@count bytes at
 * most): in canonical mode one line at most, ending at '\n' (copied) or a
 * Ctrl-D (consumed, not copied). Returns the bytes copied; 0 with input
 * available means end of file. Call with interrupts disabled.
 */
size_t
n_tty_read(struct n_tty_data *ldata, char *buf, size_t count)
{
	size_t n = 0;

	while (n < count && ldata->read_tail != ldata->canon_head) {
		char c = ldata->read_buf[ldata->read_tail % N_TTY_BUF_SIZE];

		if (is_canon(ldata) && c == (char)ldata->termios.c_cc[VEOF]) {
			ldata->read_tail++;
			break;
		}
		buf[n++] = c;
		ldata->read_tail++;
		if (is_canon(ldata) && c == '\n')
			break;
	}
	return n;
}

/* n_tty_flush_input - forget everything typed and not yet read (TCSETSF). */
void
n_tty_flush_input(struct n_tty_data *ldata)
{
	ldata->read_tail = ldata->canon_head = ldata->read_head;
}

/* n_tty_set_termios - new settings; leaving canonical mode makes the typed line readable. */
void
n_tty_set_termios(struct n_tty_data *ldata, const struct termios *t)
{
	ldata->termios = *t;
	if (!is_canon(ldata))
		end_line(ldata);
}
