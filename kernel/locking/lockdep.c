/*
 * kernel/locking/lockdep.c - the lock checker (see include/pagoda/lockdep.h).
 *
 * Each task keeps the locks it holds in held_locks[0 .. lockdep_depth),
 * oldest first. Locks push a record when taken and pop it when released;
 * the checks read the list:
 *
 *   lock_acquire        the lock is in the list already: a recursive
 *                       acquisition, which on one CPU waits for ever;
 *   __might_sleep       a spinlock is in the list: its holder may not
 *   lockdep_sched_check sleep (another task could then want the lock and
 *                       spin for ever).
 *
 * A report prints Linux's first line, then the lock's name with where it
 * was taken ("name+0xoff/0xsize" from kallsyms), then a call trace.
 *
 * Counterpart: Linux kernel/locking/lockdep.c (print_deadlock_bug,
 * lockdep_print_held_locks) and kernel/sched/core.c (__might_sleep,
 * __schedule_bug).
 */
#include <pagoda/arch.h>
#include <pagoda/kallsyms.h>
#include <pagoda/kernel.h>
#include <pagoda/lockdep.h>
#include <pagoda/printk.h>
#include <pagoda/sched.h>

unsigned long lockdep_reports;

/* print_ip_sym - " name+0xoff/0xsize" of code address @ip (or the address). */
static void
print_ip_sym(const char *prefix, unsigned long ip)
{
	unsigned long offset, size;
	const char *name = kallsyms_lookup(ip, &offset, &size);

	if (name)
		pr_err("%s%s+0x%lx/0x%lx\n", prefix, name, offset, size);
	else
		pr_err("%s0x%016lx\n", prefix, ip);
}

/* print_lock - one line per lock: " #n: (name){r}, at: caller+0x../0x..". */
static void
print_lock(int n, const struct held_lock *hl)
{
	char prefix[96];

	snprintf(prefix, sizeof(prefix), " #%d: (%s){%s}, at: ", n, hl->instance->name,
		 hl->read ? "read" : "write");
	print_ip_sym(prefix, hl->acquire_ip);
}

/* lockdep_print_held_locks - the locks @task holds, oldest first. */
static void
lockdep_print_held_locks(struct task_struct *task)
{
	int depth = task->lockdep_depth;

	if (!depth) {
		pr_err("no locks held by %s/%d.\n", task->comm, task->pid);
		return;
	}
	pr_err("%d lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "", task->comm, task->pid);
	for (int i = 0; i < depth; i++)
		print_lock(i, &task->held_locks[i]);
}

/* report_end - the call trace and the count every report ends with. */
static void
report_end(void)
{
	arch_dump_stack();
	lockdep_reports++;
}

/* find_held - current's latest record of @map, or NULL. */
static struct held_lock *
find_held(const struct lockdep_map *map)
{
	for (int i = current->lockdep_depth - 1; i >= 0; i--)
		if (current->held_locks[i].instance == map)
			return &current->held_locks[i];
	return NULL;
}

/* print_deadlock_bug - @map is taken at @ip by a task that holds it. */
static void
print_deadlock_bug(const struct lockdep_map *map, bool read, unsigned long ip,
		   const struct held_lock *prev)
{
	pr_err("============================================\n");
	pr_err("WARNING: possible recursive locking detected\n");
	pr_err("--------------------------------------------\n");
	pr_err("%s/%d is trying to acquire lock:\n", current->comm, current->pid);
	print_lock(0, &(struct held_lock){ .instance = map, .acquire_ip = ip, .read = read });
	pr_err("\nbut task is already holding lock:\n");
	print_lock(0, prev);
	pr_err("\n*** DEADLOCK ***\n\n");
	lockdep_print_held_locks(current);
	report_end();
}

bool
lock_acquire(struct lockdep_map *map, bool read, unsigned long ip)
{
	struct held_lock *prev = find_held(map);
	struct held_lock *hl;

	if (prev)
		print_deadlock_bug(map, read, ip, prev);
	if (current->lockdep_depth >= MAX_LOCK_DEPTH)
		panic("lockdep: %s/%d holds more than %d locks", current->comm, current->pid,
		      MAX_LOCK_DEPTH);
	hl = &current->held_locks[current->lockdep_depth++];
	*hl = (struct held_lock){ .instance = map, .acquire_ip = ip, .read = read };
	hl->recursive = prev != NULL;
	return !prev;
}

bool
lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct held_lock *hl = find_held(map);
	bool recursive;

	if (!hl) {
		pr_err("=====================================\n");
		pr_err("WARNING: bad unlock balance detected!\n");
		pr_err("-------------------------------------\n");
		pr_err("%s/%d is trying to release lock (%s) at:\n", current->comm, current->pid,
		       map->name);
		print_ip_sym("", ip);
		pr_err("but there are no more locks to release!\n");
		report_end();
		return true;
	}
	recursive = hl->recursive;
	/* Close the gap: the records above it move down one. */
	for (; hl < &current->held_locks[current->lockdep_depth - 1]; hl++)
		hl[0] = hl[1];
	current->lockdep_depth--;
	return !recursive;
}

bool
lock_is_held(const struct lockdep_map *map)
{
	return find_held(map) != NULL;
}

/* spinlocks_held - how many spinlocks current holds: Linux's preempt_count. */
static int
spinlocks_held(void)
{
	int n = 0;

	for (int i = 0; i < current->lockdep_depth; i++)
		n += current->held_locks[i].instance->wait_type == LD_WAIT_SPIN;
	return n;
}

void
__might_sleep(const char *file, int line)
{
	int atomic = spinlocks_held();

	if (!atomic)
		return;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): 1, irqs_disabled(): %d, pid: %d, name: %s\n", irqs_disabled(),
	       current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", atomic);
	lockdep_print_held_locks(current);
	report_end();
}

void
lockdep_sched_check(void)
{
	int atomic = spinlocks_held();

	if (!atomic)
		return;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", current->comm, current->pid, atomic);
	lockdep_print_held_locks(current);
	report_end();
}

void
lockdep_sys_exit(void)
{
	static bool reported; /* once: it would repeat at every return */

	if (!current->lockdep_depth || reported)
		return;
	reported = true;
	pr_err("================================================\n");
	pr_err("WARNING: lock held when returning to user space!\n");
	pr_err("------------------------------------------------\n");
	lockdep_print_held_locks(current);
	report_end();
}
