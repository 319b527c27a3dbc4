/*
 * include/uapi/random.h - getrandom(2) flags, shared by the kernel and libc.
 *
 * Linux's values (include/uapi/linux/random.h).
 */
#ifndef UAPI_RANDOM_H
#define UAPI_RANDOM_H

#define GRND_NONBLOCK 0x0001 /* EAGAIN rather than wait for entropy */
#define GRND_RANDOM   0x0002 /* the (historical) blocking pool */
#define GRND_INSECURE 0x0004 /* never wait, even before the pool is ready */

#endif /* UAPI_RANDOM_H */
