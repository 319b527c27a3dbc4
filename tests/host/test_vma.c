/*
 * tests/host/test_vma.c - the VMA list (kernel/mm/vma.c) and the rules of
 * brk, mmap, munmap and mprotect (kernel/mm/mmap.c), on a fake mm with no
 * page tables (tests/host/shim_mm.c): the list's order, links and
 * counters after every change, splitting and merging, holes, protections
 * and the brk protocol.
 */
#include <string.h>

#include <pagoda/mm.h>
#include <pagoda/sched.h>

#include <asm/pgtable.h>
#include <asm/ptrace.h>

#include <uapi/errno.h>
#include <uapi/mman.h>

#include "host_mm.h"
#include "host_test.h"

#define P	 4096UL
#define HEAP	 0x600000UL
#define RW_FLAGS (VM_READ | VM_WRITE | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define RO_FLAGS (VM_READ | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)

long __x64_sys_brk(const struct pt_regs *regs);
long __x64_sys_munmap(const struct pt_regs *regs);
long __x64_sys_mprotect(const struct pt_regs *regs);

static struct mm_struct *mm;

static long
sys(long (*fn)(const struct pt_regs *), unsigned long a, unsigned long b, unsigned long c)
{
	struct pt_regs regs = { 0 };

	regs.rdi = a;
	regs.rsi = b;
	regs.rdx = c;
	return fn(&regs);
}

/* check_list - sorted, non-overlapping, doubly linked, counted right. */
static void
check_list(void)
{
	struct vm_area_struct *prev = NULL;
	unsigned long count = 0, pages = 0;

	for (struct vm_area_struct *vma = mm->mmap; vma; prev = vma, vma = vma->vm_next) {
		assert_ptr_equal(vma->vm_prev, prev);
		assert_true(vma->vm_start < vma->vm_end);
		assert_true(!prev || prev->vm_end <= vma->vm_start);
		count++;
		pages += (vma->vm_end - vma->vm_start) / P;
	}
	assert_int_equal(mm->map_count, count);
	assert_int_equal(mm->total_vm, pages);
}

static struct vm_area_struct *
add(unsigned long start, unsigned long end, unsigned long flags)
{
	struct vm_area_struct *vma = vm_area_alloc(mm);

	vma->vm_start = start;
	vma->vm_end = end;
	vma->vm_flags = flags;
	vma->vm_pgoff = start / P;
	vma_link(mm, vma);
	check_list();
	return vma;
}

static int
setup(void **state)
{
	mm = host_mm_up(HEAP);
	return 0;
}

static int
teardown(void **state)
{
	host_mm_down();
	return 0;
}

static void
test_insert_and_find(void **state)
{
	struct vm_area_struct *c = add(0x30000, 0x40000, RW_FLAGS);
	struct vm_area_struct *a = add(0x10000, 0x12000, RO_FLAGS);
	struct vm_area_struct *b = add(0x20000, 0x21000, RW_FLAGS);

	assert_ptr_equal(mm->mmap, a);
	assert_ptr_equal(a->vm_next, b);
	assert_ptr_equal(b->vm_next, c);
	assert_ptr_equal(find_vma(mm, 0), a);
	assert_ptr_equal(find_vma(mm, 0x11fff), a);
	assert_ptr_equal(find_vma(mm, 0x12000), b); /* in a gap: the next one */
	assert_null(find_vma(mm, 0x40000));	    /* vm_end is exclusive */
	assert_null(find_vma_intersection(mm, 0x12000, 0x20000));
	assert_ptr_equal(find_vma_intersection(mm, 0x12000, 0x20001), b);
	assert_int_equal(mm->data_vm, 1 + 16); /* private writable pages */
}

static void
test_split_and_merge(void **state)
{
	struct vm_area_struct *vma = add(0x10000, 0x14000, RW_FLAGS);

	assert_int_equal(split_vma(mm, vma, 0x11000), 0);
	check_list();
	assert_int_equal(mm->map_count, 2);
	assert_int_equal(vma->vm_end, 0x11000);
	assert_int_equal(vma->vm_next->vm_start, 0x11000);
	assert_int_equal(vma->vm_next->vm_pgoff, vma->vm_pgoff + 1);
	assert_int_equal(split_vma(mm, vma->vm_next, 0x13000), 0);
	check_list();
	/* The middle one merges both ways back into one VMA. */
	vma = vma_merge_neighbours(mm, vma->vm_next);
	check_list();
	assert_int_equal(mm->map_count, 1);
	assert_int_equal(vma->vm_start, 0x10000);
	assert_int_equal(vma->vm_end, 0x14000);
	/* Different flags, or a gap, keep VMAs apart. */
	add(0x14000, 0x15000, RO_FLAGS);
	add(0x16000, 0x17000, RW_FLAGS);
	vma_merge_neighbours(mm, vma);
	assert_int_equal(mm->map_count, 3);
}

static void
test_munmap_splits(void **state)
{
	add(0x10000, 0x14000, RW_FLAGS);
	add(0x14000, 0x16000, RO_FLAGS);
	assert_int_equal(sys(__x64_sys_munmap, 0x11000, P, 0), 0);
	check_list();
	assert_int_equal(mm->map_count, 3);
	assert_null(find_vma_intersection(mm, 0x11000, 0x12000));
	/* A range across two VMAs takes the end of one, the start of the next. */
	assert_int_equal(sys(__x64_sys_munmap, 0x13000, 2 * P, 0), 0);
	check_list();
	assert_int_equal(find_vma(mm, 0x12000)->vm_end, 0x13000);
	assert_int_equal(find_vma(mm, 0x13000)->vm_start, 0x15000);
	/* Unmapping nothing is fine; bad arguments are not. */
	assert_int_equal(sys(__x64_sys_munmap, 0x50000, P, 0), 0);
	assert_int_equal(sys(__x64_sys_munmap, 0x10001, P, 0), -EINVAL);
	assert_int_equal(sys(__x64_sys_munmap, 0x10000, 0, 0), -EINVAL);
	assert_int_equal(mm->total_vm, 1 + 1 + 1);
}

/* Linux's protection_map: private writable pages start read-only (the
 * first write faults and gets its own frame), shared ones writable;
 * PROT_NONE keeps a mapped page the CPU sees as not present. */
static void
test_vm_get_page_prot(void **state)
{
	pte_t none = pfn_pte(0x1234, vm_get_page_prot(VM_NONE));
	pte_t pte = pfn_pte(42, vm_get_page_prot(VM_READ | VM_WRITE));

	assert_false(pte_write(vm_get_page_prot(VM_READ | VM_WRITE)));
	assert_true(pte_write(vm_get_page_prot(VM_SHARED | VM_READ | VM_WRITE)));
	assert_true(pte_write(vm_get_page_prot(VM_SHARED | VM_WRITE)));
	assert_false(pte_write(vm_get_page_prot(VM_SHARED | VM_READ)));
	assert_true(pte_exec(vm_get_page_prot(VM_READ | VM_EXEC)));
	assert_false(pte_exec(vm_get_page_prot(VM_READ | VM_WRITE | VM_SHARED)));
	assert_true(pte_present(none) && !pte_write(none) && pte_pfn(none) == 0x1234);
	assert_int_equal(vm_get_page_prot(VM_READ | VM_MAYWRITE | VM_GROWSDOWN),
			 vm_get_page_prot(VM_READ));
	/* The helpers change one bit and keep the frame. */
	assert_true(pte_write(pte_mkwrite(pte)) && pte_pfn(pte_mkwrite(pte)) == 42);
	assert_false(pte_write(pte_wrprotect(pte_mkwrite(pte))));
	assert_true(pte_dirty(pte_mkdirty(pte)) && !pte_dirty(pte_mkclean(pte_mkdirty(pte))));
	assert_true(pte_young(pte_mkyoung(pte)) && !pte_young(pte_mkold(pte_mkyoung(pte))));
	assert_true(pte_dirty(pte_modify(pte_mkdirty(pte), vm_get_page_prot(VM_NONE))));
	assert_int_equal(pte_pfn(pte_modify(pte, vm_get_page_prot(VM_SHARED | VM_WRITE))), 42);
	assert_true(pte_none(0) && !pte_none(pte));
}

static void
test_mprotect(void **state)
{
	add(0x10000, 0x14000, RW_FLAGS);
	assert_int_equal(sys(__x64_sys_mprotect, 0x11000, 2 * P, PROT_READ), 0);
	check_list();
	assert_int_equal(mm->map_count, 3);
	assert_int_equal(find_vma(mm, 0x11000)->vm_flags & (VM_READ | VM_WRITE), VM_READ);
	assert_false(pte_exec(find_vma(mm, 0x11000)->vm_page_prot));
	assert_false(pte_write(find_vma(mm, 0x11000)->vm_page_prot));
	assert_int_equal(mm->data_vm, 2);
	/* Back to read-write: the three merge again. */
	assert_int_equal(sys(__x64_sys_mprotect, 0x11000, 2 * P, PROT_READ | PROT_WRITE), 0);
	check_list();
	assert_int_equal(mm->map_count, 1);
	/* A hole anywhere in the range is ENOMEM; unaligned start EINVAL. */
	add(0x15000, 0x16000, RW_FLAGS);
	assert_int_equal(sys(__x64_sys_mprotect, 0x13000, 3 * P, PROT_READ), -ENOMEM);
	assert_int_equal(sys(__x64_sys_mprotect, 0x14000, P, PROT_READ), -ENOMEM);
	assert_int_equal(sys(__x64_sys_mprotect, 0x10001, P, PROT_READ), -EINVAL);
	/* Beyond VM_MAY*: EACCES. */
	find_vma(mm, 0x15000)->vm_flags &= ~VM_MAYWRITE;
	assert_int_equal(sys(__x64_sys_mprotect, 0x15000, P, PROT_WRITE), -EACCES);
}

static void
test_brk_rules(void **state)
{
	unsigned long flushes = host_icache_flushes;

	assert_int_equal(sys(__x64_sys_brk, 0, 0, 0), HEAP);
	assert_int_equal(sys(__x64_sys_brk, HEAP - 1, 0, 0), HEAP); /* below start_brk */
	assert_int_equal(sys(__x64_sys_brk, HEAP + 100, 0, 0), HEAP + 100);
	check_list();
	assert_int_equal(mm->map_count, 1);
	assert_int_equal(find_vma(mm, HEAP)->vm_end, HEAP + P); /* whole pages */
	assert_int_equal(host_icache_flushes, flushes + 1);
	assert_int_equal(sys(__x64_sys_brk, HEAP + 3 * P, 0, 0), HEAP + 3 * P);
	assert_int_equal(mm->map_count, 1); /* the heap VMA grew */
	assert_int_equal(sys(__x64_sys_brk, HEAP + P + 1, 0, 0), HEAP + P + 1);
	assert_int_equal(find_vma(mm, HEAP)->vm_end, HEAP + 2 * P);
	/* A mapping above: growth stops a page below it. */
	add(HEAP + 8 * P, HEAP + 9 * P, RO_FLAGS);
	assert_int_equal(sys(__x64_sys_brk, HEAP + 8 * P, 0, 0), HEAP + P + 1);
	assert_int_equal(sys(__x64_sys_brk, HEAP + 7 * P, 0, 0), HEAP + 7 * P);
	/* RLIMIT_DATA counts the heap: refused past it, old break returned. */
	current->rlim[RLIMIT_DATA].rlim_cur = 4 * P;
	assert_int_equal(sys(__x64_sys_brk, HEAP + 5 * P, 0, 0), HEAP + 7 * P);
	assert_int_equal(sys(__x64_sys_brk, HEAP + 2 * P, 0, 0), HEAP + 2 * P); /* shrinking is */
	check_list();
	assert_int_equal(find_vma(mm, HEAP)->vm_end, HEAP + 2 * P);
}

static void
test_rlimit_as(void **state)
{
	add(0x10000, 0x20000, RO_FLAGS); /* 16 pages */
	current->rlim[RLIMIT_AS].rlim_cur = 20 * P;
	assert_true(may_expand_vm(mm, RO_FLAGS, 4));
	assert_false(may_expand_vm(mm, RO_FLAGS, 5));
	current->rlim[RLIMIT_AS].rlim_cur = RLIM_INFINITY;
	current->rlim[RLIMIT_DATA].rlim_cur = 2 * P;
	assert_true(may_expand_vm(mm, RO_FLAGS, 100)); /* not data */
	assert_true(may_expand_vm(mm, RW_FLAGS | VM_SHARED, 100));
	assert_true(may_expand_vm(mm, RW_FLAGS | VM_GROWSDOWN, 100));
	assert_true(may_expand_vm(mm, RW_FLAGS, 2));
	assert_false(may_expand_vm(mm, RW_FLAGS, 3));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_insert_and_find),  T(test_split_and_merge), T(test_munmap_splits),
		T(test_vm_get_page_prot), T(test_mprotect),	   T(test_brk_rules),
		T(test_rlimit_as),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
