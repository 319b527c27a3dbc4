/*
 * libc/include/sys/resource.h - resource limits: getrlimit(), setrlimit(),
 * prlimit(); getrusage() (struct rusage: <uapi/resource.h>).
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>
#include <sys/types.h>
#include <uapi/resource.h>
#include <uapi/rusage.h>

typedef uint64_t rlim_t;

int getrlimit(int resource, struct rlimit *rlim);
int setrlimit(int resource, const struct rlimit *rlim);
int prlimit(pid_t pid, int resource, const struct rlimit *new_limit, struct rlimit *old_limit);
int getrusage(int who, struct rusage *usage);

#endif /* _SYS_RESOURCE_H */
