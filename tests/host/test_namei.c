/*
 * tests/host/test_namei.c - path lookup (kernel/fs/namei.c), checked
 * against what Linux answers for the same paths.
 */
#include <string.h>

#include "host_fs.h"

static int
setup(void **state)
{
	struct cpio_buf *a = test_tree();

	fs_world_up(a->data, a->len);
	return 0;
}

static int
teardown(void **state)
{
	fs_world_down();
	return 0;
}

/* lookup - resolve @path from the root; its i_path, or the error as text. */
static const char *
lookup(const char *path, unsigned int flags)
{
	static char err[16];
	struct inode *inode;
	int ret = path_lookupat(NULL, path, flags, &inode);

	if (ret == 0)
		return inode->i_path;
	kernel_snprintf(err, sizeof(err), "%d", ret);
	return err;
}

static void
test_plain_paths(void **state)
{
	assert_string_equal(lookup("/", 0), "/");
	assert_string_equal(lookup("/etc/motd", 0), "/etc/motd");
	assert_string_equal(lookup("///etc//motd", 0), "/etc/motd");
	assert_string_equal(lookup("/etc/./motd", 0), "/etc/motd");
	assert_string_equal(lookup("/etc/../bin/sh", 0), "/bin/sh");
	assert_string_equal(lookup("/..", 0), "/"); /* the root's parent is itself */
	assert_string_equal(lookup("/etc/", 0), "/etc");
	assert_string_equal(lookup("etc/motd", 0), "/etc/motd"); /* from the root */
}

static void
test_errors(void **state)
{
	char *longname = test_malloc(PATH_MAX + 1);

	assert_int_equal(strcmp(lookup("/nope", 0), "-2"), 0);	       /* ENOENT */
	assert_int_equal(strcmp(lookup("/nope/x", 0), "-2"), 0);       /* ENOENT first */
	assert_int_equal(strcmp(lookup("/etc/motd/x", 0), "-20"), 0);  /* ENOTDIR */
	assert_int_equal(strcmp(lookup("/etc/motd/", 0), "-20"), 0);   /* ENOTDIR */
	assert_int_equal(strcmp(lookup("/etc/motd/..", 0), "-20"), 0); /* ENOTDIR */
	assert_int_equal(strcmp(lookup("", 0), "-2"), 0);	       /* ENOENT */
	assert_int_equal(strcmp(lookup("/etc/motd", LOOKUP_DIRECTORY), "-20"), 0);

	/* A 256-byte component, and a path of PATH_MAX bytes. */
	memset(longname, 'a', PATH_MAX);
	longname[0] = '/';
	longname[257] = '\0';
	assert_int_equal(strcmp(lookup(longname, 0), "-36"), 0); /* ENAMETOOLONG */
	longname[256] = '\0';
	assert_int_equal(strcmp(lookup(longname, 0), "-2"), 0); /* 255 is fine */
	for (int i = 2; i < PATH_MAX; i += 2)
		longname[i - 1] = '/', longname[i] = '.';
	longname[PATH_MAX] = '\0';
	assert_int_equal(strcmp(lookup(longname, 0), "-36"), 0);
	longname[PATH_MAX - 1] = '\0'; /* 4095 bytes + NUL fits */
	assert_string_equal(lookup(longname, 0), "/");
	test_free(longname);
}

static void
test_symlinks(void **state)
{
	struct inode *inode;

	assert_string_equal(lookup("/bin/ash", LOOKUP_FOLLOW), "/bin/sh");
	assert_string_equal(lookup("/bin/ash", 0), "/bin/ash"); /* lstat's view */
	assert_string_equal(lookup("/bin/abs", LOOKUP_FOLLOW), "/etc/motd");
	assert_string_equal(lookup("/etcdir/motd", 0), "/etc/motd"); /* always inside a path */
	assert_string_equal(lookup("/etcdir/", 0), "/etc");	     /* a trailing / follows */
	assert_string_equal(lookup("/bin/../up/etc", 0), "/etc");
	assert_int_equal(strcmp(lookup("/loop", LOOKUP_FOLLOW), "-40"), 0); /* ELOOP */
	assert_string_equal(lookup("/loop", 0), "/loop");
	assert_int_equal(strcmp(lookup("/dangling", LOOKUP_FOLLOW), "-2"), 0);
	assert_int_equal(path_lookupat(NULL, "/bin/ash", 0, &inode), 0);
	char buf[8];
	assert_int_equal(inode_readlink(inode, buf, sizeof(buf)), 2);
	assert_memory_equal(buf, "sh", 2);
	assert_int_equal(inode_readlink(inode, buf, 1), 1); /* cut, like readlink */
	assert_int_equal(path_lookupat(NULL, "/bin/sh", 0, &inode), 0);
	assert_int_equal(inode_readlink(inode, buf, sizeof(buf)), -EINVAL);
}

/* Relative paths start at the working directory; chdir and getcwd agree. */
static void
test_cwd(void **state)
{
	char buf[64];
	struct inode *inode;

	assert_int_equal(sys_call(chdir, "/bin"), 0);
	assert_int_equal(sys_call(getcwd, buf, sizeof(buf)), 5);
	assert_string_equal(buf, "/bin");
	assert_int_equal(path_lookupat(current_pwd(), "ash", LOOKUP_FOLLOW, &inode), 0);
	assert_string_equal(inode->i_path, "/bin/sh");
	assert_int_equal(sys_call(chdir, "../etcdir"), 0); /* follows the link */
	assert_int_equal(sys_call(getcwd, buf, sizeof(buf)), 5);
	assert_string_equal(buf, "/etc");
	assert_int_equal(sys_call(getcwd, buf, 4), -ERANGE);
	assert_int_equal(sys_call(chdir, "motd"), -ENOTDIR);
	assert_int_equal(sys_call(chdir, "nope"), -ENOENT);
	assert_int_equal(sys_call(chdir, 16), -EFAULT);
	assert_int_equal(sys_call(chdir, ""), -ENOENT);
	assert_int_equal(sys_call(getcwd, 16, sizeof(buf)), -EFAULT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_plain_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlinks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cwd, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
