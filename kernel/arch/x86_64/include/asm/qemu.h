/*
 * asm/qemu.h - telling QEMU to exit, for tests.
 *
 * QEMU's isa-debug-exit device (-device isa-debug-exit,iobase=0xf4,
 * iosize=0x04) exits QEMU when the port is written, with exit status
 * (value << 1) | 1. Test runs add the device; interactive runs (make qemu)
 * do not, and there the write does nothing. Status 0 is never produced,
 * so a run that ends any other way (a triple fault with -no-reboot exits
 * with 0) can never pass for a success.
 */
#ifndef ASM_QEMU_H
#define ASM_QEMU_H

#include <pagoda/compiler.h>

#define QEMU_EXIT_PORT	  0xf4
#define QEMU_EXIT_SUCCESS 0x10 /* QEMU exits with status 33 */
#define QEMU_EXIT_PANIC	  0x11 /* status 35: panic or fatal exception */
#define QEMU_EXIT_FAILURE 0x12 /* status 37: a kernel self-test failed */

void qemu_exit(unsigned int code);

#endif /* ASM_QEMU_H */
