/*
 * user/id.c - print the caller's user and group ids with their names, as
 * coreutils' id does:
 *
 *	uid=0(root) gid=0(root) groups=0(root)
 *
 * euid= and egid= appear only when they differ from the real ids. The
 * groups are the effective gid first, then the supplementary groups
 * (getgroups) without repeats. Names come from /etc/passwd and
 * /etc/group; an id without one is printed as a bare number. No options.
 */
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* print_user - " uid=0(root)" style: @label, the id, its name if it has one. */
static void
print_user(const char *label, uid_t uid)
{
	struct passwd *pw = getpwuid(uid);

	printf("%s=%u", label, uid);
	if (pw)
		printf("(%s)", pw->pw_name);
}

/* print_group - the same for a group id. */
static void
print_group(const char *label, gid_t gid)
{
	struct group *gr = getgrgid(gid);

	if (label)
		printf("%s=", label);
	printf("%u", gid);
	if (gr)
		printf("(%s)", gr->gr_name);
}

/* print_groups - " groups=" and the effective gid, then the others once each. */
static int
print_groups(gid_t egid)
{
	int n = getgroups(0, NULL);
	gid_t *list = malloc((n > 0 ? n : 1) * sizeof(gid_t));

	if (n < 0 || !list || getgroups(n, list) < 0) {
		perror("id: cannot get groups");
		return 1;
	}
	print_group(" groups", egid);
	for (int i = 0; i < n; i++) {
		if (list[i] == egid || (i > 0 && list[i] == list[i - 1]))
			continue;
		putchar(',');
		print_group(NULL, list[i]);
	}
	free(list);
	return 0;
}

int
main(int argc, char **argv)
{
	uid_t uid = getuid(), euid = geteuid();
	gid_t gid = getgid(), egid = getegid();
	int ret;

	if (argc > 1) {
		fprintf(stderr, "usage: id\n");
		return 1;
	}
	print_user("uid", uid);
	print_group(" gid", gid);
	if (euid != uid)
		print_user(" euid", euid);
	if (egid != gid)
		print_group(" egid", egid);
	ret = print_groups(egid);
	putchar('\n');
	return ret;
}
