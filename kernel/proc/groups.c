/*
 * kernel/proc/groups.c - supplementary groups: getgroups, setgroups, and
 * the membership test permission checks make.
 *
 * A process belongs to its fsgid's group and to up to NGROUPS_MAX
 * supplementary groups (a group_info shared by the creds that have the
 * same list). setgroups replaces the list: only with CAP_SETGID (euid 0
 * here), as a login program does before it drops to a user. The list is
 * kept sorted so that in_group_p, asked on every permission check, is a
 * binary search.
 *
 * Counterpart: Linux kernel/groups.c.
 */
#include <pagoda/cred.h>
#include <pagoda/kernel.h>
#include <pagoda/slab.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>

/* groups_alloc - see include/pagoda/cred.h. @ngroups is at most NGROUPS_MAX. */
struct group_info *
groups_alloc(int ngroups)
{
	struct group_info *gi = kmalloc(sizeof(*gi) + ngroups * sizeof(gid_t), GFP_KERNEL);

	if (!gi)
		return NULL;
	gi->usage = 1;
	gi->ngroups = ngroups;
	return gi;
}

/* put_group_info - drop a reference to @group_info; the last frees it. */
void
put_group_info(struct group_info *group_info)
{
	if (--group_info->usage == 0 && group_info != &init_groups)
		kfree(group_info);
}

/* groups_search - see include/pagoda/cred.h: a binary search of the sorted list. */
bool
groups_search(const struct group_info *group_info, gid_t gid)
{
	int left = 0, right = group_info->ngroups;

	while (left < right) {
		int mid = left + (right - left) / 2;

		if (gid > group_info->gid[mid])
			left = mid + 1;
		else if (gid < group_info->gid[mid])
			right = mid;
		else
			return true;
	}
	return false;
}

/* in_group_p - see include/pagoda/cred.h. */
bool
in_group_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->fsgid || groups_search(cred->group_info, gid);
}

/* in_egroup_p - see include/pagoda/cred.h. */
bool
in_egroup_p(gid_t gid)
{
	const struct cred *cred = current_cred();

	return gid == cred->egid || groups_search(cred->group_info, gid);
}

static void
swap_gid(gid_t *a, gid_t *b)
{
	gid_t t = *a;

	*a = *b;
	*b = t;
}

/* sift_down - restore the max-heap below @root in @gid[0..@n). */
static void
sift_down(gid_t *gid, int root, int n)
{
	for (int child; (child = 2 * root + 1) < n; root = child) {
		if (child + 1 < n && gid[child + 1] > gid[child])
			child++;
		if (gid[root] >= gid[child])
			return;
		swap_gid(&gid[root], &gid[child]);
	}
}

/* groups_sort - sort @group_info's ids ascending: a heapsort, in place and
 * O(n log n) for 65536 groups, as Linux's lib/sort.c. */
static void
groups_sort(struct group_info *group_info)
{
	gid_t *gid = group_info->gid;
	int n = group_info->ngroups;

	for (int i = n / 2 - 1; i >= 0; i--)
		sift_down(gid, i, n);
	for (int end = n - 1; end > 0; end--) {
		swap_gid(&gid[0], &gid[end]);
		sift_down(gid, 0, end);
	}
}

/* set_current_groups - give the caller the groups @group_info (a reference
 * is taken): 0 or -ENOMEM. */
static int
set_current_groups(struct group_info *group_info)
{
	struct cred *new = prepare_creds();

	if (!new)
		return -ENOMEM;
	put_group_info(new->group_info);
	group_info->usage++;
	new->group_info = group_info;
	return commit_creds(new);
}

/*
 * getgroups - copy the caller's supplementary groups to @grouplist, which
 * has room for @gidsetsize; 0 asks only how many there are. The count, or
 * -EINVAL (a negative size, or too small for the list), -EFAULT.
 */
SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;

	if (gidsetsize < 0)
		return -EINVAL;
	if (gidsetsize == 0)
		return gi->ngroups;
	if (gi->ngroups > gidsetsize)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, gi->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return gi->ngroups;
}

/*
 * setgroups - make the @gidsetsize ids at @grouplist the caller's
 * supplementary groups. Linux's checks in its order: -EPERM without
 * CAP_SETGID, -EINVAL for more than NGROUPS_MAX (or a negative size),
 * -ENOMEM, -EFAULT, -EINVAL for the id -1.
 */
SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	long err;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = groups_alloc(gidsetsize);
	if (!gi)
		return -ENOMEM;
	err = copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t)) ? -EFAULT : 0;
	for (int i = 0; !err && i < gidsetsize; i++)
		if (gi->gid[i] == INVALID_GID)
			err = -EINVAL;
	if (!err) {
		groups_sort(gi);
		err = set_current_groups(gi);
	}
	put_group_info(gi);
	return err;
}
