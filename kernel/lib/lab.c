/*
 * kernel/lib/lab.c - what a lab's unwritten function says when it is called.
 *
 * `make lab LAB=NAME` (tools/lab.py) replaces the body of each function of
 * lab NAME with LAB_TODO(NAME) and a return of nothing useful. The first
 * call of each such function logs one line, so that a boot or a test that
 * fails in a student tree says which function it is waiting for.
 */
#include <pagoda/kernel.h>
#include <pagoda/printk.h>

void
lab_todo(const char *lab, const char *func, const char *file)
{
	pr_err("lab %s: %s() is not written yet (%s)\n", lab, func, file);
}
