/*
 * tests/linux/threads.c - POSIX threads on clone(CLONE_VM | CLONE_THREAD
 * ...) and futexes: threads share memory and descriptors, have their own
 * thread ids and thread-local storage under one process id; a mutex keeps
 * a shared counter exact; a condition variable passes a token back and
 * forth; pthread_join returns the thread's value; a thread's exit() ends
 * the whole process; a fatal signal in one thread kills them all; a
 * handler installed after a thread started is the thread's too, and
 * pthread_kill runs it in that thread;
 * posix_spawn (clone with CLONE_VM | CLONE_VFORK) runs a program.
 * Built with glibc and musl (Pagoda's libc has no threads).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define THREADS	   4
#define INCREMENTS 20000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static long counter;
static int turn, rounds_done;
static __thread int tls_value;
static pid_t main_pid;

struct result {
	int same_pid, own_tid, tls_ok;
};

static void *
worker(void *arg)
{
	long id = (long)arg;
	struct result *r = malloc(sizeof(*r));

	tls_value = (int)id * 100;
	for (int i = 0; i < INCREMENTS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		if (i % 1000 == 0)
			sched_yield();
	}
	r->same_pid = getpid() == main_pid;
	r->own_tid = syscall(SYS_gettid) != main_pid;
	r->tls_ok = tls_value == (int)id * 100;
	return r;
}

/* Two threads take turns: 0, 1, 0, 1, ... with a condition variable. */
static void *
ping(void *arg)
{
	int me = (int)(long)arg;

	for (int i = 0; i < 50; i++) {
		pthread_mutex_lock(&lock);
		while (turn != me)
			pthread_cond_wait(&cond, &lock);
		turn = 1 - me;
		rounds_done++;
		pthread_cond_broadcast(&cond);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *
exits(void *arg)
{
	(void)arg;
	exit(7);
}

static void *
crashes(void *arg)
{
	(void)arg;
	*(volatile int *)16 = 1;
	return NULL;
}

static volatile pid_t handled_in;

static void
on_usr1(int sig)
{
	(void)sig;
	handled_in = syscall(SYS_gettid);
}

static volatile pid_t waiter_tid;

static void *
waiter(void *arg)
{
	(void)arg;
	waiter_tid = syscall(SYS_gettid);
	while (!handled_in)
		sched_yield();
	return NULL;
}

static void *
sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
}

/* In a child process: start @fn in a thread, keep another asleep; the
 * process's wait status tells how it ended. */
static void
in_child(const char *what, void *(*fn)(void *))
{
	pid_t pid = fork();
	int status;

	if (pid == 0) {
		pthread_t a, b;

		pthread_create(&b, NULL, sleeper, NULL);
		pthread_create(&a, NULL, fn, NULL);
		pthread_join(a, NULL);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFEXITED(status))
		printf("%s: the process exited with %d\n", what, WEXITSTATUS(status));
	else
		printf("%s: the process was killed by signal %d\n", what, WTERMSIG(status));
}

/* /proc lists the process, not its threads; and signal actions are the
 * process's: one set after a thread started is that thread's too. */
static void
test_proc_and_signals(void)
{
	pthread_t w;

	pthread_create(&w, NULL, waiter, NULL);
	while (!waiter_tid)
		sched_yield();

	/* /proc lists processes, not their threads; /proc/<tid> still answers. */
	char name[32];
	struct stat st;
	int listed = 0;
	DIR *proc = opendir("/proc");
	struct dirent *d;

	snprintf(name, sizeof(name), "%d", (int)waiter_tid);
	while (proc && (d = readdir(proc)))
		listed += strcmp(d->d_name, name) == 0;
	if (proc)
		closedir(proc);
	snprintf(name, sizeof(name), "/proc/%d/status", (int)waiter_tid);
	printf("the thread in the /proc listing: %s; %s: %s\n", listed ? "yes" : "no",
	       "its /proc/<tid>/status", stat(name, &st) == 0 ? "found" : "missing");

	signal(SIGUSR1, on_usr1);
	pthread_kill(w, SIGUSR1);
	pthread_join(w, NULL);
	printf("a handler set after pthread_create ran in that thread: %s\n",
	       handled_in == waiter_tid ? "yes" : "no");
}

int
main(void)
{
	pthread_t t[THREADS], p0, p1;

	setvbuf(stdout, NULL, _IONBF, 0);
	main_pid = getpid();
	tls_value = -1;
	for (long i = 0; i < THREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	int ok = 0;

	for (int i = 0; i < THREADS; i++) {
		struct result *r;

		pthread_join(t[i], (void **)&r);
		ok += r->same_pid && r->own_tid && r->tls_ok;
		free(r);
	}
	printf("%d threads: counter %ld (expected %d), %d saw the same pid, their own tid and TLS\n",
	       THREADS, counter, THREADS * INCREMENTS, ok);
	printf("main's TLS untouched: %d\n", tls_value);

	pthread_create(&p0, NULL, ping, (void *)0);
	pthread_create(&p1, NULL, ping, (void *)1);
	pthread_join(p0, NULL);
	pthread_join(p1, NULL);
	printf("condition variable: %d turns\n", rounds_done);

	test_proc_and_signals();

	in_child("exit(7) in a thread", exits);
	in_child("a thread touches address 16", crashes);

	pid_t child;
	char *argv[] = { "echo-less", NULL };
	extern char **environ;
	int status;

	/* posix_spawn of a program that does not exist: the error comes back. */
	int err = posix_spawn(&child, "/nonexistent", NULL, NULL, argv, environ);

	printf("posix_spawn of a missing file: %s\n", err ? strerror(err) : "started");
	if (!err)
		waitpid(child, &status, 0);
	return 0;
}
