/*
 * include/pagoda/exec.h - what execve carries from start to finish.
 *
 * Counterpart: Linux include/linux/binfmts.h (struct linux_binprm).
 */
#ifndef PAGODA_EXEC_H
#define PAGODA_EXEC_H

#include <pagoda/elf.h>
#include <pagoda/types.h>

#include <uapi/limits.h> /* PATH_MAX */

struct file;
struct mm_struct;

/* An argv or envp array: a user pointer, or (for the first program) kernel. */
struct exec_strings {
	const void *ptr; /* array of string pointers ending in NULL, or NULL */
	bool kernel;	 /* the array and strings are in kernel memory */
};

struct linux_binprm {
	char *filename;		  /* the path given to execve */
	struct file *file;	  /* the program */
	struct elf64_hdr ehdr;	  /* its ELF header */
	struct elf64_phdr *phdrs; /* its program headers (ehdr.e_phnum) */
	struct mm_struct *mm;	  /* the new address space, until installed */
	char *strings;		  /* argv then envp strings, packed */
	size_t strings_len;	  /* bytes used in strings */
	size_t argv_len;	  /* of which argv's */
	int argc, envc;
	unsigned long entry; /* where the program starts */
	unsigned long sp;    /* its initial stack pointer */
};

/* kernel/proc/exec.c */
int do_execve(const char *filename, const struct exec_strings *argv,
	      const struct exec_strings *envp);

/* kernel/proc/binfmt_elf.c */
int elf_check(struct linux_binprm *bprm);
int elf_map_segments(struct linux_binprm *bprm);
int elf_clear_bss(struct linux_binprm *bprm);
int elf_auxv(struct linux_binprm *bprm, uint64_t *auxv, unsigned long random, unsigned long execfn,
	     unsigned long platform);

#endif /* PAGODA_EXEC_H */
