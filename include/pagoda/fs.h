/*
 * include/pagoda/fs.h - files as the rest of the kernel sees them.
 *
 * A process names open files by small integers (file descriptors) that
 * index its struct files_struct; each slot points to a struct file, an
 * open instance with a position and a set of file_operations. Regular
 * files and directories live in the root tmpfs (mm/shmem.c), unpacked at boot
 * from the cpio archive GRUB loaded (kernel/fs/initramfs.c); the console
 * and pipes are files too; /proc files are generated when read.
 *
 * Used by: exec (open and read the program), the page-fault handler (read
 * the page of a file-backed mapping), fork and exit (share or drop the
 * descriptor table).
 *
 * Counterpart: Linux include/linux/fs.h, include/linux/fdtable.h.
 */
#ifndef PAGODA_FS_H
#define PAGODA_FS_H

#include <pagoda/err.h>
#include <pagoda/list.h>
#include <pagoda/radix-tree.h>
#include <pagoda/types.h>
#include <pagoda/uaccess.h>

#include <uapi/limits.h> /* PATH_MAX, NAME_MAX */

typedef long long loff_t;
typedef unsigned int umode_t;

#define MAX_LFS_FILESIZE 0x7fffffffffffffffLL /* the largest file size (Linux: LLONG_MAX) */

struct address_space;
struct file;
struct inode;
struct page;
struct task_struct;
struct vm_area_struct;

/*
 * What a file system does for the page cache (mm/filemap.c): bring a page
 * of a file into memory, write one back, note that one was written. tmpfs
 * (mm/shmem.c) keeps its pages only in the cache; a disk file system
 * reads and writes its blocks here.
 */
struct address_space_operations {
	/* read_folio - fill the new, locked cache page @page (page->index)
	 * of @file's data; unlock it. 0 or -errno. (Linux passes a folio,
	 * a group of pages; Pagoda's folios are single pages.) */
	int (*read_folio)(struct file *file, struct page *page);
	/* writepage - write the dirty page @page back to its file's store
	 * and clear PG_dirty: 0 or -errno. NULL: nothing to write to. */
	int (*writepage)(struct page *page);
	/* dirty_folio - mark @page of @mapping dirty: true if it was clean. */
	bool (*dirty_folio)(struct address_space *mapping, struct page *page);
};

/*
 * address_space - the page cache of one file: its pages by page offset,
 * and the VMAs that map it. Every field: one CPU (Linux: i_pages has its
 * own spinlock, i_mmap the i_mmap_rwsem).
 *
 *	inode --i_mapping--> address_space --i_pages--> page, page, ...
 *	                           ^ i_mmap                 ^
 *	                           |                        | PTEs
 *	                      VMAs (vma->shared) ----------+
 */
struct address_space {
	struct inode *host;			      /* the file it caches */
	struct radix_tree_root i_pages;		      /* struct page * by page->index */
	unsigned long nrpages;			      /* pages in i_pages */
	const struct address_space_operations *a_ops; /* the file system's */
	struct list_head i_mmap;		      /* VMAs mapping the file (vma->shared) */
};

struct file_operations {
	/* open - set up @file for @inode (optional): 0 or -errno. */
	int (*open)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, char __user *buf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *file, const char __user *buf, size_t count, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*getdents64)(struct file *file, void __user *dirp, unsigned int count);
	void (*release)(struct file *file); /* the last reference is gone */
	/* contents - the file's bytes when they sit in kernel memory (initramfs
	 * files, generated /proc text), *@len set to their length; NULL for
	 * streams. kernel_read() and file-backed mappings use it. */
	const char *(*contents)(struct file *file, size_t *len);
	/* mmap - may @file back @vma (0 or -errno)? Without it, mmap() of
	 * the file fails with ENODEV (pipes, ttys, directories, /proc). */
	int (*mmap)(struct file *file, struct vm_area_struct *vma);
	/* fsync - write @file's data (and with !@datasync its times) to
	 * its store: 0 or -errno. Without it, fsync is EINVAL. */
	int (*fsync)(struct file *file, int datasync);
	/* fallocate - give the file pages for [@offset, @offset + @len)
	 * (bytes), growing it unless FALLOC_FL_KEEP_SIZE: 0 or -errno. */
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	/* poll - what @file is ready for now: POLLIN, POLLOUT, POLLHUP, ...
	 * (<uapi/poll.h>). Without it, a file is always ready (select.c). */
	unsigned int (*poll)(struct file *file);
};

/*
 * A mounted file system, as much of it as Pagoda has: tmpfs (mm/shmem.c)
 * is the only one whose inodes have one; /proc, /dev nodes and pipes
 * have none (i_sb NULL).
 */
struct super_operations {
	/* evict_inode - @inode has no name and no user left: free its data. */
	void (*evict_inode)(struct inode *inode);
};

struct super_block {
	unsigned long s_magic;		     /* statfs f_type: TMPFS_MAGIC */
	const struct super_operations *s_op; /* what it does for its inodes */
	void *s_fs_info;		     /* its own data (tmpfs: struct shmem_sb_info) */
};

/* What setattr changes (Linux's struct iattr, as much as Pagoda uses). */
struct iattr {
	unsigned int ia_valid; /* ATTR_SIZE: which fields below are set */
	loff_t ia_size;	       /* the new size in bytes */
};

#define ATTR_SIZE 0x8 /* ia_size is set (Linux's value) */

/* What only some kinds of inode can do. */
struct inode_operations {
	/* setattr - change what @attr says (truncate: the size): 0 or -errno. */
	int (*setattr)(struct inode *inode, struct iattr *attr);
	/* get_link - write a symbolic link's target (not NUL-terminated) to
	 * @buf of @size bytes; its length, or -errno. */
	int (*get_link)(struct inode *inode, char *buf, size_t size);
	/* lookup - a directory's entry that is made on demand (/proc/<pid>)
	 * when no entry @name (@len bytes) exists yet; NULL if none. */
	struct inode *(*lookup)(struct inode *dir, const char *name, size_t len);
	/* revalidate - is this entry still there (its process alive)? An
	 * entry that is not is neither found nor listed. */
	bool (*revalidate)(struct inode *inode);
};

/*
 * A file system object: a directory, regular file, symbolic link or
 * device. Linux keeps the name (struct dentry) apart from the object
 * (struct inode) because one object may have many names; Pagoda's trees
 * have no hard links, so one struct holds both, and the directory tree is
 * the i_parent/i_child/i_sibling links. An inode removed from the tree
 * (i_nlink 0) lives on while i_count says it is used (kernel/fs/inode.c).
 */
struct inode {
	umode_t i_mode;			     /* S_IF* type and permission bits */
	unsigned int i_uid;		     /* owner (user id) */
	unsigned int i_gid;		     /* group (group id) */
	unsigned int i_flags;		     /* S_RDONLY */
	unsigned long i_ino;		     /* inode number, as stat shows it */
	unsigned int i_nlink;		     /* names: 1, or 2 + subdirectories; 0 removed */
	uint64_t i_rdev;		     /* device number (character devices) */
	loff_t i_size;			     /* bytes of a file or link target */
	int64_t i_mtime;		     /* modification time, seconds */
	const char *i_link;		     /* a symbolic link's target (not NUL-ended) */
	const char *i_path;		     /* absolute path, "/bin/sh" ("/" for the root) */
	const char *i_name;		     /* last component of i_path ("sh") */
	struct inode *i_parent;		     /* containing directory (root: itself) */
	struct inode *i_child;		     /* first entry of a directory */
	struct inode *i_sibling;	     /* next entry in the parent directory */
	const struct file_operations *i_fop; /* how an open of it behaves */
	const struct inode_operations *i_op; /* NULL: nothing special */
	void *i_private;		     /* the kind's own data (/proc: show function) */
	int i_count;			     /* users: open files, working directories */
	struct super_block *i_sb;	     /* its file system, or NULL */
	struct address_space i_data;	     /* its page cache (regular files) */
	struct address_space *i_mapping;     /* &i_data, or NULL: no page cache */
};

/* i_flags: on a read-only file system (the initramfs), as Linux's
 * IS_RDONLY() says of an inode on a read-only mount. New entries inherit
 * it from their directory; /dev and /proc are writable places in it. */
#define S_RDONLY     0x1
/* i_flags: i_link was allocated by symlink() and dies with the inode
 * (the initramfs's links point into the archive instead). */
#define S_LINK_ALLOC 0x2

/* An open file. */
struct file {
	const struct file_operations *f_op;
	struct inode *f_inode; /* what is open (each pipe has an inode of its own) */
	loff_t f_pos;	       /* where the next read or write goes */
	unsigned int f_flags;  /* O_RDONLY, O_WRONLY, O_RDWR, O_APPEND, ... */
	int f_count;	       /* references: descriptors, mappings, exec */
	void *private_data;    /* the file kind's own state */
};

#define NR_OPEN_DEFAULT 64 /* descriptors per process */

/* A process's descriptor table; fork copies it, threads would share it. */
struct files_struct {
	int count;			  /* tasks using this table */
	struct file *fd[NR_OPEN_DEFAULT]; /* NULL: descriptor not open */
	uint64_t close_on_exec;		  /* bit n: close fd n on execve */
};

/* fs_init - unpack the initramfs (a cpio "newc" archive) at boot. */
int fs_init(const void *initramfs, size_t len);

/* filp_open - open @path (absolute, or relative to the caller's working
 * directory) for the kernel: a file, or an ERR_PTR-style negative errno
 * cast to a pointer (IS_ERR()). */
struct file *filp_open(const char *path, int flags, umode_t mode);

/* open_exec - open @path (a kernel string) as a program for execve: the
 * file, or ERR_PTR(-ENOENT, -ENOTDIR, -ELOOP, ...), or -EACCES when it is
 * not a regular file or has no execute bit (Linux's do_open_execat). */
struct file *open_exec(const char *path);

/* kernel_read - read from @file at *@pos into kernel memory @buf. */
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);

/* One reference more or less; the last fput releases the file. */
struct file *get_file(struct file *file);
void fput(struct file *file);

/* file_ino - the inode number of the file behind @file (0 for none). */
unsigned long file_ino(const struct file *file);

/* file_path - the absolute path a file was opened by ("/bin/sh"), or "". */
const char *file_path(const struct file *file);

/* The size in bytes of the file behind @file (0 for devices, pipes). */
loff_t file_size(const struct file *file);

/* Descriptor tables: the first process's (fd 0, 1, 2 on the console; with
 * init_stdin=, a file as fd 0), a copy for fork, dropping one at exit,
 * closing O_CLOEXEC ones at exec. */
struct files_struct *files_init_console(void);
void files_init_stdin(struct files_struct *files, struct file *file);
struct files_struct *dup_files(struct files_struct *files);
void put_files(struct files_struct *files);
void do_close_on_exec(struct files_struct *files);

/* struct fs_struct: the working directory, copied by fork. */
struct fs_struct;
struct fs_struct *fs_struct_init(void);
struct fs_struct *copy_fs_struct(struct fs_struct *fs);
void put_fs_struct(struct fs_struct *fs);
struct fs_struct *get_fs_struct(struct fs_struct *fs); /* clone(CLONE_FS): share it */
/* init_chdir - the kernel's chdir on a kernel string (init_cwd=): 0 or -Exxx. */
int init_chdir(const char *filename);

/*
 * set_task_exe_file - record @file (NULL to forget) as the program @task
 * runs, for readlink("/proc/self/exe"); takes its own reference. Called by
 * execve once the new program is committed. Linux keeps it in
 * mm->exe_file; Pagoda keeps it in the fs_struct, which fork copies.
 */
void set_task_exe_file(struct task_struct *task, struct file *file);

/* Linux's two-step install on the current task: reserve the lowest free
 * descriptor (-EMFILE if none; O_CLOEXEC in @flags), then put @file there,
 * handing over the caller's reference. put_unused_fd gives one back. */
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *file);
void put_unused_fd(unsigned int fd);

/* proc_flush_task - forget /proc/@pid once its process is reaped. */
void proc_flush_task(int pid);

/* fget - descriptor @fd of the current task with a reference taken (fput
 * it), or NULL when @fd is not open. */
struct file *fget(int fd);

#endif /* PAGODA_FS_H */
