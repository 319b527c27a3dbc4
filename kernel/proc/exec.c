/*
 * kernel/proc/exec.c - execve: replace a process's program.
 *
 * execve(path, argv, envp) opens the file, checks it is an ELF executable
 * for x86-64 (binfmt_elf.c), copies the argument and environment strings
 * out of the old address space, and then -- past the point of no return --
 * throws the old address space away, maps the new program's segments and
 * stack into a fresh one, and arranges for the return to user mode to
 * land on the program's entry point with the stack the System V AMD64
 * psABI describes (3.4.1 "Initial Stack and Register State"):
 *
 *   high  [ filename ][ environment strings ][ argument strings ]
 *         [ "x86_64" ][ 16 random bytes ]  (padding to 16 bytes)
 *         auxv pairs ..., AT_NULL 0
 *         envp[0] ... envp[envc - 1], NULL
 *         argv[0] ... argv[argc - 1], NULL
 *   rsp-> argc                                  (16-byte aligned)
 *
 * Counterpart: Linux fs/exec.c (do_execveat_common, setup_arg_pages) and
 * fs/binfmt_elf.c (create_elf_tables).
 */
#include <pagoda/exec.h>
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/printk.h>
#include <pagoda/random.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/auxvec.h>
#include <uapi/errno.h>

#define MAX_ARG_STRLEN (32 * PAGE_SIZE) /* one string: Linux's limit */
#define MAX_ARG_BYTES  (256 * KiB)	/* all of them (Linux: 2 MiB) */
#define MAX_ARG_COUNT  0x7fffffff
#define STACK_EXPAND   (128 * KiB) /* initial stack VMA beyond the args */

/*
 * copy_one - copy string @i of @list (a user or kernel array of pointers)
 * to @dst, which has @room bytes. Returns its length with the NUL, 0 at the
 * end of the list, -E2BIG if it does not fit, or -EFAULT.
 */
static long
copy_one(const struct exec_strings *list, long i, char *dst, size_t room)
{
	uint64_t ptr;
	long len;

	if (!list->ptr)
		return 0;
	if (list->kernel) {
		const char *s = ((const char *const *)list->ptr)[i];

		if (!s)
			return 0;
		len = (long)strlcpy(dst, s, room);
		return (size_t)len < room ? len + 1 : -E2BIG;
	}
	if (get_user_u64(&ptr, (const uint64_t *)list->ptr + i) < 0)
		return -EFAULT;
	if (!ptr)
		return 0;
	room = min(room, (size_t)MAX_ARG_STRLEN);
	len = strncpy_from_user(dst, (const char *)ptr, (long)room);
	if (len < 0)
		return len;
	return (size_t)len < room ? len + 1 : -E2BIG;
}

/*
 * copy_strings - copy every string of @list into @bprm's buffer, counting
 * them. They are packed back to back, each with its NUL, in order.
 */
static int
copy_strings(struct linux_binprm *bprm, const struct exec_strings *list, int *count)
{
	for (long i = 0;; i++) {
		long len = copy_one(list, i, bprm->strings + bprm->strings_len,
				    MAX_ARG_BYTES - bprm->strings_len);

		if (len < 0)
			return (int)len;
		if (len == 0)
			return 0;
		if (i >= MAX_ARG_COUNT)
			return -E2BIG;
		bprm->strings_len += len;
		(*count)++;
	}
}

/* push - copy @len bytes to the new stack below *@sp; 0 or -EFAULT. */
static int
push(unsigned long *sp, const void *data, size_t len)
{
	*sp -= len;
	return copy_to_user((void *)*sp, data, len) ? -EFAULT : 0;
}

/* put_table - the argc/argv/envp/auxv table at @sp; returns 0 or -EFAULT. */
static int
put_table(struct linux_binprm *bprm, unsigned long sp, unsigned long strings, const uint64_t *auxv,
	  int nauxv)
{
	uint64_t *p = (uint64_t *)sp;
	unsigned long s = strings;
	int err = put_user_u64(bprm->argc, p++);

	for (int i = 0; i < bprm->argc + bprm->envc; i++) {
		if (i == bprm->argc)
			err |= put_user_u64(0, p++); /* argv's NULL */
		err |= put_user_u64(s, p++);
		s += strlen(bprm->strings + (s - strings)) + 1;
	}
	err |= put_user_u64(0, p++); /* envp's NULL */
	for (int i = 0; i < nauxv * 2; i++)
		err |= put_user_u64(auxv[i], p++);
	return err ? -EFAULT : 0;
}

/*
 * create_elf_tables - build the initial stack (see the top of this file)
 * in the new address space, which is now current. Sets bprm->sp and the
 * mm's arg_start..env_end.
 */
static int
create_elf_tables(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	unsigned long sp = STACK_TOP - sizeof(uint64_t); /* a zero word on top */
	uint8_t random[16];
	uint64_t auxv[2 * 24];
	int n = 0;

	if (push(&sp, bprm->filename, strlen(bprm->filename) + 1) < 0)
		return -EFAULT;
	unsigned long execfn = sp;

	if (push(&sp, bprm->strings, bprm->strings_len) < 0)
		return -EFAULT;
	unsigned long strings = sp;

	mm->arg_start = strings;
	mm->arg_end = mm->env_start = strings + bprm->argv_len;
	mm->env_end = strings + bprm->strings_len;
	sp = ALIGN_DOWN(sp, 16);
	if (push(&sp, "x86_64", 7) < 0)
		return -EFAULT;
	unsigned long platform = sp;

	get_random_bytes(random, sizeof(random));
	if (push(&sp, random, sizeof(random)) < 0)
		return -EFAULT;
	n = elf_auxv(bprm, auxv, sp, execfn, platform);
	unsigned long words = 1 + (bprm->argc + 1) + (bprm->envc + 1) + 2 * n;

	sp = ALIGN_DOWN(sp - words * sizeof(uint64_t), 16);
	mm->start_stack = sp;
	bprm->sp = sp;
	return put_table(bprm, sp, strings, auxv, n);
}

/* setup_stack_vma - the stack: from the top of user space down, at least
 * the strings plus 128 KiB, growing down on demand. */
static int
setup_stack_vma(struct linux_binprm *bprm)
{
	unsigned long size = ALIGN_UP(bprm->strings_len + PAGE_SIZE, PAGE_SIZE) + STACK_EXPAND;
	unsigned long flags =
		VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC | VM_GROWSDOWN;

	if (IS_ERR((void *)mmap_region(NULL, STACK_TOP - size, size, flags,
				       (STACK_TOP - size) >> PAGE_SHIFT)))
		return -ENOMEM;
	return 0;
}

/*
 * begin_new_exec - the point of no return: drop the old address space and
 * install the new one, close O_CLOEXEC files, reset caught signals.
 */
static void
begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *old = current->mm;
	const char *name = strrchr(bprm->filename, '/');

	current->mm = bprm->mm;
	bprm->mm = NULL;
	arch_switch_mm(current->mm->pgd);
	if (old)
		mmput(old);
	vfork_release(current); /* a vfork parent may use its memory again */
	current->mm->exe_file = get_file(bprm->file);
	set_task_exe_file(current, bprm->file); /* what /proc/self/exe names */
	if (current->files)
		do_close_on_exec(current->files);
	for (int i = 0; i < NSIG; i++)
		if (current->sighand->action[i].sa_handler > SIG_IGN)
			current->sighand->action[i].sa_handler = SIG_DFL;
	current->sas_ss_sp = current->sas_ss_size = current->sas_ss_flags =
		0; /* gone with the mm */
	strlcpy(current->comm, name ? name + 1 : bprm->filename, sizeof(current->comm));
}

static void
free_bprm(struct linux_binprm *bprm)
{
	if (bprm->mm)
		mmput(bprm->mm);
	if (bprm->file && !IS_ERR(bprm->file))
		fput(bprm->file);
	kfree(bprm->phdrs);
	kfree(bprm->strings);
	kfree(bprm->filename);
	kfree(bprm);
}

/* prepare - open the file and gather the strings: everything that may still fail. */
static int
prepare(struct linux_binprm *bprm, const struct exec_strings *argv, const struct exec_strings *envp)
{
	int err;

	bprm->file = open_exec(bprm->filename);
	if (IS_ERR(bprm->file))
		return (int)PTR_ERR(bprm->file);
	err = elf_check(bprm);
	if (err < 0)
		return err;
	bprm->strings = kmalloc(MAX_ARG_BYTES, GFP_KERNEL);
	if (!bprm->strings)
		return -ENOMEM;
	err = copy_strings(bprm, argv, &bprm->argc);
	bprm->argv_len = bprm->strings_len;
	if (!err)
		err = copy_strings(bprm, envp, &bprm->envc);
	return err;
}

/*
 * do_execve - run @filename with @argv and @envp in the current task.
 * Returns -errno if the old program can carry on; after the point of no
 * return a failure kills the task (SIGSEGV), as on Linux.
 */
int
do_execve(const char *filename, const struct exec_strings *argv, const struct exec_strings *envp)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err = -ENOMEM;

	if (!bprm || !(bprm->filename = kmalloc(strlen(filename) + 1, GFP_KERNEL)))
		goto out;
	strlcpy(bprm->filename, filename, strlen(filename) + 1);
	err = prepare(bprm, argv, envp);
	if (err < 0)
		goto out;
	bprm->mm = mm_alloc();
	if (!bprm->mm) {
		err = -ENOMEM;
		goto out;
	}
	err = de_thread(); /* the process's other threads end first */
	if (err == 0)
		err = unshare_sighand(current);
	if (err < 0)
		goto out;
	begin_new_exec(bprm);
	/* Mapping the program changes the VMAs; clearing .bss and building
	 * the stack write user memory, whose faults take the lock to read. */
	mmap_write_lock(current->mm);
	err = elf_map_segments(bprm);
	if (!err)
		err = setup_stack_vma(bprm);
	mmap_write_unlock(current->mm);
	if (!err)
		err = elf_clear_bss(bprm);
	if (!err)
		err = create_elf_tables(bprm);
	if (err < 0) {
		free_bprm(bprm);
		force_sig(SIGSEGV); /* the old program is gone */
		return err;
	}
	arch_start_thread(task_pt_regs(current), bprm->entry, bprm->sp);
	err = 0;
out:
	if (bprm)
		free_bprm(bprm);
	return err;
}

SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	struct exec_strings args = { .ptr = argv }, env = { .ptr = envp };
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, ret;

	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, filename, PATH_MAX);
	if (len < 0)
		ret = len;
	else if (len == PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (len == 0)
		ret = -ENOENT;
	else
		ret = do_execve(path, &args, &env);
	kfree(path);
	return ret;
}
