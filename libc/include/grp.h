/*
 * libc/include/grp.h - the group database, /etc/group: getgrnam(),
 * getgrgid(); and setgroups(), which glibc and musl declare here.
 *
 * Each line of /etc/group is one group, four fields split by ':':
 *	name:password:gid:member,member,...
 * The functions return static storage that the next call overwrites, or
 * NULL when there is no such group.
 */
#ifndef _GRP_H
#define _GRP_H

#include <stddef.h>
#include <sys/types.h>

struct group {
	char *gr_name;	 /* group name */
	char *gr_passwd; /* password field */
	gid_t gr_gid;	 /* group id */
	char **gr_mem;	 /* member login names, NULL-terminated */
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
int setgroups(size_t size, const gid_t *list);

#endif /* _GRP_H */
