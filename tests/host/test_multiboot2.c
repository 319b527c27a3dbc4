/*
 * tests/host/test_multiboot2.c - parsing GRUB's boot information.
 *
 * Each test builds a tag list by hand, as GRUB lays it out (Multiboot2
 * spec, 3.6), and checks what multiboot2_parse() makes of it.
 */
#include <string.h>

#include <pagoda/multiboot2.h>
#include <uapi/errno.h>

#include "host_test.h"

/* A boot information buffer being built. */
struct mbi_builder {
	uint8_t buf[4096] __attribute__((aligned(8)));
	size_t len;
};

static void
mbi_begin(struct mbi_builder *b)
{
	memset(b, 0, sizeof(*b));
	b->len = sizeof(struct mb2_info_header);
}

/* Append a tag of @type with @payload; tags start 8-byte aligned. */
static void
mbi_tag(struct mbi_builder *b, uint32_t type, const void *payload, size_t len)
{
	struct mb2_tag tag = { .type = type, .size = sizeof(tag) + len };

	memcpy(b->buf + b->len, &tag, sizeof(tag));
	if (len)
		memcpy(b->buf + b->len + sizeof(tag), payload, len);
	b->len += (tag.size + 7) & ~7u;
}

static void
mbi_end(struct mbi_builder *b)
{
	mbi_tag(b, MB2_TAG_END, NULL, 0);
	((struct mb2_info_header *)b->buf)->total_size = b->len;
}

static void
test_cmdline_and_loader(void **state)
{
	struct mbi_builder b;
	static struct boot_info bi;

	mbi_begin(&b);
	mbi_tag(&b, MB2_TAG_CMDLINE, "quiet selftest", 15);
	mbi_tag(&b, MB2_TAG_BOOTLOADER, "GRUB 2.06", 10);
	mbi_tag(&b, 99, "ignored", 7); /* an unknown tag is skipped */
	mbi_end(&b);
	assert_int_equal(multiboot2_parse(b.buf, 0x10000, &bi), 0);
	assert_string_equal(bi.cmdline, "quiet selftest");
	assert_string_equal(bi.bootloader, "GRUB 2.06");
	assert_int_equal(bi.info_start, 0x10000);
	assert_int_equal(bi.info_end, 0x10000 + b.len);
}

static void
test_memory_map(void **state)
{
	struct {
		struct mb2_tag_mmap hdr_rest; /* only entry_size/version used */
		struct mb2_mmap_entry e[4];
	} m;
	struct mbi_builder b;
	static struct boot_info bi;

	memset(&m, 0, sizeof(m));
	m.hdr_rest.entry_size = sizeof(struct mb2_mmap_entry);
	m.e[0] = (struct mb2_mmap_entry){ 0, 0x9fc00, MB2_MEMORY_AVAILABLE, 0 };
	m.e[1] = (struct mb2_mmap_entry){ 0x100000, 0, MB2_MEMORY_AVAILABLE, 0 }; /* empty */
	m.e[2] = (struct mb2_mmap_entry){ 0x100000, 0x7ee0000, MB2_MEMORY_AVAILABLE, 0 };
	m.e[3] = (struct mb2_mmap_entry){ 0x100000000ULL, 0x40000000, MB2_MEMORY_AVAILABLE, 0 };
	mbi_begin(&b);
	/* The payload starts after the generic tag header. */
	mbi_tag(&b, MB2_TAG_MMAP, (uint8_t *)&m + sizeof(struct mb2_tag),
		sizeof(m) - sizeof(struct mb2_tag));
	mbi_end(&b);
	assert_int_equal(multiboot2_parse(b.buf, 0, &bi), 0);
	assert_int_equal(bi.nr_mem_ranges, 3);
	assert_int_equal(bi.mem[0].end, 0x9fc00);
	assert_int_equal(bi.mem[1].start, 0x100000);
	assert_int_equal(bi.mem[2].start, 0x100000000ULL); /* above 4 GiB */
	assert_int_equal(bi.mem[2].end, 0x140000000ULL);
	assert_string_equal(multiboot2_mem_type_name(bi.mem[2].type), "usable");
}

static void
test_modules(void **state)
{
	struct {
		uint32_t start, end;
		char name[12];
	} mod = { 0x200000, 0x201000, "initramfs" };
	struct mbi_builder b;
	static struct boot_info bi;

	mbi_begin(&b);
	mbi_tag(&b, MB2_TAG_MODULE, &mod, sizeof(mod));
	mbi_end(&b);
	assert_int_equal(multiboot2_parse(b.buf, 0, &bi), 0);
	assert_int_equal(bi.nr_modules, 1);
	assert_int_equal(bi.modules[0].start, 0x200000);
	assert_int_equal(bi.modules[0].end, 0x201000);
	assert_string_equal(bi.modules[0].cmdline, "initramfs");
}

/* A tag that claims to run past the end, or no end tag: rejected. */
static void
test_malformed(void **state)
{
	struct mbi_builder b;
	static struct boot_info bi;

	mbi_begin(&b);
	mbi_tag(&b, MB2_TAG_CMDLINE, "x", 2);
	((struct mb2_info_header *)b.buf)->total_size = b.len; /* no end tag */
	assert_int_equal(multiboot2_parse(b.buf, 0, &bi), -EINVAL);

	mbi_begin(&b);
	mbi_tag(&b, MB2_TAG_CMDLINE, "x", 2);
	mbi_end(&b);
	((struct mb2_tag *)(b.buf + 8))->size = 4000; /* past total_size */
	assert_int_equal(multiboot2_parse(b.buf, 0, &bi), -EINVAL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cmdline_and_loader),
		cmocka_unit_test(test_memory_map),
		cmocka_unit_test(test_modules),
		cmocka_unit_test(test_malformed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
