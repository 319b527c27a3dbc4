/*
 * kernel/fs/n_tty.h - the line discipline's state (n_tty.c), for tty.c
 * and the host tests.
 */
#ifndef KERNEL_FS_N_TTY_H
#define KERNEL_FS_N_TTY_H

#include <pagoda/types.h>

#include <uapi/termios.h>

#define N_TTY_BUF_SIZE 4096 /* bytes of typed input kept (Linux: the same) */

struct n_tty_data {
	char read_buf[N_TTY_BUF_SIZE]; /* ring of typed bytes */
	unsigned long read_head;       /* bytes ever typed (and kept) */
	unsigned long canon_head;      /* end of the finished lines */
	unsigned long read_tail;       /* bytes ever read */
	struct termios termios;	       /* current settings (TCGETS/TCSETS) */
};

void n_tty_init(struct n_tty_data *ldata);
void n_tty_receive_char(struct n_tty_data *ldata, char c);
bool n_tty_input_available(const struct n_tty_data *ldata);
size_t n_tty_read(struct n_tty_data *ldata, char *buf, size_t count);
void n_tty_flush_input(struct n_tty_data *ldata);
void n_tty_set_termios(struct n_tty_data *ldata, const struct termios *t);

#endif /* KERNEL_FS_N_TTY_H */
