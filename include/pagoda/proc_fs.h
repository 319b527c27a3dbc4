/*
 * include/pagoda/proc_fs.h - what other subsystems supply to /proc.
 *
 * /proc files are text made when they are opened (kernel/fs/proc.c). The
 * per-process ones describe an address space, which the memory code
 * knows: it defines the functions below, and until it does, /proc/self/maps
 * is empty and /proc/self/status has no Vm* lines (weak defaults in proc.c).
 *
 * Each function writes at most @size bytes of text (NUL-terminated, as
 * snprintf does) to @buf and returns the length the whole text needs; a
 * result >= @size makes proc.c retry with a bigger buffer.
 *
 * Counterpart: Linux include/linux/proc_fs.h, fs/proc/task_mmu.c.
 */
#ifndef PAGODA_PROC_FS_H
#define PAGODA_PROC_FS_H

#include <pagoda/types.h>

struct task_struct;

/* /proc/<pid>/maps: one line per VMA, in Linux's format (show_map_vma). */
int proc_pid_maps(struct task_struct *task, char *buf, size_t size);

/* The Vm* lines of /proc/<pid>/status (VmPeak, VmSize, ..., VmStk, VmExe):
 * Linux's task_mem(). */
int proc_task_mem(struct task_struct *task, char *buf, size_t size);

/* /proc/vmstat: "name value" per vm_events[] counter (kernel/mm/vmstat.c). */
int proc_vmstat(char *buf, size_t size);

/* The process with @pid, or NULL (kernel/proc/fork.c). /proc/<pid> uses it;
 * until it exists, proc.c's weak default finds only the caller. */
struct task_struct *find_task_by_pid(int pid);

#endif /* PAGODA_PROC_FS_H */
