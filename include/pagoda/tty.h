/*
 * include/pagoda/tty.h - the console terminal, as the drivers see it.
 *
 * The serial driver's receive interrupt hands each byte it reads to
 * tty_receive_buf(); kernel/fs/tty.c runs them through the line
 * discipline (echo, line editing) and wakes a reader waiting for a line.
 *
 * Counterpart: Linux include/linux/tty_flip.h (tty_insert_flip_string).
 */
#ifndef PAGODA_TTY_H
#define PAGODA_TTY_H

#include <pagoda/types.h>

/* tty_receive_buf - @n bytes typed on the console. Interrupt context. */
void tty_receive_buf(const char *chars, size_t n);

#endif /* PAGODA_TTY_H */
