/*
 * libc/src/pwd/pwd_impl.h - what the /etc/passwd and /etc/group readers
 * share: splitting a line into its ':'-separated fields.
 */
#ifndef LIBC_PWD_IMPL_H
#define LIBC_PWD_IMPL_H

#include <stdio.h>
#include <sys/types.h>

/* __split_fields - cut @line (its newline too) at each ':' into exactly
 * @n fields; 0, or -1 when it has another number of fields. */
int __split_fields(char *line, char **field, int n);

/* __parse_id - field @s as a user or group id: 0, or -1 if it is not a number. */
int __parse_id(const char *s, unsigned int *id);

#endif /* LIBC_PWD_IMPL_H */
