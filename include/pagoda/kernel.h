/*
 * include/pagoda/kernel.h - small helpers every kernel file uses, and the
 * kernel's way of stopping: panic() and BUG_ON().
 *
 * panic() is only for broken kernel invariants, never for bad input from
 * user space (STYLE.md, Errors). It prints the message, file:line and a
 * backtrace, then stops the machine; in a QEMU test run it exits QEMU at
 * once with a failure status (kernel/lib/panic.c).
 */
#ifndef PAGODA_KERNEL_H
#define PAGODA_KERNEL_H

#include <pagoda/compiler.h>
#include <pagoda/types.h>

#define ARRAY_SIZE(a)			(sizeof(a) / sizeof((a)[0]))

#define min(a, b)			((a) < (b) ? (a) : (b))
#define max(a, b)			((a) > (b) ? (a) : (b))

/* clang-format off: it takes "(a) - 1" in these for a cast and squeezes it. */
/* Round x up or down to a multiple of a, a power of two. */
#define ALIGN_UP(x, a)			(((x) + ((a)-1)) & ~((__typeof__(x))(a)-1))
#define ALIGN_DOWN(x, a)		((x) & ~((__typeof__(x))(a)-1))
#define IS_ALIGNED(x, a)		(((x) & ((__typeof__(x))(a)-1)) == 0)

#define DIV_ROUND_UP(n, d)		(((n) + (d)-1) / (d))

#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))
/* clang-format on */

#define KiB				(1024UL)
#define MiB				(1024UL * KiB)
#define GiB				(1024UL * MiB)

/*
 * panic_at - report a fatal kernel error and stop. @file and @line name the
 * caller; use the panic() macro, which fills them in.
 */
__noreturn __printf(3, 4) void panic_at(const char *file, int line, const char *fmt, ...);

/* True while an exception report is being printed (it shows the trace). */
extern bool oops_in_progress;

#define panic(...) panic_at(__FILE__, __LINE__, __VA_ARGS__)

#define BUG()	   panic("BUG!")
#define BUG_ON(cond)                                                                               \
	do {                                                                                       \
		if (unlikely(cond))                                                                \
			panic("BUG_ON(%s) failed", #cond);                                         \
	} while (0)

/*
 * LAB_TODO - the first line of every function a lab's student tree leaves
 * for the student to write (tools/lab.py puts it there; the solution tree
 * never calls it). Its first call logs "lab LAB: FUNC() is not written yet
 * (FILE)", so a boot or a grade that fails names what is missing.
 */
void lab_todo(const char *lab, const char *func, const char *file);
#define LAB_TODO(lab)                                                                              \
	do {                                                                                       \
		static bool lab_todo_said_;                                                        \
		if (!lab_todo_said_) {                                                             \
			lab_todo_said_ = true;                                                     \
			lab_todo(lab, __func__, __FILE__);                                         \
		}                                                                                  \
	} while (0)

/* Checked when the file is compiled; costs nothing at run time. */
#define static_assert _Static_assert

#endif /* PAGODA_KERNEL_H */
