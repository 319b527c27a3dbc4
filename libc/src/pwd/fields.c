/*
 * libc/src/pwd/fields.c - splitting a line of /etc/passwd or /etc/group.
 */
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

/* __split_fields - see pwd_impl.h. */
int
__split_fields(char *line, char **field, int n)
{
	int i = 0;

	line[strcspn(line, "\n")] = '\0';
	field[i++] = line;
	for (char *p = line; *p; p++) {
		if (*p != ':')
			continue;
		if (i == n)
			return -1;
		*p = '\0';
		field[i++] = p + 1;
	}
	return i == n ? 0 : -1;
}

/* __parse_id - see pwd_impl.h. */
int
__parse_id(const char *s, unsigned int *id)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	v = strtoul(s, &end, 10);
	if (*end || v > 0xffffffffUL)
		return -1;
	*id = v;
	return 0;
}
