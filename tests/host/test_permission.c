/*
 * tests/host/test_permission.c - who may do what to an inode
 * (kernel/fs/permission.c, kernel/fs/attr.c) and the credentials behind
 * it (kernel/proc/cred.c, groups.c, uid.c), checked against Linux's
 * rules: the owner/group/other class, root's overrides, the sticky
 * directory, chmod's and chown's EPERM and set-id clearing, access()
 * with the real ids, sorted supplementary groups.
 *
 * The initramfs tree is read-only, so each test adds a writable
 * directory /w with inodes of chosen owners and modes, and runs as a
 * chosen user by pointing the current task at a cred of its own.
 */
#include <string.h>

#include <pagoda/cred.h>

#include "host_fs.h"

long __x64_sys_setgroups(const struct pt_regs *regs);
long __x64_sys_getgroups(const struct pt_regs *regs);
long __x64_sys_setresuid(const struct pt_regs *regs);
long __x64_sys_setuid(const struct pt_regs *regs);
long __x64_sys_setfsuid(const struct pt_regs *regs);

/* One supplementary group, 100; its usage never reaches 0 (static). */
static struct {
	struct group_info gi;
	gid_t gid[1];
} group100 = { { .usage = 1000, .ngroups = 1 }, { 100 } };

static struct cred user_cred; /* what the current task runs as */
static struct inode *w;	      /* /w: a writable directory */

/* run_as - make the current task @uid/@gid (all four ids), in group 100 if @in100. */
static void
run_as(uid_t uid, gid_t gid, bool in100)
{
	memset(&user_cred, 0, sizeof(user_cred));
	user_cred.usage = 1000;
	user_cred.uid = user_cred.euid = user_cred.suid = user_cred.fsuid = uid;
	user_cred.gid = user_cred.egid = user_cred.sgid = user_cred.fsgid = gid;
	user_cred.group_info = in100 ? &group100.gi : &init_groups;
	host_task.cred = &user_cred;
}

/* add - a writable inode @name in @dir: @mode, owner @uid, group @gid. */
static struct inode *
add(struct inode *dir, const char *name, umode_t mode, uid_t uid, gid_t gid)
{
	struct inode *inode = new_inode(dir, name, strlen(name), mode);

	assert_non_null(inode);
	inode->i_flags &= ~S_RDONLY;
	inode->i_sb = root_inode->i_sb; /* the tmpfs root's file system */
	inode->i_uid = uid;
	inode->i_gid = gid;
	return inode;
}

/* read_only - @inode as on a file system mounted read-only. */
static struct inode *
read_only(struct inode *inode)
{
	inode->i_flags |= S_RDONLY;
	return inode;
}

static int
setup(void **state)
{
	struct cpio_buf *a = test_tree();

	fs_world_up(a->data, a->len);
	w = add(root_inode, "w", S_IFDIR | 01777, 0, 0);
	return 0;
}

static int
teardown(void **state)
{
	if (host_task.cred != &user_cred && host_task.cred)
		put_cred(host_task.cred); /* one the calls committed */
	host_task.cred = NULL;
	fs_world_down();
	return 0;
}

static void
test_classes(void **state)
{
	struct inode *f = add(w, "f", S_IFREG | 0077, 1000, 100);

	run_as(1000, 5, false); /* the owner: only the owner bits count */
	assert_int_equal(inode_permission(f, MAY_READ), -EACCES);
	run_as(2000, 100, false); /* the group */
	assert_int_equal(inode_permission(f, MAY_READ | MAY_WRITE | MAY_EXEC), 0);
	run_as(2000, 5, true); /* the group, as a supplementary group */
	assert_int_equal(inode_permission(f, MAY_READ), 0);
	run_as(2000, 5, false); /* everyone else */
	assert_int_equal(inode_permission(f, MAY_WRITE), 0);
	f->i_mode = S_IFREG | 0770;
	assert_int_equal(inode_permission(f, MAY_READ), -EACCES);
}

static void
test_root_overrides(void **state)
{
	struct inode *none = add(w, "none", S_IFREG | 0000, 1000, 100);
	struct inode *rw = add(w, "rw", S_IFREG | 0644, 1000, 100);
	struct inode *ux = add(w, "ux", S_IFREG | 0700, 1000, 100);
	struct inode *dir = add(w, "dir", S_IFDIR | 0000, 1000, 100);

	run_as(0, 0, false);
	assert_int_equal(inode_permission(none, MAY_READ | MAY_WRITE), 0);
	assert_int_equal(inode_permission(rw, MAY_EXEC), -EACCES); /* no x bit at all */
	assert_int_equal(inode_permission(ux, MAY_EXEC), 0);	   /* one is enough */
	assert_int_equal(inode_permission(dir, MAY_EXEC | MAY_READ | MAY_WRITE), 0);
	user_cred.fsuid = 1000 + 1; /* setfsuid: root's file capabilities are gone */
	assert_int_equal(inode_permission(none, MAY_READ), -EACCES);
	/* An inode of a read-only file system (S_RDONLY) is EROFS for
	 * writing, even for root. */
	run_as(0, 0, false);
	assert_int_equal(inode_permission(read_only(add(w, "ro", S_IFREG | 0666, 0, 0)), MAY_WRITE),
			 -EROFS);
}

static void
test_search_permission(void **state)
{
	struct inode *dir = add(w, "private", S_IFDIR | 0700, 1000, 100), *found;

	add(dir, "x", S_IFREG | 0644, 1000, 100);
	run_as(2000, 100, false);
	assert_int_equal(path_lookupat(NULL, "/w/private/x", 0, &found), -EACCES);
	assert_int_equal(path_lookupat(NULL, "/w/private", 0, &found), 0);
	assert_int_equal(path_lookupat(NULL, "/w/private/..", 0, &found), -EACCES);
	run_as(1000, 100, false);
	assert_int_equal(path_lookupat(NULL, "/w/private/x", 0, &found), 0);
}

static void
test_sticky_delete(void **state)
{
	struct inode *plain = add(w, "plain", S_IFDIR | 0777, 0, 0);
	struct inode *v = add(w, "v", S_IFREG | 0644, 1000, 100);
	struct inode *pv = add(plain, "pv", S_IFREG | 0644, 1000, 100);
	struct inode *sub = add(w, "sub", S_IFDIR | 0755, 1000, 100);

	run_as(2000, 100, false);
	assert_int_equal(may_delete(w, v, false), -EPERM);    /* sticky, not the owner */
	assert_int_equal(may_delete(plain, pv, false), 0);    /* not sticky: write is enough */
	assert_int_equal(may_delete(sub, v, false), -EACCES); /* no write permission */
	run_as(1000, 100, false);
	assert_int_equal(may_delete(w, v, false), 0);
	assert_int_equal(may_delete(w, v, true), -ENOTDIR);
	assert_int_equal(may_delete(w, sub, false), -EISDIR);
	run_as(0, 0, false);
	assert_int_equal(may_delete(w, v, false), 0);
	assert_int_equal(may_create(read_only(add(w, "rodir", S_IFDIR | 0777, 0, 0))), -EROFS);
	assert_int_equal(may_create(w), 0);
}

static void
test_chmod(void **state)
{
	struct inode *f = add(w, "cm", S_IFREG | 0644, 1000, 100);

	run_as(2000, 100, false);
	assert_int_equal(chmod_common(f, 0777), -EPERM); /* not the owner */
	run_as(1000, 5, false);				 /* the owner, not in group 100 */
	assert_int_equal(chmod_common(f, 02755), 0);
	assert_int_equal(f->i_mode, S_IFREG | 0755); /* S_ISGID dropped */
	run_as(1000, 5, true);			     /* in group 100 now */
	assert_int_equal(chmod_common(f, 0172755), 0);
	assert_int_equal(f->i_mode, S_IFREG | 02755); /* the type bits stay */
	run_as(0, 0, false);
	assert_int_equal(chmod_common(f, 06700), 0);
	assert_int_equal(f->i_mode, S_IFREG | 06700);
	assert_int_equal(chmod_common(read_only(add(w, "rof", S_IFREG | 0644, 0, 0)), 0755),
			 -EROFS);
}

static void
test_chown(void **state)
{
	struct inode *f = add(w, "co", S_IFREG | 0644, 1000, 100);
	struct inode *d = add(w, "cd", S_IFDIR | 06755, 1000, 100);

	run_as(1000, 5, true);
	assert_int_equal(chown_common(f, 2000, INVALID_GID), -EPERM); /* giving it away */
	assert_int_equal(chown_common(f, 1000, INVALID_GID), 0);      /* to itself */
	assert_int_equal(chown_common(f, INVALID_UID, 7), -EPERM);    /* not a member of 7 */
	assert_int_equal(chown_common(f, INVALID_UID, 5), 0);	      /* a member of 5 */
	assert_int_equal(f->i_gid, 5);
	run_as(3000, 3000, false);
	assert_int_equal(chown_common(f, INVALID_UID, INVALID_GID), 0); /* no change: allowed */
	assert_int_equal(chown_common(f, INVALID_UID, 3000), -EPERM);
	run_as(0, 0, false);
	f->i_mode = S_IFREG | 06755;
	assert_int_equal(chown_common(f, 0, 0), 0);
	assert_int_equal(f->i_mode, S_IFREG | 0755); /* a set-id program loses both bits */
	f->i_mode = S_IFREG | 02745;
	assert_int_equal(chown_common(f, 0, 0), 0);
	assert_int_equal(f->i_mode, S_IFREG | 02745); /* no group x: S_ISGID stays for root */
	assert_int_equal(chown_common(d, 0, 0), 0);
	assert_int_equal(d->i_mode, S_IFDIR | 06755); /* directories keep them */
	assert_int_equal(d->i_uid, 0);
}

static void
test_init_owner(void **state)
{
	struct inode *sgid = add(w, "sg", S_IFDIR | 02775, 0, 100);
	struct inode *a = add(sgid, "a", S_IFREG, 0, 0), *b = add(sgid, "b", S_IFDIR, 0, 0);

	run_as(1000, 5, false);
	inode_init_owner(a, sgid, S_IFREG | 02755);
	assert_int_equal(a->i_uid, 1000);
	assert_int_equal(a->i_gid, 100);	     /* the directory's group */
	assert_int_equal(a->i_mode, S_IFREG | 0755); /* not in 100: no S_ISGID */
	inode_init_owner(b, sgid, S_IFDIR | 0755);
	assert_int_equal(b->i_mode, S_IFDIR | 02755); /* a directory inherits it */
	inode_init_owner(a, w, S_IFREG | 0644);
	assert_int_equal(a->i_gid, 5);
}

static void
test_access_real_ids(void **state)
{
	add(w, "secret", S_IFREG | 0600, 0, 0);
	run_as(0, 0, false);
	user_cred.uid = 1000; /* real uid 1000, effective root: setuid-root program */
	assert_int_equal(sys_call(access, "/w/secret", R_OK), -EACCES);
	assert_int_equal(sys_call(faccessat2, AT_FDCWD, "/w/secret", R_OK, AT_EACCESS), 0);
	assert_int_equal(sys_call(faccessat2, AT_FDCWD, "/w/secret", R_OK, 1), -EINVAL);
	assert_ptr_equal(host_task.cred, &user_cred); /* the override is gone */
	assert_int_equal(user_cred.usage, 1000);
	assert_int_equal(sys_call(access, "/etc/motd", W_OK), -EACCES); /* root's 0644 */
}

static void
test_setgroups_sorted(void **state)
{
	gid_t list[5] = { 9, 3, 7, 3, 1 }, out[5];

	run_as(0, 0, false);
	assert_int_equal(sys_call(setgroups, 5, list), 0);
	assert_int_equal(sys_call(getgroups, 5, out), 5);
	assert_int_equal(out[0], 1);
	assert_int_equal(out[1], 3);
	assert_int_equal(out[2], 3);
	assert_int_equal(out[3], 7);
	assert_int_equal(out[4], 9);
	assert_true(in_group_p(7));
	assert_false(in_group_p(8));
	assert_int_equal(sys_call(getgroups, 4, out), -EINVAL);
	assert_int_equal(sys_call(setgroups, NGROUPS_MAX + 1, list), -EINVAL);
}

static void
test_setuid_drops(void **state)
{
	run_as(0, 0, false);
	assert_int_equal(sys_call(setresuid, 1000, 1001, 0), 0);
	assert_int_equal(current_cred()->fsuid, 1001);
	assert_int_equal(sys_call(setfsuid, 0), 1001); /* the saved uid is 0: allowed */
	assert_int_equal(current_cred()->fsuid, 0);
	assert_int_equal(sys_call(setuid, 0), 0); /* unprivileged, but 0 is the saved uid */
	assert_int_equal(current_cred()->euid, 0);
	assert_int_equal(current_cred()->uid, 1000);
	assert_int_equal(sys_call(setuid, 65534), 0); /* euid 0 again: all of them */
	assert_int_equal(current_cred()->suid, 65534);
	assert_int_equal(sys_call(setuid, 0), -EPERM);
	assert_int_equal(sys_call(setgroups, 0, NULL), -EPERM);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_classes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_root_overrides, setup, teardown),
		cmocka_unit_test_setup_teardown(test_search_permission, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sticky_delete, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chmod, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_init_owner, setup, teardown),
		cmocka_unit_test_setup_teardown(test_access_real_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_setgroups_sorted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_setuid_drops, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
