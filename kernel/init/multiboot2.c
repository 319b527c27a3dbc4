/*
 * kernel/init/multiboot2.c - reading GRUB's boot information.
 *
 * The first thing start_kernel learns about the machine: how much memory
 * there is and where (the memory map the page-frame allocator is built
 * from), the command line, and the modules GRUB loaded (the initramfs).
 * The format is in include/pagoda/multiboot2.h. Pure parsing, so it is
 * host-tested (tests/host/test_multiboot2.c) on hand-made tag lists.
 *
 * Counterpart: the e820 and boot_params code of Linux arch/x86/kernel/.
 */
#include <pagoda/kernel.h>
#include <pagoda/multiboot2.h>
#include <pagoda/string.h>

#include <uapi/errno.h>

/* Each tag starts at the next multiple of 8 bytes (spec 3.6.1). */
#define MB2_TAG_ALIGN 8

static void
parse_mmap(const struct mb2_tag_mmap *t, struct boot_info *bi)
{
	const uint8_t *p = (const uint8_t *)(t + 1);
	const uint8_t *end = (const uint8_t *)t + t->tag.size;

	if (t->entry_size < sizeof(struct mb2_mmap_entry))
		return;
	for (; p + t->entry_size <= end && bi->nr_mem_ranges < BOOT_MMAP_MAX; p += t->entry_size) {
		struct mb2_mmap_entry e;
		struct boot_mem_range *r = &bi->mem[bi->nr_mem_ranges];

		memcpy(&e, p, sizeof(e)); /* entries need not be 8-aligned */
		if (e.length == 0)
			continue;
		r->start = e.base_addr;
		r->end = e.base_addr + e.length;
		r->type = e.type;
		bi->nr_mem_ranges++;
	}
}

static void
parse_module(const struct mb2_tag_module *t, struct boot_info *bi)
{
	if (bi->nr_modules >= BOOT_MODULES_MAX)
		return;
	struct boot_module *m = &bi->modules[bi->nr_modules++];

	m->start = t->mod_start;
	m->end = t->mod_end;
	m->cmdline = t->cmdline;
}

static void
parse_tag(const struct mb2_tag *tag, struct boot_info *bi)
{
	switch (tag->type) {
	case MB2_TAG_CMDLINE: bi->cmdline = ((const struct mb2_tag_string *)tag)->string; break;
	case MB2_TAG_BOOTLOADER:
		bi->bootloader = ((const struct mb2_tag_string *)tag)->string;
		break;
	case MB2_TAG_MODULE: parse_module((const struct mb2_tag_module *)tag, bi); break;
	case MB2_TAG_MMAP: parse_mmap((const struct mb2_tag_mmap *)tag, bi); break;
	case MB2_TAG_ELF_SECTIONS: {
		const struct mb2_tag_elf_sections *t = (const void *)tag;

		bi->elf_num = t->num;
		bi->elf_entsize = t->entsize;
		bi->elf_shndx = t->shndx;
		bi->elf_sections = t + 1;
		break;
	}
	default: break; /* a tag we do not use */
	}
}

int
multiboot2_parse(const void *info, phys_addr_t info_pa, struct boot_info *bi)
{
	const struct mb2_info_header *hdr = info;
	const uint8_t *p = (const uint8_t *)(hdr + 1);
	const uint8_t *end = (const uint8_t *)info + hdr->total_size;

	memset(bi, 0, sizeof(*bi));
	bi->cmdline = "";
	bi->bootloader = "";
	bi->info_start = info_pa;
	bi->info_end = info_pa + hdr->total_size;
	if (hdr->total_size < sizeof(*hdr) + sizeof(struct mb2_tag))
		return -EINVAL;

	while (p + sizeof(struct mb2_tag) <= end) {
		const struct mb2_tag *tag = (const struct mb2_tag *)p;

		if (tag->size < sizeof(*tag) || tag->size > (size_t)(end - p))
			return -EINVAL;
		if (tag->type == MB2_TAG_END)
			return 0;
		parse_tag(tag, bi);
		p += ALIGN_UP((size_t)tag->size, MB2_TAG_ALIGN);
	}
	return -EINVAL; /* no end tag */
}

const char *
multiboot2_mem_type_name(uint32_t type)
{
	switch (type) {
	case MB2_MEMORY_AVAILABLE: return "usable";
	case MB2_MEMORY_ACPI_RECLAIMABLE: return "ACPI data";
	case MB2_MEMORY_NVS: return "ACPI NVS";
	case MB2_MEMORY_BADRAM: return "unusable";
	default: return "reserved";
	}
}
