/*
 * kernel/arch/x86_64/vga.c - the VGA text screen, a second console.
 *
 * In text mode the screen is an 80x25 array of 16-bit cells at physical
 * address 0xb8000: the low byte is the character (code page 437), the
 * high byte its colours (IBM VGA Technical Reference, "Text Mode"). The
 * blinking cursor is moved through the CRT controller's registers 0x0e
 * and 0x0f at ports 0x3d4/0x3d5. GRUB leaves the VGA in this mode because
 * our Multiboot2 header asks for no framebuffer.
 */
#include <pagoda/arch.h>
#include <pagoda/cmdline.h>
#include <pagoda/console.h>
#include <pagoda/string.h>

#include <asm/io.h>
#include <asm/page.h>

#include "internal.h"

#define VGA_COLS       80
#define VGA_ROWS       25
#define VGA_ATTR       0x07 /* light grey on black */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA  0x3d5

/* 0xb8000 through the direct map of physical memory (DESIGN.md). */
#define VGA_TEXT_PA    0xb8000
static volatile uint16_t *const vga_buf = (uint16_t *)(PAGE_OFFSET + VGA_TEXT_PA);
static unsigned int vga_row, vga_col;
static bool vga_ready;

static void
vga_move_cursor(void)
{
	unsigned int pos = vga_row * VGA_COLS + vga_col;

	outb(VGA_CRTC_INDEX, 0x0e);
	outb(VGA_CRTC_DATA, pos >> 8);
	outb(VGA_CRTC_INDEX, 0x0f);
	outb(VGA_CRTC_DATA, pos & 0xff);
}

static void
vga_scroll(void)
{
	for (unsigned int i = 0; i < (VGA_ROWS - 1) * VGA_COLS; i++)
		vga_buf[i] = vga_buf[i + VGA_COLS];
	for (unsigned int i = 0; i < VGA_COLS; i++)
		vga_buf[(VGA_ROWS - 1) * VGA_COLS + i] = (VGA_ATTR << 8) | ' ';
	vga_row = VGA_ROWS - 1;
}

static void
vga_putc(char c)
{
	switch (c) {
	case '\n':
		vga_col = 0;
		vga_row++;
		break;
	case '\r': vga_col = 0; break;
	case '\b':
		if (vga_col > 0)
			vga_col--;
		break;
	case '\t': vga_col = (vga_col + 8) & ~7u; break;
	default: vga_buf[vga_row * VGA_COLS + vga_col] = (VGA_ATTR << 8) | (uint8_t)c; vga_col++;
	}
	if (vga_col >= VGA_COLS) {
		vga_col = 0;
		vga_row++;
	}
	if (vga_row >= VGA_ROWS)
		vga_scroll();
}

static void
vga_write(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		vga_putc(s[i]);
	vga_move_cursor();
}

/* Program output shows on the screen too, between kernel messages. */
void
vga_tty_output(const char *s, size_t len)
{
	if (vga_ready)
		vga_write(s, len);
}

static struct console vga_console = {
	.name = "vga",
	.write = vga_write,
};

/* vga_init - clear the screen and register it as a console. */
void
vga_init(void)
{
	for (unsigned int i = 0; i < VGA_ROWS * VGA_COLS; i++)
		vga_buf[i] = (VGA_ATTR << 8) | ' ';
	vga_row = vga_col = 0;
	vga_ready = true;
	register_console(&vga_console);
}

void
arch_console_init(void)
{
	char name[16];

	if (cmdline_find_option(saved_command_line, "console", name, sizeof(name)) > 0)
		serial_console_select(name);
	vga_init();
}
