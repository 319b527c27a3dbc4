/*
 * kernel/arch/x86_64/signal.c - running a user signal handler, and coming
 * back from it.
 *
 * To run a handler, the kernel pushes a struct rt_sigframe on the user
 * stack: the interrupted registers (a struct ucontext), the FPU/SSE state,
 * a siginfo, and as its first word the return address -- the C library's
 * restorer, which calls rt_sigreturn. It then points the saved registers
 * at the handler: RIP = handler, RDI = signal, RSI = &info, RDX = &uc,
 * RSP = the frame. When the handler returns, the restorer's rt_sigreturn
 * reloads everything from the frame, and the interrupted code carries on
 * as if nothing happened. The layout is Linux's, so a C library's
 * ucontext_t reads it (arch/x86/include/uapi/asm/sigcontext.h, ucontext.h).
 *
 *   higher   | interrupted stack ...   |
 *            | 128-byte red zone       |  (the psABI lets leaf code use it)
 *            | FPU state (fxsave, 512) |  64-byte aligned
 *            | struct rt_sigframe      |
 *   RSP ->   |   pretcode = restorer   |  RSP + 8 is 16-byte aligned, as
 *                                         after a call instruction
 *
 * Counterpart: Linux arch/x86/kernel/signal.c.
 */
#include <pagoda/kernel.h>
#include <pagoda/sched.h>
#include <pagoda/signal.h>
#include <pagoda/string.h>
#include <pagoda/syscalls.h>
#include <pagoda/uaccess.h>

#include <asm/processor.h>
#include <asm/segment.h>

#include <uapi/errno.h>

#include "internal.h"

/* The saved registers, Linux's struct sigcontext for x86-64. */
struct sigcontext_64 {
	uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
	uint64_t rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	uint64_t eflags;
	uint16_t cs, gs, fs, ss;
	uint64_t err, trapno, oldmask, cr2;
	uint64_t fpstate; /* user address of the fxsave area */
	uint64_t reserved1[8];
};

struct ucontext_64 {
	uint64_t uc_flags;
	uint64_t uc_link;
	struct user_stack uc_stack; /* the alternate stack when the signal came */
	struct sigcontext_64 uc_mcontext;
	uint64_t uc_sigmask; /* the mask to restore */
};

/* siginfo: 128 bytes; the first fields and the fault address. */
struct siginfo_64 {
	int32_t si_signo;
	int32_t si_errno;
	int32_t si_code;
	int32_t pad;
	uint64_t si_addr; /* faults: the address; kill: sender pid and uid */
	uint8_t rest[104];
};

struct rt_sigframe {
	uint64_t pretcode; /* where the handler returns: the restorer */
	struct ucontext_64 uc;
	struct siginfo_64 info;
};

static_assert(sizeof(struct siginfo_64) == 128, "siginfo is 128 bytes");

#define RED_ZONE     128
#define FPSTATE_SIZE 512
/* RFLAGS bits a handler or sigreturn may set: CF PF AF ZF SF TF DF OF AC RF. */
#define FIX_EFLAGS   0x40dd5UL

static void
save_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *regs, uint64_t fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = regs->r8, sc->r9 = regs->r9, sc->r10 = regs->r10, sc->r11 = regs->r11;
	sc->r12 = regs->r12, sc->r13 = regs->r13, sc->r14 = regs->r14, sc->r15 = regs->r15;
	sc->rdi = regs->rdi, sc->rsi = regs->rsi, sc->rbp = regs->rbp, sc->rbx = regs->rbx;
	sc->rdx = regs->rdx, sc->rax = regs->rax, sc->rcx = regs->rcx, sc->rsp = regs->rsp;
	sc->rip = regs->rip;
	sc->eflags = regs->eflags;
	sc->cs = (uint16_t)regs->cs;
	sc->ss = (uint16_t)regs->ss;
	sc->oldmask = sigmask_to_save();
	sc->fpstate = fpstate;
}

/*
 * setup_rt_frame - build the frame for signal @sig with action @ka and
 * point @regs at the handler. With SA_ONSTACK and an alternate stack
 * (sigaltstack) that the task is not already on, the frame goes at the
 * top of that stack instead, so a handler can run after the stack
 * overflowed. Returns 0, or -EFAULT if the frame cannot
 * be written (the caller then kills the task with SIGSEGV).
 */
int
setup_rt_frame(int sig, const struct k_sigaction *ka, struct pt_regs *regs, uint64_t addr)
{
	unsigned long top = regs->rsp - RED_ZONE;

	if ((ka->sa_flags & SA_ONSTACK) && sas_ss_flags(regs->rsp) == 0)
		top = current->sas_ss_sp + current->sas_ss_size;

	unsigned long fp = ALIGN_DOWN(top - FPSTATE_SIZE, 64);
	unsigned long sp = ALIGN_DOWN(fp - sizeof(struct rt_sigframe), 16) - 8;
	struct rt_sigframe frame;

	if (!(ka->sa_flags & SA_RESTORER))
		return -EFAULT; /* x86-64 has no kernel-provided return path */
	arch_fpu_save(current->thread.fxsave);
	if (copy_to_user((void *)fp, current->thread.fxsave, FPSTATE_SIZE))
		return -EFAULT;
	memset(&frame, 0, sizeof(frame));
	frame.pretcode = ka->sa_restorer;
	save_sigcontext(&frame.uc.uc_mcontext, regs, fp);
	frame.uc.uc_stack.ss_sp = current->sas_ss_sp; /* as Linux: the flags as given */
	frame.uc.uc_stack.ss_size = current->sas_ss_size;
	frame.uc.uc_stack.ss_flags =
		current->sas_ss_size ? (int32_t)current->sas_ss_flags : SS_DISABLE;
	frame.uc.uc_sigmask = sigmask_to_save();
	frame.info.si_signo = sig;
	frame.info.si_code = addr ? 1 : 0; /* SEGV_MAPERR-like for faults, SI_USER */
	frame.info.si_addr = addr;
	if (copy_to_user((void *)sp, &frame, sizeof(frame)))
		return -EFAULT;
	if (current->sas_ss_flags & SS_AUTODISARM)
		current->sas_ss_sp = current->sas_ss_size = current->sas_ss_flags =
			0; /* until sigreturn */
	regs->rdi = sig;
	regs->rsi = sp + offsetof(struct rt_sigframe, info);
	regs->rdx = sp + offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = sp;
	regs->rip = ka->sa_handler;
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->eflags &= ~(X86_EFLAGS_TF | (1UL << 10)); /* no single-step, DF clear */
	arch_fpu_reset();				/* the handler starts with a clean FPU */
	return 0;
}

/*
 * rt_sigreturn - called by the restorer when a handler returns: reload the
 * registers, the signal mask and the FPU state from the frame. RSP points
 * just past the frame's pretcode (the handler's `ret` popped it).
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	unsigned long sp = regs->rsp - 8;
	struct rt_sigframe frame;
	const struct sigcontext_64 *sc = &frame.uc.uc_mcontext;

	if (copy_from_user(&frame, (void *)sp, sizeof(frame)))
		goto badframe;
	if (sc->fpstate &&
	    copy_from_user(current->thread.fxsave, (void *)sc->fpstate, FPSTATE_SIZE))
		goto badframe;
	regs->r8 = sc->r8, regs->r9 = sc->r9, regs->r10 = sc->r10, regs->r11 = sc->r11;
	regs->r12 = sc->r12, regs->r13 = sc->r13, regs->r14 = sc->r14, regs->r15 = sc->r15;
	regs->rdi = sc->rdi, regs->rsi = sc->rsi, regs->rbp = sc->rbp, regs->rbx = sc->rbx;
	regs->rdx = sc->rdx, regs->rcx = sc->rcx, regs->rsp = sc->rsp, regs->rip = sc->rip;
	/* Segments are always the user's; only harmless flags come back. */
	regs->cs = __USER_CS;
	regs->ss = __USER_DS;
	regs->eflags = (regs->eflags & ~FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	regs->orig_rax = -1; /* not a system call to restart */
	current->blocked =
		frame.uc.uc_sigmask & ~((1ULL << (SIGKILL - 1)) | (1ULL << (SIGSTOP - 1)));
	/* The alternate stack as it was (SS_AUTODISARM re-arms it), unless the
	 * handler's frame is on it (EPERM); errors are ignored, as on Linux. */
	do_sigaltstack(&frame.uc.uc_stack, NULL, sp);
	if (sc->fpstate)
		arch_fpu_restore_user(current->thread.fxsave);
	return (long)sc->rax; /* do_syscall_64 stores it in regs->rax */
badframe:
	force_sig(SIGSEGV);
	return 0;
}
