/*
 * kernel/proc/binfmt_elf.c - loading a static ELF64 executable.
 *
 * elf_check() reads and checks the ELF header and program headers (System
 * V ABI, "ELF-64 Object File Format"). elf_map_segments() turns each
 * PT_LOAD segment into VMAs of the new address space: the part backed by
 * the file (text, data) as a private file mapping, the rest of p_memsz
 * (.bss) as anonymous memory. Nothing is read yet: the page-fault handler
 * reads each page on first touch. elf_auxv() writes the auxiliary vector
 * the C library's start-up code reads.
 *
 * Counterpart: Linux fs/binfmt_elf.c (load_elf_binary, create_elf_tables).
 */
#include <pagoda/cred.h>
#include <pagoda/exec.h>
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/uaccess.h>

#include <asm/processor.h>

#include <uapi/auxvec.h>
#include <uapi/errno.h>

#define ELF_MAX_PHNUM 64
#define ELF_HZ	      100 /* AT_CLKTCK: Linux's USER_HZ */

/* read_at - exactly @len bytes of @file at @pos; 0 or -ENOEXEC. */
static int
read_at(struct file *file, void *buf, size_t len, loff_t pos)
{
	return kernel_read(file, buf, len, &pos) == (ssize_t)len ? 0 : -ENOEXEC;
}

int
elf_check(struct linux_binprm *bprm)
{
	struct elf64_hdr *eh = &bprm->ehdr;
	size_t size;

	if (read_at(bprm->file, eh, sizeof(*eh), 0) < 0)
		return -ENOEXEC;
	if (memcmp(eh->e_ident, ELFMAG, 4) != 0 || eh->e_ident[4] != ELFCLASS64 ||
	    eh->e_ident[5] != ELFDATA2LSB || eh->e_machine != EM_X86_64)
		return -ENOEXEC;
	if ((eh->e_type != ET_EXEC && eh->e_type != ET_DYN) ||
	    eh->e_phentsize != sizeof(struct elf64_phdr) || eh->e_phnum == 0 ||
	    eh->e_phnum > ELF_MAX_PHNUM)
		return -ENOEXEC;
	size = eh->e_phnum * sizeof(struct elf64_phdr);
	bprm->phdrs = kmalloc(size, GFP_KERNEL);
	if (!bprm->phdrs)
		return -ENOMEM;
	if (read_at(bprm->file, bprm->phdrs, size, (loff_t)eh->e_phoff) < 0)
		return -ENOEXEC;
	for (int i = 0; i < eh->e_phnum; i++) {
		const struct elf64_phdr *ph = &bprm->phdrs[i];

		if (ph->p_type == PT_INTERP) {
			pr_info("execve: %s needs a dynamic linker; Pagoda runs static programs\n",
				bprm->filename);
			return -ENOEXEC;
		}
		if (ph->p_type == PT_LOAD && ((ph->p_vaddr - ph->p_offset) & ~PAGE_MASK))
			return -ENOEXEC; /* file and memory offsets must agree in a page */
	}
	/* Static PIE: no relocation support beyond a fixed base. */
	if (eh->e_type == ET_DYN)
		return -ENOEXEC;
	bprm->entry = eh->e_entry;
	return 0;
}

static unsigned long
segment_vm_flags(const struct elf64_phdr *ph)
{
	unsigned long flags = VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;

	if (ph->p_flags & PF_R)
		flags |= VM_READ;
	if (ph->p_flags & PF_W)
		flags |= VM_WRITE;
	if (ph->p_flags & PF_X)
		flags |= VM_EXEC;
	return flags;
}

/* map_segment - one PT_LOAD: file-backed pages, then anonymous .bss pages. */
static int
map_segment(struct linux_binprm *bprm, const struct elf64_phdr *ph)
{
	unsigned long start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
	unsigned long file_end = ALIGN_UP(ph->p_vaddr + ph->p_filesz, PAGE_SIZE);
	unsigned long mem_end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
	unsigned long flags = segment_vm_flags(ph);

	if (ph->p_vaddr + ph->p_memsz < ph->p_vaddr || mem_end > TASK_SIZE_MAX ||
	    ph->p_filesz > ph->p_memsz)
		return -ENOEXEC;
	if (ph->p_filesz &&
	    IS_ERR((void *)mmap_region(bprm->file, start, file_end - start, flags,
				       ALIGN_DOWN(ph->p_offset, PAGE_SIZE) >> PAGE_SHIFT)))
		return -ENOMEM;
	if (mem_end > file_end && IS_ERR((void *)mmap_region(NULL, file_end, mem_end - file_end,
							     flags, file_end >> PAGE_SHIFT)))
		return -ENOMEM;
	return 0;
}

/* set_mm_layout - start_code..end_data and the heap, as Linux reports them. */
static void
set_mm_layout(struct mm_struct *mm, const struct elf64_phdr *ph, unsigned long *bss_end)
{
	unsigned long start = ph->p_vaddr, end = ph->p_vaddr + ph->p_filesz;

	if (ph->p_flags & PF_X) {
		if (!mm->start_code || start < mm->start_code)
			mm->start_code = start;
		mm->end_code = max(mm->end_code, end);
	} else {
		if (!mm->start_data || start < mm->start_data)
			mm->start_data = start;
		mm->end_data = max(mm->end_data, end);
	}
	*bss_end = max(*bss_end, ph->p_vaddr + ph->p_memsz);
}

int
elf_map_segments(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	unsigned long bss_end = 0;

	for (int i = 0; i < bprm->ehdr.e_phnum; i++) {
		const struct elf64_phdr *ph = &bprm->phdrs[i];

		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		int err = map_segment(bprm, ph);

		if (err < 0)
			return err;
		set_mm_layout(mm, ph, &bss_end);
	}
	/* The heap starts on the page after .bss (no randomization). */
	mm->start_brk = mm->brk = ALIGN_UP(bss_end, PAGE_SIZE);
	return 0;
}

/*
 * elf_clear_bss - the file page that holds the end of a segment's data
 * also holds the start of its .bss, which must read as zeros: clear that
 * tail, faulting the page in (a private copy) to do so.
 */
int
elf_clear_bss(struct linux_binprm *bprm)
{
	for (int i = 0; i < bprm->ehdr.e_phnum; i++) {
		const struct elf64_phdr *ph = &bprm->phdrs[i];
		unsigned long end = ph->p_vaddr + ph->p_filesz;
		unsigned long page_end = ALIGN_UP(end, PAGE_SIZE);

		if (ph->p_type != PT_LOAD || ph->p_memsz <= ph->p_filesz || end == page_end ||
		    !(ph->p_flags & PF_W))
			continue;
		if (clear_user((void *)end, min(page_end, ph->p_vaddr + ph->p_memsz) - end))
			return -EFAULT;
	}
	return 0;
}

/* phdr_address - where the program headers are in memory (AT_PHDR). */
static unsigned long
phdr_address(const struct linux_binprm *bprm)
{
	unsigned long off = bprm->ehdr.e_phoff;

	for (int i = 0; i < bprm->ehdr.e_phnum; i++) {
		const struct elf64_phdr *ph = &bprm->phdrs[i];

		if (ph->p_type == PT_PHDR)
			return ph->p_vaddr;
		if (ph->p_type == PT_LOAD && ph->p_offset <= off &&
		    off < ph->p_offset + ph->p_filesz)
			return ph->p_vaddr + (off - ph->p_offset);
	}
	return 0;
}

/* elf_auxv - fill @auxv with (type, value) pairs; returns how many. */
int
elf_auxv(struct linux_binprm *bprm, uint64_t *auxv, unsigned long random, unsigned long execfn,
	 unsigned long platform)
{
	const struct cred *cred = current_cred();
	uint32_t a, b, c, hwcap;
	int n = 0;

	cpuid(1, 0, &a, &b, &c, &hwcap);
#define AUX(type, value)                                                                           \
	do {                                                                                       \
		auxv[2 * n] = (type);                                                              \
		auxv[2 * n + 1] = (value);                                                         \
		n++;                                                                               \
	} while (0)
	AUX(AT_HWCAP, hwcap);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, ELF_HZ);
	AUX(AT_PHDR, phdr_address(bprm));
	AUX(AT_PHENT, sizeof(struct elf64_phdr));
	AUX(AT_PHNUM, bprm->ehdr.e_phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, bprm->ehdr.e_entry);
	AUX(AT_UID, cred->uid);
	AUX(AT_EUID, cred->euid);
	AUX(AT_GID, cred->gid);
	AUX(AT_EGID, cred->egid);
	AUX(AT_SECURE, 0); /* no set-id exec; Linux's is 1 for one */
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, 0);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX
	return n;
}
