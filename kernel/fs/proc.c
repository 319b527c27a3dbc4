/*
 * kernel/fs/proc.c - /proc: files whose text is made when they are opened.
 *
 *	/proc/meminfo      memory totals, Linux's format (the buddy allocator's counts)
 *	/proc/buddyinfo    free blocks of each order, Linux's format
 *	/proc/vmstat       the memory code's event counters (kernel/mm/vmstat.c)
 *	/proc/<pid>/exe    symbolic link to the program process <pid> runs
 *	/proc/<pid>/maps   its memory map (from the mm code)
 *	/proc/<pid>/status its name, pids and Vm* sizes
 *	/proc/self         symbolic link to the caller's /proc/<pid>
 *
 * Each file is an inode whose i_private is its struct proc_entry. Opening
 * it calls the entry's show function, which prints the whole text into a
 * kernel buffer kept in file->private_data until the last close; reads
 * copy from that buffer (so a program that reads in small pieces sees one
 * consistent snapshot, like Linux's seq_file). Directories are ordinary
 * tree directories, so getdents64 lists them like any other.
 *
 * Pagoda simplifies: a listing of /proc shows only the /proc/<pid>
 * directories looked up so far (see proc_pid_lookup).
 *
 * Counterpart: Linux fs/proc/ (meminfo.c, base.c, array.c),
 * mm/vmstat.c (buddyinfo), fs/seq_file.c.
 */
#include <pagoda/gfp.h>
#include <pagoda/kernel.h>
#include <pagoda/mm.h>
#include <pagoda/printk.h>
#include <pagoda/proc_fs.h>
#include <pagoda/sched.h>
#include <pagoda/slab.h>
#include <pagoda/string.h>

#include <asm/page.h>

#include <uapi/errno.h>

#include "internal.h"

#define PROC_BUF_MAX (64 * KiB) /* the largest text a /proc file makes */

/* A /proc file: its name and the function that prints its text. */
struct proc_entry {
	const char *name; /* in its directory */
	umode_t mode;	  /* S_IFREG | 0444 */
	/* show - print the text into @buf (@size bytes, snprintf-style): the
	 * length it needs, or -errno. @task: the process of a /proc/<pid> file. */
	int (*show)(struct task_struct *task, char *buf, size_t size);
};

/* The text an open /proc file reads from. */
struct proc_text {
	char *buf;  /* kmalloc'd */
	size_t len; /* bytes of text */
};

/* kb - pages in kB, the unit /proc/meminfo uses. */
static unsigned long
kb(unsigned long pages)
{
	return pages * (PAGE_SIZE / 1024);
}

/*
 * meminfo_show - /proc/meminfo. Linux's label column is 16 wide and the
 * number 8 wide ("%-16s%8lu kB"); lines for what Pagoda does not have
 * (swap, LRU lists, block devices) say 0 kB, as on a Linux without them.
 * Cached counts every page-cache page, tmpfs ones (Shmem) included, as
 * Linux does; tmpfs pages are not reclaimable, so MemAvailable leaves
 * them out.
 */
static int
meminfo_show(struct task_struct *task, char *buf, size_t size)
{
	unsigned long slab = nr_slab_pages(), free = nr_free_pages();
	const struct {
		const char *label;   /* with its colon */
		unsigned long pages; /* shown in kB */
	} lines[] = {
		{ "MemTotal:", totalram_pages() },
		{ "MemFree:", free },
		{ "MemAvailable:", free },
		{ "Buffers:", 0 },
		{ "Cached:", node_page_state(NR_FILE_PAGES) },
		{ "SwapCached:", 0 },
		{ "Active:", 0 },
		{ "Inactive:", 0 },
		{ "SwapTotal:", 0 },
		{ "SwapFree:", 0 },
		{ "Dirty:", node_page_state(NR_FILE_DIRTY) },
		{ "Writeback:", 0 },
		{ "AnonPages:", 0 },
		{ "Mapped:", node_page_state(NR_FILE_MAPPED) },
		{ "Shmem:", node_page_state(NR_SHMEM) },
		{ "Slab:", slab },
		{ "SReclaimable:", 0 },
		{ "SUnreclaim:", slab },
	};
	size_t len = 0;

	for (size_t i = 0; i < ARRAY_SIZE(lines); i++)
		len += snprintf(buf + min(len, size), size - min(len, size), "%-16s%8lu kB\n",
				lines[i].label, kb(lines[i].pages));
	return len;
}

/* buddyinfo_show - /proc/buddyinfo: one zone, its free blocks of orders 0..10. */
static int
buddyinfo_show(struct task_struct *task, char *buf, size_t size)
{
	size_t len = snprintf(buf, size, "Node %d, zone %8s ", 0, "Normal");

	for (unsigned int order = 0; order < NR_PAGE_ORDERS; order++)
		len += snprintf(buf + min(len, size), size - min(len, size), "%6lu ",
				nr_free_blocks(order));
	len += snprintf(buf + min(len, size), size - min(len, size), "\n");
	return len;
}

/* task_state_name - the State: line's value, in Linux's words. */
static const char *
task_state_name(const struct task_struct *task)
{
	switch (task->__state) {
	case TASK_RUNNING: return "R (running)";
	case TASK_INTERRUPTIBLE: return "S (sleeping)";
	case TASK_UNINTERRUPTIBLE: return "D (disk sleep)";
	case EXIT_ZOMBIE: return "Z (zombie)";
	default: return "X (dead)";
	}
}

/* vmstat_show - /proc/vmstat: the same for every reader. */
static int
vmstat_show(struct task_struct *task, char *buf, size_t size)
{
	return proc_vmstat(buf, size);
}

/* status_show - /proc/self/status: who the task is, then the mm's Vm* lines. */
static int
status_show(struct task_struct *task, char *buf, size_t size)
{
	size_t len;

	if (!task)
		return -ESRCH;
	len = snprintf(buf, size, "Name:\t%s\nState:\t%s\nTgid:\t%d\nPid:\t%d\nPPid:\t%d\n",
		       task->comm, task_state_name(task), task->tgid, task->pid,
		       task->group_leader && task->group_leader->parent
			       ? task->group_leader->parent->tgid
			       : 0);
	len += proc_task_mem(task, buf + min(len, size), size - min(len, size));
	return len;
}

/* maps_show - /proc/self/maps, as the mm code prints it. */
static int
maps_show(struct task_struct *task, char *buf, size_t size)
{
	if (!task)
		return -ESRCH;
	return proc_pid_maps(task, buf, size);
}

/*
 * proc_task - the process a file in /proc/<pid> describes (NULL if it has
 * gone): the pid is kept in the directory's i_private. Files directly in
 * /proc describe the whole machine; they get the caller.
 */
static struct task_struct *
proc_task(const struct inode *inode)
{
	const struct inode *dir = inode->i_parent;

	if (!dir->i_private)
		return current;
	return find_task_by_pid((pid_t)(uintptr_t)dir->i_private);
}

static const struct proc_entry proc_root_entries[] = {
	{ "buddyinfo", S_IFREG | 0444, buddyinfo_show },
	{ "meminfo", S_IFREG | 0444, meminfo_show },
	{ "vmstat", S_IFREG | 0444, vmstat_show },
};

static const struct proc_entry proc_pid_entries[] = {
	{ "maps", S_IFREG | 0444, maps_show },
	{ "status", S_IFREG | 0444, status_show },
};

/* proc_open - print the entry's text for the caller into a new buffer. */
static int
proc_open(struct inode *inode, struct file *file)
{
	const struct proc_entry *entry = inode->i_private;
	struct proc_text *text = kzalloc(sizeof(*text), GFP_KERNEL);
	int len = -ENOMEM;

	if (!text)
		return -ENOMEM;
	/* Grow the buffer until the text fits: show() says how much it needs. */
	for (size_t size = PAGE_SIZE; size <= PROC_BUF_MAX; size *= 2) {
		text->buf = kmalloc(size, GFP_KERNEL);
		if (!text->buf)
			goto out_free;
		len = entry->show(proc_task(inode), text->buf, size);
		if (len < 0)
			goto out_free;
		if ((size_t)len < size)
			break;
		kfree(text->buf);
		text->buf = NULL;
		len = -ENOMEM; /* longer than PROC_BUF_MAX: Pagoda's texts never are */
	}
	if (len < 0)
		goto out_free;
	text->len = len;
	file->private_data = text;
	return 0;

out_free:
	kfree(text->buf);
	kfree(text);
	return len;
}

/* proc_contents - the text made at open; reads and kernel_read() copy from it. */
static const char *
proc_contents(struct file *file, size_t *len)
{
	struct proc_text *text = file->private_data;

	*len = text->len;
	return text->buf;
}

/* proc_release - the last close frees the text. */
static void
proc_release(struct file *file)
{
	struct proc_text *text = file->private_data;

	kfree(text->buf);
	kfree(text);
}

/* proc_llseek - SEEK_SET and SEEK_CUR, anywhere from 0 on. */
static loff_t
proc_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base = whence == 1 ? file->f_pos : 0;

	if (whence > 1 || base + offset < 0)
		return -EINVAL; /* seq_file has no SEEK_END either */
	return file->f_pos = base + offset;
}

/* proc_write - the files are read-only text: an open for writing works
 * (every process is root), the write itself fails, as in Linux. */
static ssize_t
proc_write(struct file *file, const char __user *buf, size_t count, loff_t *pos)
{
	return -EIO;
}

static const struct file_operations proc_file_fops = {
	.open = proc_open,
	.write = proc_write,
	.read = mem_file_read,
	.llseek = proc_llseek,
	.release = proc_release,
	.contents = proc_contents,
};

/* proc_exe_link - <pid>/exe: the path the process's program was opened by. */
static int
proc_exe_link(struct inode *inode, char *buf, size_t size)
{
	struct task_struct *task = proc_task(inode);
	const char *path;
	size_t len;

	if (!task || !task->fs || !task->fs->exe_file)
		return -ENOENT;
	path = file_path(task->fs->exe_file);
	len = min(strlen(path), size);
	memcpy(buf, path, len);
	return len;
}

static const struct inode_operations proc_exe_iops = {
	.get_link = proc_exe_link,
};

/* add_entries - a file in @dir for each of @n entries: 0 or -ENOMEM. */
static int
add_entries(struct inode *dir, const struct proc_entry *entries, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct inode *inode =
			new_inode(dir, entries[i].name, strlen(entries[i].name), entries[i].mode);

		if (!inode)
			return -ENOMEM;
		inode->i_fop = &proc_file_fops;
		inode->i_private = (void *)&entries[i];
	}
	return 0;
}

/* add_task_entries - exe, maps and status in the directory @dir of one process. */
static int
add_task_entries(struct inode *dir)
{
	struct inode *exe = new_inode(dir, "exe", 3, S_IFLNK | 0777);

	if (!exe)
		return -ENOMEM;
	exe->i_op = &proc_exe_iops;
	return add_entries(dir, proc_pid_entries, ARRAY_SIZE(proc_pid_entries));
}

/* proc_pid_revalidate - /proc/<pid> is there while its process is. */
static bool
proc_pid_revalidate(struct inode *inode)
{
	return find_task_by_pid((pid_t)(uintptr_t)inode->i_private) != NULL;
}

static const struct inode_operations proc_pid_iops = {
	.revalidate = proc_pid_revalidate,
};

/* parse_pid - @name (@len digits, no leading 0) as a pid, or -1. */
static pid_t
parse_pid(const char *name, size_t len)
{
	pid_t pid = 0;

	if (len == 0 || len > 5 || name[0] == '0')
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return -1;
		pid = pid * 10 + (name[i] - '0');
	}
	return pid < PID_MAX ? pid : -1;
}

/*
 * proc_pid_lookup - /proc/<pid> for a live process: made on first use and
 * kept (its files find the process by pid when opened, so the directory
 * serves again if the pid is reused). Linux makes these per lookup and
 * lists them by walking the task list; Pagoda lists only those made so
 * far whose process is alive.
 */
static struct inode *
proc_pid_lookup(struct inode *proc, const char *name, size_t len)
{
	pid_t pid = parse_pid(name, len);
	struct inode *dir;

	if (pid < 0 || !find_task_by_pid(pid))
		return NULL;
	dir = find_child_any(proc, name, len);
	if (dir)
		return dir; /* made for an earlier process with this pid */
	dir = new_inode(proc, name, len, S_IFDIR | 0555);
	if (!dir)
		return NULL;
	dir->i_op = &proc_pid_iops;
	dir->i_private = (void *)(uintptr_t)pid;
	return add_task_entries(dir) ? NULL : dir;
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_pid_lookup,
};

/* subtree_busy - is a file open on @dir or anything below it? */
static bool
subtree_busy(const struct inode *dir)
{
	if (dir->i_count)
		return true;
	for (const struct inode *c = dir->i_child; c; c = c->i_sibling)
		if (subtree_busy(c))
			return true;
	return false;
}

/* free_subtree - free @dir and everything below it (already unlinked). */
static void
free_subtree(struct inode *dir)
{
	struct inode *c = dir->i_child;

	while (c) {
		struct inode *next = c->i_sibling;

		free_subtree(c);
		c = next;
	}
	kfree((void *)dir->i_path);
	kfree(dir);
}

/*
 * proc_flush_task - the process @pid has been reaped: free its /proc/<pid>
 * directory, unless a file in it is still open (then it stays hidden by
 * revalidate until a later process with the same pid reuses it).
 */
void
proc_flush_task(int pid)
{
	struct inode *proc = find_child(root_inode, "proc", 4), **link;
	char name[16];
	int len = snprintf(name, sizeof(name), "%d", pid);

	if (!proc)
		return;
	for (link = &proc->i_child; *link; link = &(*link)->i_sibling) {
		struct inode *dir = *link;

		if (strncmp(dir->i_name, name, len) != 0 || dir->i_name[len] != '\0')
			continue;
		if (subtree_busy(dir))
			return;
		*link = dir->i_sibling;
		proc->i_nlink--;
		free_subtree(dir);
		return;
	}
}

/* proc_self_link - /proc/self: a link to the caller's /proc/<pid>. */
static int
proc_self_link(struct inode *inode, char *buf, size_t size)
{
	struct task_struct *task = current;
	char pid[16];
	size_t len;

	if (!task)
		return -ENOENT; /* the kernel at boot is no process */
	len = min((size_t)snprintf(pid, sizeof(pid), "%d", task->tgid), size);
	memcpy(buf, pid, len);
	return len;
}

static const struct inode_operations proc_self_iops = {
	.get_link = proc_self_link,
};

/*
 * proc_root_getdents64 - listing /proc: first make sure every live process
 * has its /proc/<pid> directory (lookups make them), so that `ls /proc`
 * and ps see them all, as Linux lists them from its task list.
 */
static int
proc_root_getdents64(struct file *file, void __user *dirp, unsigned int count)
{
	struct list_head *pos;
	char name[16];

	if (file->f_pos == 0) {
		list_for_each(pos, &task_list)
		{
			struct task_struct *task = list_entry(pos, struct task_struct, tasks);

			/* Processes, not their other threads (as Linux lists /proc;
			 * /proc/<tid> still answers a lookup). */
			if (task->pid > 0 && task->pid == task->tgid &&
			    task->__state != EXIT_ZOMBIE && task->__state != EXIT_DEAD) {
				int len = snprintf(name, sizeof(name), "%d", task->pid);

				proc_pid_lookup(file->f_inode, name, (size_t)len);
			}
		}
	}
	return dir_getdents64(file, dirp, count);
}

static const struct file_operations proc_root_fops = {
	.read = dir_read_eisdir,
	.llseek = dir_llseek_entries,
	.getdents64 = proc_root_getdents64,
};

/* proc_root_init - /proc, its files and /proc/self under @root (boot): 0 or -errno. */
int
proc_root_init(struct inode *root)
{
	struct inode *proc = find_child(root, "proc", 4), *self;
	int err;

	if (!proc)
		proc = new_inode(root, "proc", 4, S_IFDIR | 0555);
	if (!proc || !S_ISDIR(proc->i_mode) || find_child(proc, "self", 4))
		return proc ? -EEXIST : -ENOMEM;
	proc->i_op = &proc_root_iops;
	proc->i_fop = &proc_root_fops;
	proc->i_flags &= ~S_RDONLY; /* a file system of its own, not read-only */
	err = add_entries(proc, proc_root_entries, ARRAY_SIZE(proc_root_entries));
	if (err)
		return err;
	self = new_inode(proc, "self", 4, S_IFLNK | 0777);
	if (!self)
		return -ENOMEM;
	self->i_op = &proc_self_iops;
	return 0;
}
