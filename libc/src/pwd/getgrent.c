/*
 * libc/src/pwd/getgrent.c - getgrnam() and getgrgid(): a linear search of
 * /etc/group (name:password:gid:member,member,... per line). A malformed
 * line is skipped; members past the 63rd are not listed.
 */
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

#define MAX_MEMBERS 64

static char *gr_line; /* the matching line, cut into the fields below */
static size_t gr_line_size;
static char *gr_members[MAX_MEMBERS]; /* gr.gr_mem, NULL-terminated */
static struct group gr;		      /* what getgrnam/getgrgid return */

/* parse_group - fill @g from @line: 0, or -1 for a malformed line. */
static int
parse_group(char *line, struct group *g)
{
	char *f[4], *p;
	int n = 0;

	if (__split_fields(line, f, 4) || __parse_id(f[2], &g->gr_gid))
		return -1;
	g->gr_name = f[0];
	g->gr_passwd = f[1];
	for (p = f[3]; *p && n < MAX_MEMBERS - 1; n++) {
		gr_members[n] = p;
		p += strcspn(p, ",");
		if (*p)
			*p++ = '\0';
	}
	gr_members[n] = NULL;
	g->gr_mem = gr_members;
	return 0;
}

/* getgr - the first group called @name (or, @name NULL, with id @gid). */
static struct group *
getgr(const char *name, gid_t gid)
{
	FILE *f = fopen("/etc/group", "r");
	struct group *found = NULL;

	if (!f)
		return NULL;
	while (!found && getline(&gr_line, &gr_line_size, f) > 0) {
		if (parse_group(gr_line, &gr))
			continue;
		if (name ? strcmp(gr.gr_name, name) == 0 : gr.gr_gid == gid)
			found = &gr;
	}
	fclose(f);
	return found;
}

/* getgrnam - the group called @name, or NULL */
struct group *
getgrnam(const char *name)
{
	return getgr(name, 0);
}

/* getgrgid - the (first) group with id @gid, or NULL */
struct group *
getgrgid(gid_t gid)
{
	return getgr(NULL, gid);
}
