/*
 * kernel/fs/internal.h - what the files of kernel/fs/ share among themselves.
 *
 * The rest of the kernel sees include/pagoda/fs.h; this header adds the
 * pieces one part of the file layer offers another: the inode tree
 * (initramfs.c), path lookup (namei.c), descriptor tables (file.c) and the
 * functions the system calls are built from, each taking its descriptor
 * table or start directory as an argument so that host tests and boot
 * self-tests can call them without a process.
 *
 * Counterpart: Linux fs/internal.h.
 */
#ifndef KERNEL_FS_INTERNAL_H
#define KERNEL_FS_INTERNAL_H

#include <pagoda/fs.h>

#include <uapi/stat.h>

/* The working directory, and the program being run (readlink /proc/self/exe). */
struct fs_struct {
	int users;	       /* tasks sharing it (fork copies, so 1) */
	struct inode *pwd;     /* working directory */
	struct file *exe_file; /* the program execve opened, or NULL */
	umode_t umask;	       /* permissions a new file would not get (umask) */
};

/* ---- initramfs.c: the inode tree ---- */

/* The root directory "/"; NULL until fs_init() or initramfs_unpack(). */
extern struct inode *root_inode;

/* initramfs_unpack - build the tree from a newc archive: 0 or -EINVAL/-ENOMEM. */
int initramfs_unpack(const void *archive, size_t len);

/* initramfs_free - drop the whole tree (host tests unpack many archives). */
void initramfs_free(void);

/* new_inode - a child @name of @dir with @mode, or NULL when out of memory. */
struct inode *new_inode(struct inode *dir, const char *name, size_t name_len, umode_t mode);

/* find_child - the entry @name (@len bytes) of directory @dir, or NULL. */
struct inode *find_child(const struct inode *dir, const char *name, size_t len);

/* find_child_any - the same, even if the entry is no longer valid. */
struct inode *find_child_any(const struct inode *dir, const char *name, size_t len);

/* inode_valid - false for an entry whose object is gone (i_op->revalidate). */
bool inode_valid(struct inode *inode);

/* ---- inode.c: an inode's life ---- */

/* ihold/iput - a user of @inode more or less; the last iput of a removed inode frees it. */
void ihold(struct inode *inode);
void iput(struct inode *inode);

/* inode_set_path - name @inode @name (@len bytes) in @dir (NULL: the root); 0 or -ENOMEM. */
int inode_set_path(struct inode *inode, struct inode *dir, const char *name, size_t len);

/* attach_child - add @inode to directory @dir's entries (its name is set). */
void attach_child(struct inode *dir, struct inode *inode);

/* inode_move - rename @inode to @name in @new_dir: 0 or -ENOMEM. */
int inode_move(struct inode *inode, struct inode *new_dir, const char *name, size_t len);

/* inode_remove - unlink/rmdir @inode from its directory; it dies when unused. */
void inode_remove(struct inode *inode);

/* ---- namei.c: path lookup ---- */

#define LOOKUP_FOLLOW	 0x1 /* follow a symbolic link in the last component */
#define LOOKUP_DIRECTORY 0x2 /* the result must be a directory */

/* path_lookupat - resolve kernel string @path from @start (NULL: root): 0, *@res set, or -errno. */
int path_lookupat(struct inode *start, const char *path, unsigned int flags, struct inode **res);

/* The last component of a path, as path_parentat leaves it. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

struct path_last {
	struct inode *dir; /* the directory it is in */
	const char *name;  /* the last component, not NUL-ended */
	size_t len;	   /* its bytes */
	int type;	   /* LAST_NORM, or "/", ".", ".." */
	bool slash;	   /* the path ended in '/' */
};

/* path_parentat - resolve @path but its last component: 0 and @last, or -errno. */
int path_parentat(struct inode *start, const char *path, struct path_last *last);

/* user_path_parent - getname(@filename) and path_parentat from @dfd; *@name
 * is the copy (kfree it, also on error when not an ERR_PTR). */
int user_path_parent(int dfd, const char __user *filename, char **name, struct path_last *last);

/* inode_readlink - a symlink's target into @buf (no NUL): its length or -EINVAL. */
int inode_readlink(struct inode *inode, char *buf, size_t size);

/* getname - copy a user path into a new PATH_MAX buffer; kfree() it. ERR_PTR on error. */
char *getname(const char __user *filename);

/* user_path_at - look up user string @filename relative to @dfd (AT_FDCWD or a
 * directory descriptor); AT_EMPTY_PATH in @at_flags allows "" meaning @dfd. */
int user_path_at(int dfd, const char __user *filename, unsigned int lookup_flags,
		 unsigned int at_flags, struct inode **res);

/* The working directory of the running task (the root at boot). */
struct inode *current_pwd(void);

/* ---- permission.c: may the caller do it? ---- */

/* What a permission check asks for (Linux's MAY_* bits). */
#define MAY_EXEC     0x01 /* run a file, search a directory */
#define MAY_WRITE    0x02
#define MAY_READ     0x04
#define MAY_APPEND   0x08
#define MAY_ACCESS   0x10 /* from access(): no side effects */
#define MAY_OPEN     0x20 /* from open() */
#define MAY_CHDIR    0x40 /* from chdir() */

/* execve's own open: asks MAY_EXEC, not MAY_READ (Linux's __FMODE_EXEC, an
 * open flag no user may pass: do_sys_openat clears it). */
#define __FMODE_EXEC 0x20

/* generic_permission - @mask (MAY_*) against @inode's mode bits for the
 * caller's fsuid/fsgid/groups, root's overrides included: 0 or -EACCES. */
int generic_permission(const struct inode *inode, int mask);

/* inode_permission - -EROFS for writing a read-only file system's file,
 * else generic_permission. Every permission check comes here. */
int inode_permission(const struct inode *inode, int mask);

/* open_acc_mode - the MAY_* an open with O_* @flags asks for. */
int open_acc_mode(int flags);

/* inode_owner_or_capable - is the caller @inode's owner, or CAP_FOWNER (root)? */
bool inode_owner_or_capable(const struct inode *inode);

/*
 * may_delete - may the caller remove (unlink, rmdir; rename away) the entry
 * @victim of directory @dir? @isdir: for rmdir. 0, or -EACCES/-EROFS (no
 * write or search permission on @dir), -EPERM (sticky @dir, as /tmp: only
 * the owner of @victim or of @dir, or root, may), -ENOTDIR, -EISDIR, -EBUSY.
 * rename calls it for the old name and, if it exists, the name replaced.
 */
int may_delete(const struct inode *dir, const struct inode *victim, bool isdir);

/* may_create - may the caller add a name to @dir? 0, -EACCES or -EROFS. */
int may_create(const struct inode *dir);

/* inode_init_owner - make a new inode @inode in @dir the caller's, with @mode. */
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);

/* ---- attr.c: chmod and chown ---- */

/* chmod_common - set @inode's permission bits to @mode: 0, -EROFS, -EPERM. */
int chmod_common(struct inode *inode, umode_t mode);

/* chown_common - set @inode's owner and group (-1: unchanged): 0, -EROFS, -EPERM. */
int chown_common(struct inode *inode, unsigned int uid, unsigned int gid);

/* ---- file.c: struct file and descriptor tables ---- */

/* alloc_file - a new struct file on @inode with one reference, or NULL. */
struct file *alloc_file(struct inode *inode, const struct file_operations *fop, unsigned int flags);

/* alloc_fd - the lowest free descriptor >= @start, installed with @file
 * (the table takes over the caller's reference): fd or -EMFILE. */
int alloc_fd(struct files_struct *files, unsigned int start, struct file *file,
	     unsigned int o_flags);

/* files_lookup - @fd's file in @files without a new reference, or NULL. */
struct file *files_lookup(struct files_struct *files, int fd);

/* close_fd - close @fd in @files: 0 or -EBADF. */
int close_fd(struct files_struct *files, unsigned int fd);

/* do_dup2 - make @newfd refer to @oldfd's file (dup3 semantics for @flags). */
int do_dup2(struct files_struct *files, unsigned int oldfd, unsigned int newfd, unsigned int flags);

/* alloc_files - an empty descriptor table, or NULL. */
struct files_struct *alloc_files(void);

/* The running task's table (NULL at boot, before the first process). */
struct files_struct *current_files(void);

/* ---- fcntl.c ---- */

/* do_fcntl - fcntl's command @cmd on @fd of @files: a result or -errno. */
long do_fcntl(struct files_struct *files, unsigned int fd, unsigned int cmd, unsigned long arg);

/* ---- read_write.c ---- */

/* simple_read_from_buffer - copy to user @to from @from[*@pos..@available). */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *pos, const void *from,
				size_t available);

/* mem_file_read - read for files whose f_op->contents gives their bytes. */
ssize_t mem_file_read(struct file *file, char __user *buf, size_t count, loff_t *pos);

/* generic_file_llseek - lseek for files with a size (initramfs, /proc). */
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);

/* ---- open.c ---- */

/* do_filp_open - open kernel path @path from @start (@mode: O_CREAT's): a file or ERR_PTR. */
struct file *do_filp_open(struct inode *start, const char *path, int flags, umode_t mode);

/* current_umask - the caller's umask (0022 at boot). */
umode_t current_umask(void);

/* The fallocate modes vfs_fallocate passes to the file system. */
#define FALLOC_FL_SUPPORTED FALLOC_FL_KEEP_SIZE

/* noop_fsync - f_op->fsync of files that live in memory only (tmpfs). */
int noop_fsync(struct file *file, int datasync);

/* do_truncate - set regular file @inode's size to @length: 0 or -errno. */
int do_truncate(struct inode *inode, loff_t length);

/* vfs_open - a struct file for @inode opened with @flags: file or ERR_PTR. */
struct file *vfs_open(struct inode *inode, int flags);

/* ---- stat.c ---- */

/* generic_fillattr - the stat of @inode, in Linux's x86-64 layout. */
void generic_fillattr(const struct inode *inode, struct stat *st);

/* ---- readdir.c ---- */

/* dcache_readdir-style listing of a directory inode into a user buffer. */
int dir_getdents64(struct file *file, void __user *dirp, unsigned int count);
ssize_t dir_read_eisdir(struct file *file, char __user *buf, size_t count, loff_t *pos);
loff_t dir_llseek_entries(struct file *file, loff_t offset, int whence);

/* Directories' file operations (readdir.c). */
extern const struct file_operations dir_fops;

/* ---- pipe.c ---- */

/* create_pipe_files - a pipe's two ends: res[0] reads, res[1] writes. */
int create_pipe_files(struct file *res[2], unsigned int flags);

/* do_pipe2 - pipe2() on the table @files: 0 and @fd[0..1] set, or -errno. */
int do_pipe2(struct files_struct *files, int fd[2], int flags);

/* ---- tty.c: the console terminal ---- */

/* The console's file operations (/dev/console, /dev/tty, /dev/ttyS0). */
extern const struct file_operations tty_fops;

/* ---- dev.c: device nodes ---- */

/* devices_init - /dev with the console nodes and /dev/null: 0 or -ENOMEM. */
int devices_init(struct inode *root);

/* console_inode - /dev/console (a static inode if /dev could not be made). */
struct inode *console_inode(void);

/* ---- mem.c: the memory devices ---- */

/* /dev/zero, /dev/full, /dev/random and /dev/urandom's file operations. */
extern const struct file_operations zero_fops;
extern const struct file_operations full_fops;
extern const struct file_operations random_fops;

/* ---- proc.c ---- */

/* proc_root_init - create /proc under @root: 0 or -ENOMEM. */
int proc_root_init(struct inode *root);

#endif /* KERNEL_FS_INTERNAL_H */
