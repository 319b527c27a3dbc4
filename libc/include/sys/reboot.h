/*
 * libc/include/sys/reboot.h - reboot(): power off, halt or restart.
 */
#ifndef _SYS_REBOOT_H
#define _SYS_REBOOT_H

#define RB_AUTOBOOT    0x01234567 /* restart */
#define RB_HALT_SYSTEM 0xcdef0123
#define RB_POWER_OFF   0x4321fedc

/* reboot - do @howto (one of the RB_* values); returns only on failure. */
int reboot(int howto);

#endif /* _SYS_REBOOT_H */
