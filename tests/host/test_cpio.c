/*
 * tests/host/test_cpio.c - unpacking the initramfs (kernel/fs/initramfs.c).
 *
 * Archives are built in memory in the newc format `cpio -H newc` writes;
 * the malformed ones are cut or corrupted copies of a good one. A bad
 * archive must give -EINVAL and an empty root, never a crash
 * (AddressSanitizer watches every read).
 */
#include <string.h>

#include <pagoda/mm.h>
#include <pagoda/pagemap.h>

#include <uapi/errno.h>

#include "../../kernel/fs/internal.h"
#include "host_fs.h"
#include "host_test.h"

static struct cpio_buf *
good_archive(void)
{
	struct cpio_buf *a = test_calloc(1, sizeof(*a));

	cpio_add(a, ".", S_IFDIR | 0755, "", 0);
	cpio_add(a, "./etc", S_IFDIR | 0755, "", 0);
	cpio_add(a, "./etc/motd", S_IFREG | 0644, "Welcome to Pagoda.\n", 19);
	cpio_add(a, "bin/sh", S_IFREG | 0755,
		 "\x7f"
		 "ELF",
		 4); /* bin/ is implied */
	cpio_add(a, "bin/ash", S_IFLNK | 0777, "sh", 2);
	cpio_add(a, "empty", S_IFREG | 0644, "", 0);
	cpio_add(a, "dev/console", S_IFCHR | 0600, "", 0); /* skipped */
	cpio_trailer(a);
	return a;
}

static void
test_unpack_tree(void **state)
{
	struct cpio_buf *a = good_archive();
	struct inode *etc, *motd, *bin, *sh, *ash;

	assert_int_equal(initramfs_unpack(a->data, a->len), 0);
	assert_non_null(root_inode);
	assert_true(S_ISDIR(root_inode->i_mode));
	assert_string_equal(root_inode->i_path, "/");
	assert_ptr_equal(root_inode->i_parent, root_inode);

	etc = find_child(root_inode, "etc", 3);
	assert_non_null(etc);
	motd = find_child(etc, "motd", 4);
	assert_non_null(motd);
	assert_string_equal(motd->i_path, "/etc/motd");
	assert_string_equal(motd->i_name, "motd");
	assert_int_equal(motd->i_size, 19);
	/* The file's bytes are in its page cache, the rest of the page zero. */
	assert_int_equal(motd->i_mapping->nrpages, 1);
	struct page *page = find_get_page(motd->i_mapping, 0);

	assert_non_null(page);
	assert_ptr_equal(page->mapping, motd->i_mapping);
	assert_memory_equal(page_address(page), "Welcome to Pagoda.\n", 20);
	put_page(page);

	bin = find_child(root_inode, "bin", 3);
	assert_non_null(bin);
	assert_true(S_ISDIR(bin->i_mode));
	sh = find_child(bin, "sh", 2);
	assert_int_equal(sh->i_mode, S_IFREG | 0755);
	ash = find_child(bin, "ash", 3);
	assert_true(S_ISLNK(ash->i_mode));
	/* No copy: a link's target is the archive's bytes. */
	assert_true(ash->i_link > a->data && ash->i_link < a->data + a->len);
	assert_memory_equal(ash->i_link, "sh", 2);
	assert_null(find_child(root_inode, "dev", 3));
	/* Link counts as stat shows them: 2 + subdirectories. */
	assert_int_equal(root_inode->i_nlink, 4);
	assert_int_equal(etc->i_nlink, 2);
	assert_int_equal(motd->i_nlink, 1);
	initramfs_free();
	test_free(a);
}

/* Archive order is kept, so a listing shows files as cpio stored them. */
static void
test_unpack_order_and_inodes(void **state)
{
	struct cpio_buf *a = good_archive();
	const char *names[] = { "etc", "bin", "empty" };
	struct inode *c;
	size_t i = 0;

	assert_int_equal(initramfs_unpack(a->data, a->len), 0);
	for (c = root_inode->i_child; c; c = c->i_sibling, i++) {
		assert_true(i < 3);
		assert_string_equal(c->i_name, names[i]);
		assert_true(c->i_ino > root_inode->i_ino);
	}
	assert_int_equal(i, 3);
	initramfs_free();
	test_free(a);
}

/* expect_einval - @len bytes of @data are rejected and leave an empty root. */
static void
expect_einval(const char *data, size_t len)
{
	assert_int_equal(initramfs_unpack(data, len), -EINVAL);
	assert_non_null(root_inode);
	assert_null(root_inode->i_child);
	initramfs_free();
}

static void
test_truncated(void **state)
{
	struct cpio_buf *a = good_archive();

	expect_einval(a->data, 0);
	/* Every cut before the trailer's header ends is an error. */
	for (size_t cut = 1; cut < a->len - 12; cut += 3) {
		char *copy = test_malloc(cut); /* exact size: ASan catches overreads */

		memcpy(copy, a->data, cut);
		expect_einval(copy, cut);
		test_free(copy);
	}
	test_free(a);
}

/* A header field is damaged: each must be caught. */
static void
test_corrupt_headers(void **state)
{
	struct cpio_buf *a = good_archive();
	struct cpio_buf *b = test_malloc(sizeof(*b));

	*b = *a;
	memcpy(b->data, "070707", 6); /* the old binary-ish "odc" magic */
	expect_einval(b->data, b->len);

	*b = *a;
	b->data[6 + 8 * 6 + 3] = 'g'; /* not a hex digit in filesize */
	expect_einval(b->data, b->len);

	*b = *a;
	memcpy(b->data + 6 + 8 * 11, "00000000", 8); /* namesize 0 */
	expect_einval(b->data, b->len);

	*b = *a;
	memcpy(b->data + 6 + 8 * 11, "00000001", 8); /* name not NUL-terminated */
	expect_einval(b->data, b->len);

	*b = *a;
	memcpy(b->data + 6 + 8 * 6, "7FFFFFFF", 8); /* filesize beyond the end */
	expect_einval(b->data, b->len);

	*b = *a;
	memcpy(b->data + 6 + 8 * 11, "FFFFFFFF", 8); /* namesize beyond the end */
	expect_einval(b->data, b->len);
	test_free(a);
	test_free(b);
}

static void
test_bad_names(void **state)
{
	struct cpio_buf *a = test_calloc(1, sizeof(*a));

	cpio_add(a, "../escape", S_IFREG | 0644, "x", 1);
	cpio_trailer(a);
	expect_einval(a->data, a->len);

	/* A file used as a directory. */
	a->len = 0;
	cpio_add(a, "f", S_IFREG | 0644, "x", 1);
	cpio_add(a, "f/g", S_IFREG | 0644, "y", 1);
	cpio_trailer(a);
	expect_einval(a->data, a->len);

	/* A symlink with an empty target. */
	a->len = 0;
	cpio_add(a, "l", S_IFLNK | 0777, "", 0);
	cpio_trailer(a);
	expect_einval(a->data, a->len);
	test_free(a);
}

/* Bytes after the trailer (GRUB rounds modules up) are ignored. */
static void
test_after_trailer(void **state)
{
	struct cpio_buf *a = good_archive();

	memset(a->data + a->len, 0, 512);
	assert_int_equal(initramfs_unpack(a->data, a->len + 512), 0);
	assert_non_null(find_child(root_inode, "etc", 3));
	initramfs_free();
	test_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_unpack_tree), cmocka_unit_test(test_unpack_order_and_inodes),
		cmocka_unit_test(test_truncated),   cmocka_unit_test(test_corrupt_headers),
		cmocka_unit_test(test_bad_names),   cmocka_unit_test(test_after_trailer),
	};

	host_ram_up();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
