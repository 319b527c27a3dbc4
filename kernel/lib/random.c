/*
 * kernel/lib/random.c - random numbers for AT_RANDOM and getrandom().
 *
 * A xorshift64* generator (Vigna, "An experimental exploration of
 * Marsaglia's xorshift generators", 2016) seeded from the TSC at first
 * use. Good enough for stack canaries and hash seeds in a teaching kernel;
 * not cryptographic (Linux's drivers/char/random.c is).
 */
#include <pagoda/arch.h>
#include <pagoda/random.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <uapi/errno.h>
#include <uapi/random.h>

static uint64_t state;

static uint64_t
next_random(void)
{
	if (state == 0)
		state = arch_cycles() | 1;
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return state * 0x2545f4914f6cdd1dULL;
}

void
get_random_bytes(void *buf, size_t len)
{
	uint8_t *p = buf;

	while (len > 0) {
		uint64_t r = next_random();

		for (int i = 0; i < 8 && len > 0; i++, len--, r >>= 8)
			*p++ = (uint8_t)r;
	}
}

SYSCALL_DEFINE3(getrandom, void __user *, buf, size_t, count, unsigned int, flags)
{
	uint8_t chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if (count > 0x7ffff000)
		count = 0x7ffff000; /* Linux's MAX_RW_COUNT */
	while (done < count) {
		size_t n = count - done < sizeof(chunk) ? count - done : sizeof(chunk);

		get_random_bytes(chunk, n);
		if (copy_to_user((char *)buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)done;
}
