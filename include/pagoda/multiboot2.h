/*
 * include/pagoda/multiboot2.h - the boot information GRUB hands the kernel.
 *
 * GRUB leaves a list of tags in memory and passes its physical address in
 * EBX (Multiboot2 spec, 3.6 "Boot information format"): a header with the
 * total size, then tags, each 8-byte aligned, each starting with a type
 * and a size, ended by a tag of type 0. multiboot2_parse() reads the tags
 * the kernel needs into a struct boot_info.
 */
#ifndef PAGODA_MULTIBOOT2_H
#define PAGODA_MULTIBOOT2_H

#include <pagoda/types.h>

#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

/* Tag types (Multiboot2 spec, 3.6.x). */
#define MB2_TAG_END		    0
#define MB2_TAG_CMDLINE		    1
#define MB2_TAG_BOOTLOADER	    2
#define MB2_TAG_MODULE		    3
#define MB2_TAG_BASIC_MEMINFO	    4
#define MB2_TAG_MMAP		    6
#define MB2_TAG_ELF_SECTIONS	    9

/* Memory map entry types (3.6.8 "Memory map"). */
#define MB2_MEMORY_AVAILABLE	    1
#define MB2_MEMORY_RESERVED	    2
#define MB2_MEMORY_ACPI_RECLAIMABLE 3
#define MB2_MEMORY_NVS		    4
#define MB2_MEMORY_BADRAM	    5

/* The layouts GRUB writes. */
struct mb2_info_header {
	uint32_t total_size; /* bytes, including this header */
	uint32_t reserved;
};

struct mb2_tag {
	uint32_t type;
	uint32_t size; /* bytes, including this header, not the padding */
};

struct mb2_tag_string { /* MB2_TAG_CMDLINE, MB2_TAG_BOOTLOADER */
	struct mb2_tag tag;
	char string[]; /* NUL-terminated */
};

struct mb2_tag_module {
	struct mb2_tag tag;
	uint32_t mod_start; /* physical address of the first byte */
	uint32_t mod_end;   /* physical address just past the last byte */
	char cmdline[];	    /* the module's command line (its name) */
};

struct mb2_mmap_entry {
	uint64_t base_addr; /* physical start */
	uint64_t length;    /* bytes */
	uint32_t type;	    /* MB2_MEMORY_* */
	uint32_t reserved;
};

struct mb2_tag_mmap {
	struct mb2_tag tag;
	uint32_t entry_size; /* bytes per entry: may grow in later versions */
	uint32_t entry_version;
	/* entries follow */
};

struct mb2_tag_elf_sections {
	struct mb2_tag tag;
	uint32_t num;	  /* number of section headers */
	uint32_t entsize; /* bytes per section header */
	uint32_t shndx;	  /* index of the section-name string table */
			  /* ELF64 section headers follow */
};

#define BOOT_MMAP_MAX	 128
#define BOOT_MODULES_MAX 16

/* One range of the physical memory map. */
struct boot_mem_range {
	phys_addr_t start; /* first byte */
	phys_addr_t end;   /* just past the last byte */
	uint32_t type;	   /* MB2_MEMORY_* */
};

/* A GRUB module, e.g. the initramfs. */
struct boot_module {
	phys_addr_t start;   /* first byte */
	phys_addr_t end;     /* just past the last byte */
	const char *cmdline; /* its command line in the boot information */
};

/* What the kernel takes from the boot information. */
struct boot_info {
	phys_addr_t info_start; /* the boot information itself, */
	phys_addr_t info_end;	/* which must not be overwritten */
	const char *cmdline;	/* "" when GRUB passed none */
	const char *bootloader; /* e.g. "GRUB 2.06-13+deb12u2", or "" */
	unsigned int nr_mem_ranges;
	struct boot_mem_range mem[BOOT_MMAP_MAX];
	unsigned int nr_modules;
	struct boot_module modules[BOOT_MODULES_MAX];
	uint32_t elf_num; /* ELF section headers, for symbols */
	uint32_t elf_entsize;
	uint32_t elf_shndx;
	const void *elf_sections; /* NULL when GRUB gave none */
};

/*
 * multiboot2_parse - read the boot information at @info (a kernel virtual
 * address) whose physical address is @info_pa, into @bi. Tags the kernel
 * does not use are skipped. Returns 0, or -EINVAL when the information is
 * malformed (a tag running past the end, a missing end tag).
 */
int multiboot2_parse(const void *info, phys_addr_t info_pa, struct boot_info *bi);

/* The name Linux gives a memory type in its boot messages. */
const char *multiboot2_mem_type_name(uint32_t type);

#endif /* PAGODA_MULTIBOOT2_H */
