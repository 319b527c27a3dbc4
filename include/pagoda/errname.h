/*
 * include/pagoda/errname.h - the names of error numbers, for messages.
 *
 * A panic or log line that reports an error prints its number and its
 * name, "error -14 (EFAULT)", so that nobody has to look the number up in
 * include/uapi/errno.h. Counterpart: Linux include/linux/errname.h.
 */
#ifndef PAGODA_ERRNAME_H
#define PAGODA_ERRNAME_H

/*
 * errname - the symbolic name of error number @err, as Linux's errname():
 * "EFAULT" for 14, "-EFAULT" for -14, NULL for a number without a name
 * (0 among them). So a line that prints a negative error code prints
 * errname(-err) beside it: "error %d (%s)", err, errname(-err).
 */
const char *errname(int err);

#endif /* PAGODA_ERRNAME_H */
