/*
 * include/pagoda/cmdline.h - reading options from the kernel command line.
 *
 * The command line comes from GRUB (the Multiboot2 command-line tag): a
 * string of space-separated words, each `name` or `name=value`, as on
 * Linux. kernel/init/main.c keeps it in saved_command_line; these
 * functions look options up in any such string.
 *
 * Counterpart: Linux arch/x86/lib/cmdline.c.
 */
#ifndef PAGODA_CMDLINE_H
#define PAGODA_CMDLINE_H

#include <pagoda/types.h>

#define COMMAND_LINE_SIZE 1024

extern char saved_command_line[COMMAND_LINE_SIZE];

/* True when @option appears in @cmdline as a word of its own. */
bool cmdline_find_option_bool(const char *cmdline, const char *option);

/*
 * cmdline_find_option - copy the value of `option=value` into @buf (at
 * most @bufsize bytes, NUL-terminated). Returns the value's length, or
 * -1 when the option is absent. The last occurrence wins, as on Linux.
 */
int cmdline_find_option(const char *cmdline, const char *option, char *buf, size_t bufsize);

#endif /* PAGODA_CMDLINE_H */
