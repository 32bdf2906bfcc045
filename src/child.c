/*
 * child.c: the body of a child process and of its threads.
 *
 * It runs between fork() and _exit() in a copy of the main process, so it
 * keeps to what is safe there: it first makes sure it dies with its parent,
 * puts the signals back to their defaults (but for those ignored when ptviz
 * started), points stdin, stdout and stderr at
 * /dev/null and closes every other descriptor but the doorbell, so that the
 * shared region is its only channel.  It never calls exit(): the parent's
 * atexit handlers and stdio buffers are not its own.
 */
#include <sys/prctl.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "child.h"
#include "duration.h"
#include "event.h"
#include "region.h"
#include "ring.h"
#include "spawn.h"

#define THREAD_STACK	(64 * 1024)

struct thread_args {
	const struct child_args *child;
	unsigned	 thread;		/* 1-based; 0 for the process */
	pid_t		 pid;			/* asked once: each is a syscall */
	pid_t		 tid;
};

/* Push one event of thread t (or its process) and wake the main process if
   it sleeps; arg is the planned sleep or an errno. */
static void
report(const struct thread_args *t, unsigned thread, unsigned state,
    uint64_t arg)
{
	const struct child_args *a = t->child;
	struct event ev = {
		.t_ns = now_ns(),
		.sleep_ns = arg,
		.pid = t->pid,
		.tid = t->tid,
		.proc = (uint16_t)a->proc,
		.thread = (uint16_t)thread,
		.state = (uint8_t)state,
	};

	ring_push_mpsc(region_ring(a->region, a->proc - 1), &ev);
	region_notify(a->region);
}

/* Sleep until `deadline` on the monotonic clock, whatever interrupts. */
static void
sleep_until(uint64_t deadline)
{
	struct timespec ts = {
		.tv_sec = (time_t)(deadline / 1000000000u),
		.tv_nsec = (long)(deadline % 1000000000u),
	};

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) ==
	    EINTR)
		;
}

static void *
thread_main(void *arg)
{
	struct thread_args *t = arg;
	const struct child_args *a = t->child;
	uint64_t d;
	char name[16];

	t->tid = gettid();
	snprintf(name, sizeof(name), "Thread-%u", t->thread);
	pthread_setname_np(pthread_self(), name);
	report(t, t->thread, ST_RUNNING, 0);
	d = duration_ns(a->cfg->seed, a->proc, t->thread, a->cfg->sleep_ns);
	report(t, t->thread, ST_SLEEPING, d);
	if (d > 0)
		sleep_until(now_ns() + d);
	report(t, t->thread, ST_DONE, 0);
	return NULL;
}

/* Cut every tie with the main process but the region and its doorbell. */
static void
detach(const struct child_args *a)
{
	static const int caught[] = { SIGINT, SIGTERM, SIGHUP, SIGCHLD,
	    SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU, SIGCONT, SIGPIPE };
	struct sigaction sa;
	sigset_t all;
	size_t i;
	int bell = a->region->doorbell;

	/* Die with the main process; if it is already gone, go at once. */
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 || getppid() != a->parent)
		_exit(127);
	/* Handlers back to the default; what was ignored when ptviz started
	   (SIGHUP under nohup) stays ignored, as for any program it ran. */
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		if (sigaction(caught[i], NULL, &sa) == 0 &&
		    sa.sa_handler != SIG_IGN)
			signal(caught[i], SIG_DFL);
	sigfillset(&all);
	sigprocmask(SIG_UNBLOCK, &all, NULL);
	if (dup2(a->devnull, 0) == -1 || dup2(a->devnull, 1) == -1 ||
	    dup2(a->devnull, 2) == -1)
		_exit(127);
	if (bell > 3)
		close_range(3, (unsigned)bell - 1, 0);
	close_range((unsigned)bell + 1, ~0u, 0);
}

_Noreturn void
child_main(const struct child_args *a)
{
	unsigned n = a->cfg->nthread, started, j;
	struct thread_args self = { a, 0, getpid(), 0 }, *targs;
	pthread_t *tids;
	pthread_attr_t attr;
	int error = 0;

	detach(a);
	self.tid = self.pid;
	setproctitle("Process-%u", a->proc);
	report(&self, 0, ST_STARTING, 0);
	targs = calloc(n, sizeof(*targs));
	tids = calloc(n, sizeof(*tids));
	if (targs == NULL || tids == NULL || pthread_attr_init(&attr) != 0)
		_exit(126);
	pthread_attr_setstacksize(&attr, THREAD_STACK);
	for (started = 0; started < n; started++) {
		targs[started] = (struct thread_args){ a, started + 1,
		    self.pid, 0 };
		error = pthread_create(&tids[started], &attr, thread_main,
		    &targs[started]);
		if (error != 0)
			break;
	}
	/* The threads that could not start are reported, not waited for. */
	for (j = started; j < n; j++)
		report(&self, j + 1, ST_TFAILED, (uint64_t)error);
	report(&self, 0, ST_JOINING, 0);
	for (j = 0; j < started; j++)
		pthread_join(tids[j], NULL);
	/* Tidy, so that a leak checker following the child sees no leak. */
	pthread_attr_destroy(&attr);
	free(tids);
	free(targs);
	if (error != 0)
		_exit(1);
	report(&self, 0, ST_PDONE, 0);
	_exit(0);
}
