/*
 * kernel/arch/x86_64/serial.c - the COM1 serial port, the main console.
 *
 * A 16550 UART at I/O port 0x3f8 (PC16550D data sheet). QEMU connects it
 * to its standard input and output (make qemu) or to a file (tests), so
 * everything printk shows, and later what user programs write to fd 1,
 * appears there. Sending is polled: wait until the transmit holding
 * register is empty, then write the byte. Receiving is by interrupt: the
 * UART raises IRQ 4 when a byte arrives (IER bit 0), and
 * serial_rx_interrupt() passes what it reads to the console tty
 * (kernel/fs/tty.c), which echoes it and wakes a reader.
 *
 * Counterpart: Linux drivers/tty/serial/8250/.
 */
#include <pagoda/arch.h>
#include <pagoda/console.h>
#include <pagoda/string.h>
#include <pagoda/tty.h>

#include <asm/io.h>

#include "internal.h"

#define COM1	      0x3f8
#define COM2	      0x2f8 /* the second serial port: kernel messages with console=ttyS1 */
#define UART_THR      0	    /* transmit holding register (write) */
#define UART_RBR      0	    /* receive buffer register (read) */
#define UART_IER      1	    /* interrupt enable */
#define UART_DLL      0	    /* divisor latch, low byte (when LCR.DLAB = 1) */
#define UART_DLM      1	    /* divisor latch, high byte */
#define UART_FCR      2	    /* FIFO control */
#define UART_LCR      3	    /* line control */
#define UART_MCR      4	    /* modem control */
#define UART_LSR      5	    /* line status */

#define UART_LCR_8N1  0x03 /* 8 data bits, no parity, 1 stop bit */
#define UART_LCR_DLAB 0x80 /* the next two registers are the divisor */
#define UART_LSR_DR   0x01 /* a received byte is waiting */
#define UART_LSR_THRE 0x20 /* the transmitter can take a byte */
#define UART_IER_RDI  0x01 /* interrupt when a received byte is waiting */

static void
serial_putc(uint16_t port, char c)
{
	while (!(inb(port + UART_LSR) & UART_LSR_THRE))
		;
	outb(port + UART_THR, c);
}

/* serial_out - write to a port; a terminal wants "\r\n" for a new line. */
static void
serial_out(uint16_t port, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\n')
			serial_putc(port, '\r');
		serial_putc(port, s[i]);
	}
}

static void
serial0_write(const char *s, size_t len)
{
	serial_out(COM1, s, len);
}

static void
serial1_write(const char *s, size_t len)
{
	serial_out(COM2, s, len);
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial0_write,
};

static struct console serial1_console = {
	.name = "ttyS1",
	.write = serial1_write,
};

/*
 * tty_output - what user programs write to the console (fd 1 and 2) goes
 * to COM1 always, and to the VGA screen, whichever console kernel
 * messages go to (console=ttyS1 sends those to COM2, so that a program's
 * output and the kernel's log can be told apart: tools/run-elf).
 */
void
tty_output(const char *s, size_t len)
{
	serial0_write(s, len);
	vga_tty_output(s, len);
}

/* uart_init - 115200 baud 8N1, FIFOs on, for the UART at @port. */
static void
uart_init(uint16_t port)
{
	outb(port + UART_IER, 0);
	outb(port + UART_LCR, UART_LCR_DLAB);
	outb(port + UART_DLL, 1); /* 115200 / 1 */
	outb(port + UART_DLM, 0);
	outb(port + UART_LCR, UART_LCR_8N1);
	outb(port + UART_FCR, 0xc7); /* enable and clear FIFOs, 14-byte trigger */
	outb(port + UART_MCR, 0x0b); /* DTR, RTS, OUT2 (routes the IRQ line) */
}

/*
 * serial_init - program COM1 and register it as a console. Called first
 * thing in start_kernel, so that everything after it can print.
 */
void
serial_init(void)
{
	uart_init(COM1);
	register_console(&serial_console);
	/* Only IRQ 4 reaching the CPU waits for i8259_unmask() (traps.c). */
	outb(COM1 + UART_IER, UART_IER_RDI);
}

/* serial_console_select - `console=ttyS1`: kernel messages go to COM2. */
void
serial_console_select(const char *name)
{
	if (strcmp(name, "ttyS1") != 0)
		return;
	uart_init(COM2);
	unregister_console(&serial_console);
	register_console(&serial1_console);
}

/* serial_getc - a received byte, or -1 when none is waiting. */
int
serial_getc(void)
{
	if (!(inb(COM1 + UART_LSR) & UART_LSR_DR))
		return -1;
	return inb(COM1 + UART_RBR);
}

/*
 * serial_rx_interrupt - IRQ 4: hand every byte waiting in the receive
 * FIFO to the tty. Reading RBR until LSR.DR clears also clears the
 * interrupt (PC16550D data sheet, Interrupt Identification Register).
 */
void
serial_rx_interrupt(void)
{
	char buf[16];
	size_t n = 0;
	int c;

	while ((c = serial_getc()) >= 0) {
		buf[n++] = (char)c;
		if (n == sizeof(buf)) {
			tty_receive_buf(buf, n);
			n = 0;
		}
	}
	if (n)
		tty_receive_buf(buf, n);
}

void
arch_early_console_init(void)
{
	serial_init();
}
