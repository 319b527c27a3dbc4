/*
 * include/pagoda/random.h - random bytes for AT_RANDOM and getrandom().
 */
#ifndef PAGODA_RANDOM_H
#define PAGODA_RANDOM_H

#include <pagoda/types.h>

/* get_random_bytes - @len bytes from the kernel's generator (kernel/lib/random.c). */
void get_random_bytes(void *buf, size_t len);

#endif /* PAGODA_RANDOM_H */
