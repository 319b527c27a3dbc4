/*
 * include/pagoda/compiler.h - compiler attributes with readable names.
 */
#ifndef PAGODA_COMPILER_H
#define PAGODA_COMPILER_H

#define __noreturn	 __attribute__((noreturn))
#define __noinline	 __attribute__((noinline))
#define __packed	 __attribute__((packed))
#define __aligned(n)	 __attribute__((aligned(n)))
#define __section(s)	 __attribute__((section(s)))
#define __printf(a, b)	 __attribute__((format(printf, a, b)))
#define __used		 __attribute__((used))
#define __unused	 __attribute__((unused))

#define likely(x)	 __builtin_expect(!!(x), 1)
#define unlikely(x)	 __builtin_expect(!!(x), 0)

/* Stops the compiler from caching memory values across this point. */
#define barrier()	 __asm__ __volatile__("" ::: "memory")

#define READ_ONCE(x)	 (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif /* PAGODA_COMPILER_H */
