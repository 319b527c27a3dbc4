/*
 * kernel/proc/cred.c - the life of a struct cred, and the group and
 * capability question permission checks ask of it.
 *
 * A cred is shared and never written once installed (include/pagoda/cred.h):
 *
 *	setuid(65534)
 *	  new = prepare_creds()       a copy of current->cred, usage 1
 *	  new->uid = ... = 65534      the system call edits the copy
 *	  commit_creds(new)           current->cred = new; the old one is put
 *
 * fork shares the parent's cred (copy_creds), free_task drops it
 * (exit_creds). access() borrows another cred for one check with
 * override_creds/revert_creds. Callers: kernel/proc/uid.c (the set*id
 * calls), kernel/proc/groups.c (setgroups), kernel/fs/permission.c (every
 * permission check asks capable), kernel/fs/open.c
 * (access with the real ids).
 *
 * Linux frees a cred after an RCU grace period, since other CPUs may read
 * it without a lock; Pagoda frees it at once (one CPU, no sleeping
 * readers). Linux also keeps two pointers per task, real_cred (what
 * others see of it) and cred (what it acts with, overridden by access());
 * Pagoda keeps one and overrides it in place.
 *
 * Counterpart: Linux kernel/cred.c, kernel/capability.c (capable).
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

/* No supplementary groups: shared by every cred that has none. */
struct group_info init_groups = { .usage = 1, .ngroups = 0 };

/* Its usage never reaches 0: init_task and the boot path hold it. */
struct cred init_cred = {
	.usage = 1,
	.group_info = &init_groups,
};

/* current_cred - see include/pagoda/cred.h. */
const struct cred *
current_cred(void)
{
	struct task_struct *task = current;

	return task && task->cred ? task->cred : &init_cred;
}

/* get_cred - one more reference to @cred; returns @cred. */
const struct cred *
get_cred(const struct cred *cred)
{
	((struct cred *)cred)->usage++;
	return cred;
}

/* put_cred - drop a reference; the last one frees @cred and its groups' reference. */
void
put_cred(const struct cred *cred)
{
	struct cred *c = (struct cred *)cred;

	if (!c || --c->usage > 0 || c == &init_cred)
		return;
	put_group_info(c->group_info);
	kfree(c);
}

/* prepare_creds - see include/pagoda/cred.h. May sleep (allocates). */
struct cred *
prepare_creds(void)
{
	const struct cred *old = current_cred();
	struct cred *new = kmalloc(sizeof(*new), GFP_KERNEL);

	if (!new)
		return NULL;
	*new = *old;
	new->usage = 1;
	new->group_info->usage++;
	return new;
}

/* commit_creds - install @new (from prepare_creds) as the caller's: 0. */
int
commit_creds(struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->cred;

	task->cred = new;
	put_cred(old);
	return 0;
}

/* abort_creds - @new (from prepare_creds) is not wanted after all. */
void
abort_creds(struct cred *new)
{
	put_cred(new);
}

/* override_creds - see include/pagoda/cred.h. The caller keeps its reference to @new. */
const struct cred *
override_creds(const struct cred *new)
{
	struct task_struct *task = current;
	const struct cred *old = task->cred;

	task->cred = get_cred(new);
	return old;
}

/* revert_creds - undo override_creds: @old is the caller's cred again. */
void
revert_creds(const struct cred *old)
{
	struct task_struct *task = current;
	const struct cred *override = task->cred;

	task->cred = old;
	put_cred(override);
}

/* copy_creds - see include/pagoda/cred.h. Linux copies the cred for a new
 * process (it may hold per-process keyrings); sharing it is the same here. */
void
copy_creds(struct task_struct *p, unsigned long clone_flags)
{
	p->cred = get_cred(current_cred());
}

/* exit_creds - see include/pagoda/cred.h. */
void
exit_creds(struct task_struct *p)
{
	put_cred(p->cred);
	p->cred = NULL;
}

/*
 * capable - see include/pagoda/cred.h. Linux answers from the effective
 * capability set, which its uid changes keep as computed here: a process
 * whose fsuid leaves 0 loses the file-system capabilities, one whose euid
 * leaves 0 loses all of them.
 */
bool
capable(int cap)
{
	const struct cred *cred = current_cred();

	switch (cap) {
	case CAP_CHOWN:
	case CAP_DAC_OVERRIDE:
	case CAP_DAC_READ_SEARCH:
	case CAP_FOWNER:
	case CAP_FSETID: return cred->fsuid == 0;
	default: return cred->euid == 0;
	}
}
