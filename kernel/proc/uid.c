/*
 * kernel/proc/uid.c - the user and group id calls: getuid ... getresgid,
 * setuid, setreuid, setresuid, setfsuid and their gid twins.
 *
 * Each setter follows Linux's rules, in Linux's order (credentials(7),
 * setresuid(2)): an id of -1 is "unchanged" where the call allows it and
 * -EINVAL where it does not; a privileged caller (CAP_SETUID, that is euid
 * 0; CAP_SETGID for the gid calls) may set any id, an unprivileged one
 * only ids it already holds as real, effective or saved id (-EPERM
 * otherwise). The fs id follows the effective id on every change except
 * setfsuid's own. The change is made on a copy of the caller's cred and
 * committed (kernel/proc/cred.c), and applies to the calling thread only:
 * glibc and musl call it in every thread of the process.
 *
 * Linux also checks RLIMIT_NPROC of the new user on a change of real uid
 * (set_user); Pagoda counts processes for everyone together
 * (kernel/proc/fork.c), so it does not.
 *
 * Counterpart: Linux kernel/sys.c (__sys_setuid, __sys_setreuid,
 * __sys_setresuid, __sys_setfsuid, ...).
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

SYSCALL_DEFINE0(getuid)
{
	return current_cred()->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current_cred()->euid;
}

SYSCALL_DEFINE0(getgid)
{
	return current_cred()->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current_cred()->egid;
}

/*
 * setuid - privileged: set the real, effective, saved and fs uid to @uid.
 * Unprivileged: set the effective and fs uid, if @uid is the real or
 * saved uid. -EINVAL for -1, -EPERM, -ENOMEM.
 */
SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (uid == INVALID_UID)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETUID)) {
		new->uid = new->suid = uid;
	} else if (uid != old->uid && uid != old->suid) {
		abort_creds(new);
		return -EPERM;
	}
	new->euid = new->fsuid = uid;
	return commit_creds(new);
}

/* setgid - setuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (gid == INVALID_GID)
		return -EINVAL;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (capable(CAP_SETGID)) {
		new->gid = new->sgid = gid;
	} else if (gid != old->gid && gid != old->sgid) {
		abort_creds(new);
		return -EPERM;
	}
	new->egid = new->fsgid = gid;
	return commit_creds(new);
}

/*
 * setreuid - set the real uid to @ruid (unprivileged: to the real or
 * effective uid) and the effective uid to @euid (unprivileged: the real,
 * effective or saved uid); -1 leaves one as it is. If the real uid is set,
 * or the effective uid is set to something other than the old real uid,
 * the saved uid becomes the new effective uid.
 */
SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	const struct cred *old = current_cred();
	bool priv = capable(CAP_SETUID);
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID) {
		new->uid = ruid;
		if (ruid != old->uid && ruid != old->euid && !priv)
			goto out_eperm;
	}
	if (euid != INVALID_UID) {
		new->euid = euid;
		if (euid != old->uid && euid != old->euid && euid != old->suid && !priv)
			goto out_eperm;
	}
	if (ruid != INVALID_UID || (euid != INVALID_UID && euid != old->uid))
		new->suid = new->euid;
	new->fsuid = new->euid;
	return commit_creds(new);

out_eperm:
	abort_creds(new);
	return -EPERM;
}

/* setregid - setreuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	const struct cred *old = current_cred();
	bool priv = capable(CAP_SETGID);
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID) {
		new->gid = rgid;
		if (rgid != old->gid && rgid != old->egid && !priv)
			goto out_eperm;
	}
	if (egid != INVALID_GID) {
		new->egid = egid;
		if (egid != old->gid && egid != old->egid && egid != old->sgid && !priv)
			goto out_eperm;
	}
	if (rgid != INVALID_GID || (egid != INVALID_GID && egid != old->gid))
		new->sgid = new->egid;
	new->fsgid = new->egid;
	return commit_creds(new);

out_eperm:
	abort_creds(new);
	return -EPERM;
}

/* new_id - is @id (not -1) none of @a, @b, @c: a new id to acquire? */
static bool
new_id(unsigned int id, unsigned int a, unsigned int b, unsigned int c)
{
	return id != (unsigned int)-1 && id != a && id != b && id != c;
}

/*
 * setresuid - set the real, effective and saved uid (-1: unchanged); the
 * fs uid follows the effective one. Unprivileged, each must be one of the
 * current real, effective or saved uids (-EPERM). A call that changes
 * nothing returns 0 at once, as Linux's.
 */
SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((ruid == INVALID_UID || ruid == old->uid) &&
	    (euid == INVALID_UID || (euid == old->euid && euid == old->fsuid)) &&
	    (suid == INVALID_UID || suid == old->suid))
		return 0;
	if ((new_id(ruid, old->uid, old->euid, old->suid) ||
	     new_id(euid, old->uid, old->euid, old->suid) ||
	     new_id(suid, old->uid, old->euid, old->suid)) &&
	    !capable(CAP_SETUID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != INVALID_UID)
		new->uid = ruid;
	if (euid != INVALID_UID)
		new->euid = euid;
	if (suid != INVALID_UID)
		new->suid = suid;
	new->fsuid = new->euid;
	return commit_creds(new);
}

/* setresgid - setresuid's rules for the group ids, with CAP_SETGID. */
SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if ((rgid == INVALID_GID || rgid == old->gid) &&
	    (egid == INVALID_GID || (egid == old->egid && egid == old->fsgid)) &&
	    (sgid == INVALID_GID || sgid == old->sgid))
		return 0;
	if ((new_id(rgid, old->gid, old->egid, old->sgid) ||
	     new_id(egid, old->gid, old->egid, old->sgid) ||
	     new_id(sgid, old->gid, old->egid, old->sgid)) &&
	    !capable(CAP_SETGID))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != INVALID_GID)
		new->gid = rgid;
	if (egid != INVALID_GID)
		new->egid = egid;
	if (sgid != INVALID_GID)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

/* put_three - store @a, @b, @c at user @pa, @pb, @pc in that order: 0 or
 * -EFAULT at the first that fails (the ones before it are written). */
static long
put_three(unsigned int a, unsigned int b, unsigned int c, unsigned int __user *pa,
	  unsigned int __user *pb, unsigned int __user *pc)
{
	if (put_user_u32(a, pa) || put_user_u32(b, pb) || put_user_u32(c, pc))
		return -EFAULT;
	return 0;
}

/* getresuid - the real, effective and saved uid, stored at the three pointers. */
SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp, uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	return put_three(cred->uid, cred->euid, cred->suid, ruidp, euidp, suidp);
}

/* getresgid - the real, effective and saved gid. */
SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp, gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	return put_three(cred->gid, cred->egid, cred->sgid, rgidp, egidp, sgidp);
}

/*
 * setfsuid - set the uid file permission checks use, if it is the real,
 * effective, saved or current fs uid, or the caller has CAP_SETUID.
 * Returns the old fs uid whether or not it changed (no error, ever: the
 * way to ask is setfsuid(-1), which changes nothing).
 */
SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	uid_t old_fsuid = old->fsuid;
	struct cred *new;

	if (uid == INVALID_UID || uid == old->fsuid)
		return old_fsuid;
	if (new_id(uid, old->uid, old->euid, old->suid) && !capable(CAP_SETUID))
		return old_fsuid;
	new = prepare_creds();
	if (!new)
		return old_fsuid;
	new->fsuid = uid;
	commit_creds(new);
	return old_fsuid;
}

/* setfsgid - setfsuid for the group id, with CAP_SETGID. */
SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	gid_t old_fsgid = old->fsgid;
	struct cred *new;

	if (gid == INVALID_GID || gid == old->fsgid)
		return old_fsgid;
	if (new_id(gid, old->gid, old->egid, old->sgid) && !capable(CAP_SETGID))
		return old_fsgid;
	new = prepare_creds();
	if (!new)
		return old_fsgid;
	new->fsgid = gid;
	commit_creds(new);
	return old_fsgid;
}
