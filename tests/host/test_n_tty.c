/*
 * tests/host/test_n_tty.c - the line discipline (kernel/fs/n_tty.c):
 * typing, editing and echo, as a terminal in canonical mode does them.
 * Echo goes to the consoles, which the host shim records (host_log()).
 */
#include <string.h>

#include "../../kernel/fs/n_tty.h"
#include "host_test.h"

static struct n_tty_data ldata;

static void
type(const char *s)
{
	while (*s)
		n_tty_receive_char(&ldata, *s++);
}

/* take - what one read() of up to @count bytes returns, as a string. */
static const char *
take(size_t count)
{
	static char buf[128];
	size_t n = n_tty_read(&ldata, buf, count);

	buf[n] = '\0';
	return buf;
}

static int
setup(void **state)
{
	n_tty_init(&ldata);
	host_log_clear();
	return 0;
}

static void
test_default_termios(void **state)
{
	/* Linux's tty_std_termios, as TCGETS shows it on a fresh terminal. */
	assert_int_equal(sizeof(struct termios), 36);
	assert_int_equal(ldata.termios.c_iflag, 0x500);
	assert_int_equal(ldata.termios.c_oflag, 0x5);
	assert_int_equal(ldata.termios.c_cflag, 0x4bf);
	assert_int_equal(ldata.termios.c_lflag, 0x8a3b);
	assert_int_equal(ldata.termios.c_cc[VERASE], 0x7f);
	assert_int_equal(ldata.termios.c_cc[VMIN], 1);
}

static void
test_line_at_a_time(void **state)
{
	type("ls -l");
	assert_false(n_tty_input_available(&ldata)); /* no line yet */
	type("\r");				     /* Enter sends CR; ICRNL makes it NL */
	assert_true(n_tty_input_available(&ldata));
	type("pwd\r");
	assert_string_equal(take(100), "ls -l\n"); /* one line per read */
	assert_string_equal(take(2), "pw");	   /* the rest stays */
	assert_string_equal(take(100), "d\n");
	assert_false(n_tty_input_available(&ldata));
	assert_string_equal(host_log(), "ls -l\npwd\n");
}

static void
test_editing(void **state)
{
	type("cat\x7f\x7fp\r"); /* DEL twice: "c", then "cp" */
	assert_string_equal(take(100), "cp\n");
	assert_string_equal(host_log(), "cat\b \b\b \bp\n");
	host_log_clear();
	type("rm -rf /\x15"
	     "echo\r"); /* Ctrl-U kills the line */
	assert_string_equal(take(100), "echo\n");
	type("\x7f\x7f\r"); /* erasing at the start of a line does nothing */
	assert_string_equal(take(100), "\n");
	type("a\x01\x7f\r"); /* a control character echoes as ^A and erases as two */
	assert_string_equal(take(100), "a\n");
}

static void
test_ctrl_d(void **state)
{
	type("\x04");
	assert_true(n_tty_input_available(&ldata));
	assert_string_equal(take(100), ""); /* end of file */
	assert_false(n_tty_input_available(&ldata));
	type("abc\x04");
	assert_string_equal(take(100), "abc"); /* the line, no newline */
	assert_false(n_tty_input_available(&ldata));
}

static void
test_ctrl_c_drops_line(void **state)
{
	type("sleep 100\x03");
	assert_false(n_tty_input_available(&ldata));
	assert_true(strstr(host_log(), "^C") != NULL);
	type("ok\r");
	assert_string_equal(take(100), "ok\n");
}

static void
test_raw_mode(void **state)
{
	struct termios t = ldata.termios;

	type("ab");
	t.c_lflag &= ~(ICANON | ECHO);
	n_tty_set_termios(&ldata, &t);
	assert_true(n_tty_input_available(&ldata)); /* the typed bytes are readable */
	host_log_clear();
	type("\x7f");
	assert_string_equal(take(100), "ab\x7f"); /* no editing */
	assert_string_equal(host_log(), "");	  /* no echo */
	type("x");
	n_tty_flush_input(&ldata);
	assert_false(n_tty_input_available(&ldata));
}

/* A full ring keeps the last slot for the newline. */
static void
test_full_line(void **state)
{
	for (int i = 0; i < N_TTY_BUF_SIZE + 10; i++)
		n_tty_receive_char(&ldata, 'x');
	type("\r");
	size_t total = 0, n;
	char buf[512];

	while ((n = n_tty_read(&ldata, buf, sizeof(buf))) > 0)
		total += n;
	assert_int_equal(total, N_TTY_BUF_SIZE);
	assert_int_equal(buf[(N_TTY_BUF_SIZE - 1) % sizeof(buf)], '\n');
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, NULL)
	const struct CMUnitTest tests[] = {
		T(test_default_termios), T(test_line_at_a_time),    T(test_editing),
		T(test_ctrl_d),		 T(test_ctrl_c_drops_line), T(test_raw_mode),
		T(test_full_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
