/*
 * include/pagoda/cred.h - who a task is: user and group ids, supplementary
 * groups, and what they allow.
 *
 * Every task points to a struct cred. A cred is never changed once a task
 * uses it: a system call that changes ids copies the caller's
 * (prepare_creds), edits the copy and installs it (commit_creds); a task
 * that only reads its ids needs no lock. fork and clone share the
 * parent's cred (one more reference), so a child sees the same ids until
 * either of them changes its own. As on Linux, each thread has its own
 * cred pointer and setuid() changes only the calling thread; glibc and
 * musl make it process-wide by running it in every thread (their "setxid"
 * broadcast with a signal), Pagoda's libc has no threads.
 *
 * Which ids do what (credentials(7)):
 *	uid, gid     the real ids: who started the process; kill and
 *	             access() look at them
 *	euid, egid   the effective ids: setuid()'s privilege check (euid 0)
 *	suid, sgid   the saved ids: what an unprivileged setuid/seteuid may
 *	             switch back to
 *	fsuid, fsgid the ids permission checks on files use; they follow
 *	             euid/egid unless setfsuid/setfsgid set them apart
 *	group_info   the supplementary groups (setgroups, getgroups)
 *
 * Pagoda has no capability sets. capable(CAP_X) answers as Linux does for
 * a process whose capabilities follow its ids (no file capabilities, no
 * securebits): the file-system capabilities (CAP_CHOWN, CAP_DAC_OVERRIDE,
 * CAP_DAC_READ_SEARCH, CAP_FOWNER, CAP_FSETID) belong to fsuid 0, the
 * others (CAP_SETUID, CAP_SETGID, CAP_KILL) to euid 0. This is what
 * Linux's cap_emulate_setxuid() and cap_task_fix_setuid() compute when
 * the ids change (capabilities(7), "Effect of user ID changes on
 * capabilities").
 *
 * Counterpart: Linux include/linux/cred.h, include/linux/capability.h.
 */
#ifndef PAGODA_CRED_H
#define PAGODA_CRED_H

#include <pagoda/types.h>

typedef unsigned int uid_t;
typedef unsigned int gid_t;

#define INVALID_UID	    ((uid_t)-1) /* "leave it as it is" in setreuid, never an id */
#define INVALID_GID	    ((gid_t)-1)
#define NGROUPS_MAX	    65536 /* supplementary groups at most (Linux's) */

/* The capabilities Pagoda's checks ask for (Linux's numbers). */
#define CAP_CHOWN	    0 /* chown: give a file away, change its group to any */
#define CAP_DAC_OVERRIDE    1 /* read, write, execute (one x bit) any file */
#define CAP_DAC_READ_SEARCH 2 /* read any file, search any directory */
#define CAP_FOWNER	    3 /* act as the owner (chmod, sticky directories) */
#define CAP_FSETID	    4 /* keep S_ISGID on chmod outside one's groups */
#define CAP_KILL	    5 /* send a signal to anyone */
#define CAP_SETGID	    6 /* setgid, setregid, setresgid, setgroups to anything */
#define CAP_SETUID	    7 /* setuid, setreuid, setresuid to anything */

/* The supplementary groups, sorted (groups_search bisects). Shared, never changed. */
struct group_info {
	int usage;   /* creds pointing to it */
	int ngroups; /* entries in gid[] */
	gid_t gid[]; /* ascending */
};

struct cred {
	int usage;		       /* tasks and references holding it */
	uid_t uid, euid, suid, fsuid;  /* real, effective, saved, file-system user id */
	gid_t gid, egid, sgid, fsgid;  /* the same four group ids */
	struct group_info *group_info; /* supplementary groups */
};

/* No supplementary groups (init_cred's); never freed. */
extern struct group_info init_groups;

/* The first task's: root, group root, no supplementary groups. */
extern struct cred init_cred;

/* current_cred - the running task's credentials (init_cred at boot, before any task). */
const struct cred *current_cred(void);

/* get_cred / put_cred - one reference more or less; the last put frees it. */
const struct cred *get_cred(const struct cred *cred);
void put_cred(const struct cred *cred);

/* prepare_creds - a private copy of the caller's cred to edit, or NULL
 * (no memory); commit_creds installs it (taking the caller's reference),
 * abort_creds throws it away. */
struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);

/* override_creds - run the caller with @new until revert_creds(old)
 * (access() checks with the real ids this way); returns the old cred. */
const struct cred *override_creds(const struct cred *new);
void revert_creds(const struct cred *old);

struct task_struct;

/* copy_creds - fork/clone: the child @p shares the caller's cred. */
void copy_creds(struct task_struct *p, unsigned long clone_flags);

/* exit_creds - the task @p is freed: drop its cred. */
void exit_creds(struct task_struct *p);

/* groups_alloc - room for @ngroups groups (usage 1), or NULL. */
struct group_info *groups_alloc(int ngroups);
void put_group_info(struct group_info *group_info);

/* groups_search - is @gid among @group_info's groups? */
bool groups_search(const struct group_info *group_info, gid_t gid);

/* in_group_p - is @gid the caller's fsgid or a supplementary group? */
bool in_group_p(gid_t gid);

/* in_egroup_p - the same with the effective gid. */
bool in_egroup_p(gid_t gid);

/*
 * capable - may the caller use capability @cap? See the top of this file:
 * file-system capabilities go with fsuid 0, the rest with euid 0.
 */
bool capable(int cap);

#endif /* PAGODA_CRED_H */
