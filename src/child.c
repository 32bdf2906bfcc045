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
 *
 * A thread runs the body of the run's workload, which the workload's row
 * in work.h names (the table `bodies`).  The order of its reports keeps
 * the history true: `waiting` before it blocks, `holding` once it has
 * what it waited for, and `done` before it lets go, so that two holders'
 * spans never overlap.  A lock is tried first: a thread that gets it at
 * once never reports a wait.  A body reports no more events than its row
 * says (`reports`), but for the CPU-bound one, whose row says so, and
 * the gates of step mode (steps.h): gate() before each move, which says
 * `gate` and waits for the room -- one before each other event at most,
 * so that a stepped run reports twice its row's count at most (the ring
 * makes its producers wait while it is full).  A move that follows from
 * another's (the lock a waiter gets, the sleep after a barrier) has no
 * gate of its own.
 */
#include <sys/prctl.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "beat.h"
#include "child.h"
#include "duration.h"
#include "event.h"
#include "region.h"
#include "ring.h"
#include "run.h"
#include "steps.h"
#include "work.h"

#define THREAD_STACK	(64 * 1024)
/* A CPU-bound thread checks its clocks after each spin of BEAT_SPIN
   (beat.h), and counts a gap of at least CPU_WAIT_NS between them, not
   spent on its CPU clock, as a wait for a CPU: short enough that the
   waits reported hold nearly all of its time off a CPU (the timeline
   draws its share of a CPU from them), long enough that reading the
   clocks never makes one up. */
#define CPU_WAIT_NS	100000u

/* What the threads of one child share: its own mutexes and its barrier. */
struct local {
	pthread_mutex_t	 mutex[OBJ_MUTEXES];
	pthread_mutex_t	 lock;		/* the barrier's and the deadlock's */
	pthread_cond_t	 all_in;
	unsigned	 expected;	/* threads that will come */
	unsigned	 arrived;
	unsigned	 firsts;	/* deadlock: first mutexes taken */
};

struct thread_args {
	const struct child_args *child;
	struct local	*local;
	unsigned	 thread;		/* 1-based; 0 for the process */
	pid_t		 pid;			/* asked once: each is a syscall */
	pid_t		 tid;
};

/* Push one event of thread t (or its process) that happened at `when` and
   wake the main process if it sleeps; arg is a plan, an errno or a CPU
   time; what and object name what it waits for or holds. */
static void
report_at(const struct thread_args *t, unsigned thread, unsigned state,
    uint64_t arg, unsigned what, unsigned object, uint64_t when)
{
	const struct child_args *a = t->child;
	struct event ev = {
		.t_ns = when,
		.sleep_ns = arg,
		.pid = t->pid,
		.tid = t->tid,
		.proc = (uint16_t)a->proc,
		.thread = (uint16_t)thread,
		.state = (uint8_t)state,
		.what = (uint8_t)what,
		.object = (uint16_t)object,
	};

	ring_push_mpsc(region_ring(a->region, a->proc - 1), &ev);
	region_notify(a->region);
}

/* Report a change of thread t (or its process) now. */
static void
report(const struct thread_args *t, unsigned thread, unsigned state,
    uint64_t arg)
{
	report_at(t, thread, state, arg, 0, 0, now_ns());
}

/* Report that thread t waits for what/object, now. */
static void
report_wait(const struct thread_args *t, unsigned what, unsigned object)
{
	report_at(t, t->thread, ST_WAITING, 0, what, object, now_ns());
}

/* Report that thread t holds what/object and will for `plan`. */
static void
report_hold(const struct thread_args *t, unsigned what, unsigned object,
    uint64_t plan)
{
	report_at(t, t->thread, ST_HOLDING, plan, what, object, now_ns());
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

/* The planned time of phase `phase` of thread t. */
static uint64_t
plan(const struct thread_args *t, unsigned phase)
{
	const struct child_args *a = t->child;

	return duration_phase_ns(a->cfg->seed, a->proc, t->thread, phase,
	    a->cfg->sleep_ns);
}

/* Sleep for d from now -- in step mode only if the steps are timed: a
   move is a move (steps.h). */
static void
nap(const struct thread_args *t, uint64_t d)
{
	if (d > 0 && steps_sleeps(t->child->steps))
		sleep_until(now_ns() + d);
}

/* Is the run in step mode now? */
static bool
stepping(const struct thread_args *t)
{
	return (steps_mode(t->child->steps) & STEPS_ON) != 0;
}

/* Step mode: stop at the gate before the next move, say so, and wait
   until the room lets this thread make it (steps.h) -- at the gate before
   it says so, so that a key that answers the word finds it there.  Out
   of step mode, nothing. */
static void
gate(const struct thread_args *t)
{
	if (!steps_arrive(t->child->steps, t->child->proc, t->thread))
		return;
	report(t, t->thread, ST_GATE, 0);
	steps_wait(t->child->steps, t->child->proc, t->thread);
}

/* This thread's CPU clock. */
static uint64_t
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* sleep: the reference program's thread. */
static void
body_sleep(struct thread_args *t)
{
	uint64_t d = plan(t, 0);

	gate(t);
	report(t, t->thread, ST_SLEEPING, d);
	nap(t, d);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
}

/* cpu: compute until the thread's CPU clock has run for the plan,
   beating after every spin.  A gap of the wall clock its CPU clock did
   not follow was a wait for a CPU: reported after the fact, at the time
   it began. */
static void
body_cpu(struct thread_args *t)
{
	struct beat *b = beats_slot(t->child->beats, t->child->proc,
	    t->thread);
	uint64_t d = plan(t, 0), c0, c, w, wprev, cprev, want;
	volatile uint64_t x = t->thread;
	unsigned k;

	gate(t);
	/* In step mode (untimed) the computing takes no time either. */
	want = steps_sleeps(t->child->steps) ? d : 0;
	wprev = now_ns();
	c0 = cprev = cpu_now();
	report_at(t, t->thread, ST_COMPUTING, d, 0, 0, wprev);
	if (b != NULL)
		beat_store(b, wprev, 0);
	for (c = c0; c - c0 < want; cprev = c, wprev = w) {
		for (k = 0; k < BEAT_SPIN; k++)
			x = x * 6364136223846793005u + 1442695040888963407u;
		w = now_ns();
		c = cpu_now();
		if (b != NULL)
			beat_store(b, w, c - c0);
		if ((w - wprev) - (c - cprev) >= CPU_WAIT_NS &&
		    w - wprev > c - cprev) {
			report_at(t, t->thread, ST_WAITING, 0, OBJ_CPU, 0,
			    wprev + (c - cprev));
			report_at(t, t->thread, ST_COMPUTING, d, 0, 0, w);
		}
	}
	gate(t);
	report(t, t->thread, ST_DONE, c - c0);
}

/* Calls back for a lock that must be waited for. */
struct wait_for {
	const struct thread_args *t;
	unsigned	 what, object;
};

static void
before_wait(void *arg)
{
	const struct wait_for *wf = arg;

	report_wait(wf->t, wf->what, wf->object);
}

/* Take mutex o of the process, saying so if it must wait; hold it for d. */
static void
take_local(struct thread_args *t, unsigned o, uint64_t d)
{
	gate(t);
	if (pthread_mutex_trylock(&t->local->mutex[o]) != 0) {
		report_wait(t, OBJ_MUTEX, o);
		pthread_mutex_lock(&t->local->mutex[o]);
	}
	report_hold(t, OBJ_MUTEX, o, d);
}

/* mutex: the process's threads hold its mutex one at a time. */
static void
body_mutex(struct thread_args *t)
{
	uint64_t d = plan(t, 0);

	take_local(t, 0, d);
	nap(t, d);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
	pthread_mutex_unlock(&t->local->mutex[0]);
}

/* global-mutex: one holder in the whole run. */
static void
body_gmutex(struct thread_args *t)
{
	struct work_shared *ws = t->child->shared;
	struct wait_for wf = { t, OBJ_GMUTEX, 0 };
	uint64_t d = plan(t, 0);
	bool recovered;

	gate(t);
	if (work_gmutex_lock(ws, &recovered, before_wait, &wf) != 0)
		_exit(1);
	report_hold(t, OBJ_GMUTEX | (recovered ? OBJ_RECOVERED : 0), 0, d);
	nap(t, d);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
	work_gmutex_unlock(ws);
}

/* semaphore: at most `permits` holders in the whole run. */
static void
body_semaphore(struct thread_args *t)
{
	struct work_shared *ws = t->child->shared;
	struct wait_for wf = { t, OBJ_SEM, 0 };
	uint64_t d = plan(t, 0);
	unsigned slot;

	gate(t);
	slot = work_sem_acquire(ws, t->child->proc, t->thread, before_wait,
	    &wf);
	report_hold(t, OBJ_SEM, 0, d);
	nap(t, d);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
	work_sem_release(ws, slot);
}

/* barrier: sleep, wait for every thread of the process, sleep again. */
static void
body_barrier(struct thread_args *t)
{
	struct local *l = t->local;
	uint64_t d = plan(t, 0);

	gate(t);
	report(t, t->thread, ST_SLEEPING, d);
	nap(t, d);
	gate(t);
	report_wait(t, OBJ_BARRIER, 0);
	pthread_mutex_lock(&l->lock);
	if (++l->arrived >= l->expected)
		pthread_cond_broadcast(&l->all_in);
	while (l->arrived < l->expected)
		pthread_cond_wait(&l->all_in, &l->lock);
	pthread_mutex_unlock(&l->lock);
	/* Let through by the last to come: part of the move that waited. */
	d = plan(t, 1);
	report(t, t->thread, ST_SLEEPING, d);
	nap(t, d);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
}

/* deadlock: odd threads take mutex A then B, even ones B then A, with a
   sleep holding the first: two threads that each got their first wait
   for each other.  Neither goes for its second before both mutexes are
   taken, so the deadlock comes on every run, however late a thread
   starts on a loaded machine: a lesson that shows it one time in three
   would teach nothing. */
static void
body_deadlock(struct thread_args *t)
{
	struct local *l = t->local;
	unsigned first = (t->thread - 1) % 2, second = 1 - first;

	take_local(t, first, plan(t, 0));
	pthread_mutex_lock(&l->lock);
	if (++l->firsts >= OBJ_MUTEXES)
		pthread_cond_broadcast(&l->all_in);
	/* In step mode the room is the scheduler: it may deadlock them or
	   let one take both first. */
	while (l->firsts < OBJ_MUTEXES && l->firsts < l->expected &&
	    !stepping(t))
		pthread_cond_wait(&l->all_in, &l->lock);
	pthread_mutex_unlock(&l->lock);
	nap(t, plan(t, 0));
	take_local(t, second, plan(t, 1));
	nap(t, plan(t, 1));
	gate(t);
	report(t, t->thread, ST_DONE, 0);
	pthread_mutex_unlock(&t->local->mutex[second]);
	pthread_mutex_unlock(&t->local->mutex[first]);
}

/* Report move `move` of thread t, with its figures (event.h). */
static void
report_move(const struct thread_args *t, unsigned move, uint32_t value,
    uint32_t aux)
{
	const struct child_args *a = t->child;
	struct event ev = {
		.t_ns = now_ns(),
		.pid = t->pid,
		.tid = t->tid,
		.proc = (uint16_t)a->proc,
		.thread = (uint16_t)t->thread,
		.state = ST_MOVE,
		.what = (uint8_t)move,
	};

	ev.value = value;
	ev.aux = aux;
	ring_push_mpsc(region_ring(a->region, a->proc - 1), &ev);
	region_notify(a->region);
}

/* One update of the race's counter in three moves, each told after it is
   made: the read, the add (in a register of this thread), the write. */
static void
race_update(struct thread_args *t)
{
	struct work_shared *ws = t->child->shared;
	uint32_t v, was;

	gate(t);
	v = work_counter_read(ws);
	report_move(t, MOVE_READ, v, 0);
	gate(t);
	v++;
	report_move(t, MOVE_ADD, v, 0);
	gate(t);
	was = work_counter_write(ws, v);
	report_move(t, MOVE_WRITE, v, was);
}

/* race: add 1 to the run's counter, N times, with no lock: two threads
   that read the same value write the same value, and an update is lost. */
static void
body_race(struct thread_args *t)
{
	unsigned k;

	for (k = 0; k < t->child->cfg->iterations; k++)
		race_update(t);
	gate(t);
	report(t, t->thread, ST_DONE, 0);
}

/* race-locked: the same, each update under the global mutex, which makes
   its three moves one; the unlock is told before it is made. */
static void
body_race_locked(struct thread_args *t)
{
	struct work_shared *ws = t->child->shared;
	struct wait_for wf = { t, OBJ_GMUTEX, 0 };
	bool recovered;
	unsigned k;

	for (k = 0; k < t->child->cfg->iterations; k++) {
		gate(t);
		if (work_gmutex_lock(ws, &recovered, before_wait, &wf) != 0)
			_exit(1);
		report_hold(t, OBJ_GMUTEX | (recovered ? OBJ_RECOVERED : 0),
		    0, 0);
		race_update(t);
		gate(t);
		report_move(t, MOVE_UNLOCK, 0, 0);
		work_gmutex_unlock(ws);
	}
	gate(t);
	report(t, t->thread, ST_DONE, 0);
}

/* A move of the queue, told with its lock held (work.h). */
struct queue_move {
	struct wait_for	 wf;		/* first: before_wait() takes it */
	unsigned	 move;
};

static void
queue_moved(void *arg, uint32_t fill, uint32_t item)
{
	const struct queue_move *qm = arg;

	report_move(qm->wf.t, qm->move, fill, item);
}

/* queue: odd threads put N items each, even ones take items until every
   item of the run was taken; each says when it waits, the queue full or
   empty.  A broken queue (a process died) ends them. */
static void
body_queue(struct thread_args *t)
{
	struct work_shared *ws = t->child->shared;
	struct queue_move put = { { t, OBJ_QUEUE, QUEUE_FULL }, MOVE_PUT },
	    take = { { t, OBJ_QUEUE, QUEUE_EMPTY }, MOVE_TAKE };
	unsigned k;

	if (work_queue_producer(t->thread)) {
		for (k = 0; k < t->child->cfg->iterations; k++) {
			gate(t);
			if (!work_queue_put(ws, before_wait, queue_moved, &put))
				break;
		}
		gate(t);
	} else {
		/* The take that finds every item taken, and the end, are
		   one move. */
		do
			gate(t);
		while (work_queue_take(ws, before_wait, queue_moved, &take));
	}
	report(t, t->thread, ST_DONE, 0);
}

/* The body of each workload, named in its row (work.h). */
static void (*const bodies[WORK_COUNT])(struct thread_args *) = {
#define X(e, name, min, help, reports, per, flags, body, crit, words)	\
	[e] = body,
	WORKS(X)
#undef X
};

static void *
thread_main(void *arg)
{
	struct thread_args *t = arg;
	char name[16];

	t->tid = gettid();
	snprintf(name, sizeof(name), "Thread-%u", t->thread);
	pthread_setname_np(pthread_self(), name);
	report(t, t->thread, ST_RUNNING, 0);
	/* A run held at its start: the plan begins when the gate opens. */
	region_gate_wait(t->child->region);
	bodies[t->child->cfg->work](t);
	return NULL;
}

/* The barrier, and the deadlock's wait for both first mutexes, expect
   only the threads that started. */
static void
expect(struct local *l, unsigned started)
{
	pthread_mutex_lock(&l->lock);
	l->expected = started;
	pthread_cond_broadcast(&l->all_in);
	pthread_mutex_unlock(&l->lock);
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
	struct local local = {
		.mutex = { PTHREAD_MUTEX_INITIALIZER,
		    PTHREAD_MUTEX_INITIALIZER },
		.lock = PTHREAD_MUTEX_INITIALIZER,
		.all_in = PTHREAD_COND_INITIALIZER,
		.expected = n,
	};
	struct thread_args self = { a, &local, 0, getpid(), 0 }, *targs;
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
		targs[started] = (struct thread_args){ a, &local,
		    started + 1, self.pid, 0 };
		error = pthread_create(&tids[started], &attr, thread_main,
		    &targs[started]);
		if (error != 0)
			break;
	}
	/* The threads that could not start are reported, not waited for. */
	for (j = started; j < n; j++)
		report(&self, j + 1, ST_TFAILED, (uint64_t)error);
	if (started < n)
		expect(&local, started);
	if (started < n && a->shared != NULL)
		work_queue_break(a->shared);
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
