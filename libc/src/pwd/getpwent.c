/*
 * libc/src/pwd/getpwent.c - getpwnam() and getpwuid(): a linear search of
 * /etc/passwd (name:password:uid:gid:gecos:home:shell per line), as
 * glibc's "files" source does. A malformed line is skipped.
 */
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

static char *pw_line; /* the matching line, cut into the fields below */
static size_t pw_line_size;
static struct passwd pw; /* what getpwnam/getpwuid return */

/* parse_passwd - fill @p from @line: 0, or -1 for a malformed line. */
static int
parse_passwd(char *line, struct passwd *p)
{
	char *f[7];

	if (__split_fields(line, f, 7) || __parse_id(f[2], &p->pw_uid) ||
	    __parse_id(f[3], &p->pw_gid))
		return -1;
	p->pw_name = f[0];
	p->pw_passwd = f[1];
	p->pw_gecos = f[4];
	p->pw_dir = f[5];
	p->pw_shell = f[6];
	return 0;
}

/* getpw - the first user whose name is @name (or, @name NULL, whose uid is @uid). */
static struct passwd *
getpw(const char *name, uid_t uid)
{
	FILE *f = fopen("/etc/passwd", "r");
	struct passwd *found = NULL;

	if (!f)
		return NULL;
	while (!found && getline(&pw_line, &pw_line_size, f) > 0) {
		if (parse_passwd(pw_line, &pw))
			continue;
		if (name ? strcmp(pw.pw_name, name) == 0 : pw.pw_uid == uid)
			found = &pw;
	}
	fclose(f);
	return found;
}

/* getpwnam - the user called @name, or NULL */
struct passwd *
getpwnam(const char *name)
{
	return getpw(name, 0);
}

/* getpwuid - the (first) user with id @uid, or NULL */
struct passwd *
getpwuid(uid_t uid)
{
	return getpw(NULL, uid);
}
