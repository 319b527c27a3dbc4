/*
 * kernel/lib/errname.c - error numbers by name: errname(-14) is "-EFAULT".
 *
 * One table, indexed by the numbers of include/uapi/errno.h (and the
 * kernel-only ERESTART* codes), each name made from its macro's own name,
 * so the table cannot disagree with the header. Panic and log lines that
 * report an error code print the name beside the number.
 *
 * Counterpart: Linux lib/errname.c (CONFIG_SYMBOLIC_ERRNAME, which also
 * backs printk's %pe).
 */
#include <pagoda/kernel.h>
#include <pagoda/printk.h>

#include <uapi/errno.h>

/* "-" #err: the name with its minus sign; errname() skips the sign for a
 * positive number. */
#define E(err) [err] = "-" #err

static const char *const names[] = {
	E(EPERM),
	E(ENOENT),
	E(ESRCH),
	E(EINTR),
	E(EIO),
	E(ENXIO),
	E(E2BIG),
	E(ENOEXEC),
	E(EBADF),
	E(ECHILD),
	E(EAGAIN),
	E(ENOMEM),
	E(EACCES),
	E(EFAULT),
	E(ENOTBLK),
	E(EBUSY),
	E(EEXIST),
	E(EXDEV),
	E(ENODEV),
	E(ENOTDIR),
	E(EISDIR),
	E(EINVAL),
	E(ENFILE),
	E(EMFILE),
	E(ENOTTY),
	E(ETXTBSY),
	E(EFBIG),
	E(ENOSPC),
	E(ESPIPE),
	E(EROFS),
	E(EMLINK),
	E(EPIPE),
	E(EDOM),
	E(ERANGE),
	E(EDEADLK),
	E(ENAMETOOLONG),
	E(ENOLCK),
	E(ENOSYS),
	E(ENOTEMPTY),
	E(ELOOP),
	E(ENODATA),
	E(EOVERFLOW),
	E(EILSEQ),
	E(EOPNOTSUPP),
	E(ETIMEDOUT),
	E(ERESTARTSYS),
	E(ERESTARTNOINTR),
	E(ERESTARTNOHAND),
	E(ERESTART_RESTARTBLOCK),
};

const char *
errname(int err)
{
	unsigned int n = err < 0 ? -(unsigned int)err : (unsigned int)err;
	const char *name = n < ARRAY_SIZE(names) ? names[n] : NULL;

	if (!name)
		return NULL;
	return err > 0 ? name + 1 : name;
}
