/*
 * libc/include/unistd.h - the POSIX system-call wrappers: files,
 * processes, the program break.
 *
 * Each wrapper makes one Linux x86-64 system call (libc/src/); on failure
 * it sets errno and returns -1.
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO  0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET      0 /* lseek(): from the start */
#define SEEK_CUR      1 /* from the current offset */
#define SEEK_END      2 /* from the end of the file */

/* access() modes */
#define F_OK	      0
#define X_OK	      1
#define W_OK	      2
#define R_OK	      4

extern char **environ;

ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
ssize_t pread(int fd, void *buf, size_t count, off_t offset);
ssize_t pread64(int fd, void *buf, size_t count, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int oldfd);
int dup2(int oldfd, int newfd);
int pipe(int pipefd[2]);
int isatty(int fd);
ssize_t readlink(const char *path, char *buf, size_t size);
int unlink(const char *path);
int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
int chown(const char *path, uid_t owner, gid_t group);
int fchown(int fd, uid_t owner, gid_t group);
int lchown(const char *path, uid_t owner, gid_t group);
int fchownat(int dirfd, const char *path, uid_t owner, gid_t group, int flags);
int chdir(const char *path);
char *getcwd(char *buf, size_t size);

int rmdir(const char *path);
int link(const char *oldpath, const char *newpath);
int symlink(const char *target, const char *linkpath);
int truncate(const char *path, off_t length);
int ftruncate(int fd, off_t length);
int fsync(int fd);

int brk(void *addr);
void *sbrk(long increment);

pid_t fork(void);
int execve(const char *path, char *const argv[], char *const envp[]);
int execv(const char *path, char *const argv[]);
int execvp(const char *file, char *const argv[]);
void _exit(int status) __attribute__((__noreturn__));
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int seteuid(uid_t euid);
int setegid(gid_t egid);
int setreuid(uid_t ruid, uid_t euid);
int setregid(gid_t rgid, gid_t egid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int getgroups(int size, gid_t list[]);

pid_t gettid(void);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t setsid(void);

unsigned int sleep(unsigned int seconds);
unsigned int alarm(unsigned int seconds);
int pause(void);

/* getopt(): see libc/src/unistd/getopt.c */
extern char *optarg;
extern int optind, opterr, optopt;
int getopt(int argc, char *const argv[], const char *optstring);
long sysconf(int name);
int getpagesize(void);

/* sysconf() names (glibc's values) */
#define _SC_CLK_TCK   2
#define _SC_OPEN_MAX  4
#define _SC_PAGESIZE  30
#define _SC_PAGE_SIZE _SC_PAGESIZE

long syscall(long number, ...);

#endif /* _UNISTD_H */
