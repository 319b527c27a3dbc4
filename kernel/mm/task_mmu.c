/*
 * kernel/mm/task_mmu.c - /proc/PID/maps and the memory lines of
 * /proc/PID/status, in Linux's formats.
 *
 * maps has one line per VMA:
 *   start-end perms offset dev inode    pathname
 *   00400000-00401000 r--p 00000000 00:00 0          /bin/brk_demo
 * perms are r/w/x and p (private) or s (shared); the heap and the stack
 * are named [heap] and [stack]. status's Vm* lines are in kB.
 *
 * Counterpart: Linux fs/proc/task_mmu.c.
 */
#include <pagoda/fs.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/mmap_lock.h>
#include <pagoda/printk.h>
#include <pagoda/proc_fs.h>
#include <pagoda/sched.h>
#include <pagoda/string.h>

/* vma_name - what maps shows at the end of a VMA's line. */
static const char *
vma_name(const struct mm_struct *mm, const struct vm_area_struct *vma)
{
	if (vma->vm_file)
		return file_path(vma->vm_file);
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk && mm->brk > mm->start_brk &&
	    !(vma->vm_flags & VM_SHARED))
		return "[heap]";
	if (vma->vm_flags & VM_GROWSDOWN)
		return "[stack]";
	return "";
}

/* show_map_vma - one maps line into @buf; returns its length. */
static int
show_map_vma(char *buf, size_t size, const struct mm_struct *mm, const struct vm_area_struct *vma)
{
	unsigned long flags = vma->vm_flags;
	const char *name = vma_name(mm, vma);
	unsigned long long pgoff = vma->vm_file ? (unsigned long long)vma->vm_pgoff << 12 : 0;
	int n;

	/* Linux pads the line to 73 characters, then a space: names start in
	 * column 74 (seq_setwidth and seq_pad in fs/proc/task_mmu.c). */
	n = snprintf(buf, size, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ", vma->vm_start,
		     vma->vm_end, flags & VM_READ ? 'r' : '-', flags & VM_WRITE ? 'w' : '-',
		     flags & VM_EXEC ? 'x' : '-', flags & VM_MAYSHARE ? 's' : 'p', pgoff, 0, 0,
		     vma->vm_file ? file_ino(vma->vm_file) : 0UL);
	if (*name) {
		int pad = n < 73 ? 73 - n : 0;

		n += snprintf(buf + n, size > (size_t)n ? size - n : 0, "%*s %s", pad, "", name);
	}
	n += snprintf(buf + n, size > (size_t)n ? size - n : 0, "\n");
	return n;
}

int
proc_pid_maps(struct task_struct *task, char *buf, size_t size)
{
	struct mm_struct *mm = task->mm;
	size_t len = 0;

	if (!mm)
		return 0;
	mmap_read_lock(mm); /* the VMA list holds still (@buf is kernel memory) */
	for (struct vm_area_struct *vma = mm->mmap; vma; vma = vma->vm_next) {
		len += show_map_vma(buf + len, size > len ? size - len : 0, mm, vma);
		if (len >= size) {
			len = size;
			break;
		}
	}
	mmap_read_unlock(mm);
	return (int)len;
}

#define K(pages) ((pages) << (PAGE_SHIFT - 10))

/* The Vm* and Rss* lines of /proc/PID/status. */
int
proc_task_mem(struct task_struct *task, char *buf, size_t size)
{
	struct mm_struct *mm = task->mm;

	if (!mm)
		return 0;
	unsigned long anon = mm->rss[MM_ANONPAGES], file = mm->rss[MM_FILEPAGES];
	unsigned long rss = anon + file;
	unsigned long text =
		(ALIGN_UP(mm->end_code, PAGE_SIZE) - ALIGN_DOWN(mm->start_code, PAGE_SIZE)) >> 10;

	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
	return snprintf(buf, size,
			"VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\nVmLck:\t%8lu kB\nVmPin:\t%8lu kB\n"
			"VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\nRssFile:\t%8lu kB\n"
			"RssShmem:\t%8lu kB\nVmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
			"VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t%8lu kB\n",
			K(mm->total_vm), K(mm->total_vm), 0UL, 0UL, K(mm->hiwater_rss), K(rss),
			K(anon), K(file), 0UL, K(mm->data_vm), K(mm->stack_vm), text,
			K(mm->exec_vm) - text < K(mm->exec_vm) ? K(mm->exec_vm) - text : 0UL, 0UL,
			0UL);
}
