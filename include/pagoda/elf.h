/*
 * include/pagoda/elf.h - the parts of ELF64 that execve reads.
 *
 * System V ABI, "ELF-64 Object File Format" (file header, program
 * headers); the x86-64 values from the AMD64 psABI.
 */
#ifndef PAGODA_ELF_H
#define PAGODA_ELF_H

#include <pagoda/types.h>

#define EI_NIDENT    16
#define ELFMAG	     "\177ELF"
#define ELFCLASS64   2
#define ELFDATA2LSB  1
#define ET_EXEC	     2 /* fixed-address executable */
#define ET_DYN	     3 /* position independent (static-pie) */
#define EM_X86_64    62

#define PT_LOAD	     1
#define PT_INTERP    3
#define PT_PHDR	     6
#define PT_GNU_STACK 0x6474e551

#define PF_X	     1
#define PF_W	     2
#define PF_R	     4

struct elf64_hdr {
	unsigned char e_ident[EI_NIDENT]; /* magic, class, data, version, ABI */
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry; /* entry point address */
	uint64_t e_phoff; /* program header table offset */
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize; /* bytes per program header */
	uint16_t e_phnum;     /* number of program headers */
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
};

struct elf64_phdr {
	uint32_t p_type;   /* PT_* */
	uint32_t p_flags;  /* PF_* */
	uint64_t p_offset; /* where the segment starts in the file */
	uint64_t p_vaddr;  /* where it goes in memory */
	uint64_t p_paddr;
	uint64_t p_filesz; /* bytes from the file */
	uint64_t p_memsz;  /* bytes in memory (the rest zeroed: .bss) */
	uint64_t p_align;
};

#endif /* PAGODA_ELF_H */
