/*
 * libc/include/pwd.h - the user database, /etc/passwd: getpwnam(),
 * getpwuid().
 *
 * Each line of /etc/passwd is one user, seven fields split by ':':
 *	name:password:uid:gid:gecos:home:shell
 * ("x" as the password means it is in /etc/shadow). The functions return
 * a pointer to static storage that the next call overwrites, or NULL
 * when there is no such user (errno unchanged) or the file cannot be
 * read (errno set).
 */
#ifndef _PWD_H
#define _PWD_H

#include <sys/types.h>

struct passwd {
	char *pw_name;	 /* login name */
	char *pw_passwd; /* password field ("x": see /etc/shadow) */
	uid_t pw_uid;	 /* user id */
	gid_t pw_gid;	 /* primary group id */
	char *pw_gecos;	 /* real name, comments */
	char *pw_dir;	 /* home directory */
	char *pw_shell;	 /* login shell */
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);

#endif /* _PWD_H */
