/*
 * include/pagoda/console.h - where printk's text goes.
 *
 * A console is a device that can show kernel messages: the serial port
 * (kernel/arch/x86_64/serial.c) and the VGA text screen (vga.c). printk
 * writes every shown message to each registered console in turn.
 */
#ifndef PAGODA_CONSOLE_H
#define PAGODA_CONSOLE_H

#include <pagoda/types.h>

struct console {
	const char *name;			  /* "ttyS0", "vga" */
	void (*write)(const char *s, size_t len); /* show @len bytes of @s */
	struct console *next;			  /* next in the registered list */
};

/* register_console - start sending printk output to @con (static storage). */
void register_console(struct console *con);

void unregister_console(struct console *con);

/* console_write - write @len bytes to every console (kernel messages). */
void console_write(const char *s, size_t len);

/* tty_output - user programs' console output: COM1 and the VGA screen
 * (kernel/arch/x86_64/serial.c). */
void tty_output(const char *s, size_t len);

#endif /* PAGODA_CONSOLE_H */
