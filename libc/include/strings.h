/*
 * libc/include/strings.h - the BSD string functions POSIX keeps.
 */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <stddef.h>

int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
void bzero(void *s, size_t n);

#endif /* _STRINGS_H */
