/*
 * libc/include/sys/sysinfo.h - sysinfo(): uptime, memory and the number of
 * processes (Linux's struct sysinfo; sizes in mem_unit bytes).
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

struct sysinfo {
	long uptime;		 /* seconds since boot */
	unsigned long loads[3];	 /* load averages (Pagoda: 0) */
	unsigned long totalram;	 /* usable memory */
	unsigned long freeram;	 /* free memory */
	unsigned long sharedram; /* Pagoda: 0 */
	unsigned long bufferram; /* Pagoda: 0 */
	unsigned long totalswap; /* no swap: 0 */
	unsigned long freeswap;
	unsigned short procs; /* processes */
	unsigned short pad;
	unsigned long totalhigh; /* no high memory on x86-64: 0 */
	unsigned long freehigh;
	unsigned int mem_unit; /* the unit of the sizes, in bytes */
	char _f[4];
};

int sysinfo(struct sysinfo *info);

#endif /* _SYS_SYSINFO_H */
