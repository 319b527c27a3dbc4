/*
 * include/pagoda/proc_mm.h - what /proc shows of an address space
 * (kernel/mm/task_mmu.c). Each writes text into @buf of @size bytes and
 * returns its length.
 */
#ifndef PAGODA_PROC_MM_H
#define PAGODA_PROC_MM_H

#include <pagoda/types.h>

struct task_struct;

int proc_pid_maps_show(struct task_struct *task, char *buf, size_t size);
int proc_pid_status_mm(struct task_struct *task, char *buf, size_t size);

#endif /* PAGODA_PROC_MM_H */
