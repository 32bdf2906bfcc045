/*
 * spawn.c: starting a run, pumping its events to the sink, reaping it.
 *
 * The main process forks every child from its main thread, having saved its
 * own pid for the child's parent-death check and blocked the signals it
 * reads through descriptors.  Child exits arrive on a signalfd for SIGCHLD;
 * each wakes a waitpid(-1, WNOHANG) loop.  When a child is reaped, its ring
 * is drained of every published event (ring_pop_dead) before the reaping
 * event is handed on, so nothing a dead child said is lost and nothing it
 * half-said is waited for.
 *
 * Reaping can be held (run_hold_reaping): then a SIGCHLD asks each child
 * not yet known to have ended, with waitid(WNOWAIT), whether it has --
 * waitid(P_ALL, WNOWAIT) would name the same child again and again.  One
 * that has is a zombie: its ring is drained as at a reaping (nothing of it
 * runs any more), "zombie" is handed on, and it is left for the kernel to
 * keep until reaping is released.  A zombie does not signal again, so the
 * signalfd stays drained and the loop sleeps.
 */
#include <sys/signalfd.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "beat.h"
#include "child.h"
#include "event.h"
#include "region.h"
#include "ring.h"
#include "spawn.h"
#include "steps.h"

#define AUTO_MAX_SLOTS	1024u

struct child {
	pid_t		 pid;		/* 0: never forked */
	bool		 reaped;
	bool		 zombie;	/* ended, left unreaped (held) */
	struct ring_cursor cur;
};

struct run {
	struct run_config cfg;
	struct region	 region;
	struct work_shared *shared;
	struct beats	 beats;		/* the heartbeats (WORK_BEATS) */
	struct steps	 steps;		/* step mode's gates */
	struct child	*child;		/* [cfg.nproc] */
	run_sink	*sink;
	void		*ctx;
	int		 chld_fd;	/* signalfd for SIGCHLD */
	int		 fork_errno;
	const char	*fork_call;	/* what failed: "fork", ... */
	unsigned	 live;		/* forked and not yet reaped */
	bool		 main_done;
	bool		 hold_reap;	/* ended children stay zombies */
	bool		 look;		/* held: ask every child at the
					   next pump, signal or not */
	bool		 gated;		/* held at its start: the gate is
					   shut until run_go() */
};

int
run_block_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	return sigprocmask(SIG_BLOCK, &set, NULL);
}

/* Hand an event the main process makes itself to the sink; a reaping
   says how many of the semaphore's permits were given back for it. */
static void
emit_end(struct run *r, unsigned proc, unsigned state, pid_t pid,
    int64_t wstatus, uint64_t t, unsigned back)
{
	struct event ev = {
		.t_ns = t,
		.wstatus = wstatus,
		.pid = pid,
		.tid = pid,
		.proc = (uint16_t)proc,
		.state = (uint8_t)state,
		.what = back > 0 ? OBJ_SEM : 0,
		.object = (uint16_t)(back > UINT16_MAX ? UINT16_MAX : back),
	};

	r->sink(r->ctx, &ev);
}

/* The same, for an event that names nothing given back. */
static void
emit(struct run *r, unsigned proc, unsigned state, pid_t pid, int64_t wstatus,
    uint64_t t)
{
	emit_end(r, proc, state, pid, wstatus, t, 0);
}

/* Slots for every event of one child (3, and what each thread reports
   at most: 3 sleeping, up to 6 for the other workloads, more with
   iterations), so that up to 340 sleeping threads it never waits;
   beyond, 1024 slots and it waits when full. */
static uint32_t
auto_slots(const struct run_config *c)
{
	uint64_t need = 3 + work_reports(c->work, c->iterations) *
	    c->nthread;
	uint32_t slots = 4;

	while (slots < need && slots < AUTO_MAX_SLOTS)
		slots <<= 1;
	return slots;
}

/* The main process is done: with, for the race and the queue, the
   figures of the end as the shared memory has them (event.h). */
static void
emit_done(struct run *r)
{
	struct event ev = { .t_ns = now_ns(), .pid = getpid(),
	    .tid = getpid(), .state = ST_MDONE };
	uint32_t counter, writes, left, put;

	if (r->shared != NULL && (work_flags(r->cfg.work) & WORK_ITERATIONS)) {
		work_figures(r->shared, &counter, &writes, &left, &put);
		ev.what = (work_flags(r->cfg.work) & WORK_SLOTS) ? OBJ_QUEUE :
		    OBJ_COUNTER;
		ev.value = ev.what == OBJ_QUEUE ? left : counter;
		ev.aux = ev.what == OBJ_QUEUE ? put : writes;
	}
	r->sink(r->ctx, &ev);
}

/* Fork children 1..nproc; stop at the first failure. */
static void
fork_all(struct run *r)
{
	struct child_args a = {
		.cfg = &r->cfg,
		.region = &r->region,
		.shared = r->shared,
		.beats = r->beats.slot != NULL ? &r->beats : NULL,
		.steps = &r->steps,
		.parent = getpid(),
	};
	unsigned i;
	uint64_t t;
	pid_t pid;

	if ((a.devnull = open("/dev/null", O_RDWR | O_CLOEXEC)) == -1) {
		r->fork_errno = errno;
		r->fork_call = "open /dev/null";
	}
	fflush(NULL);
	for (i = 1; i <= r->cfg.nproc; i++) {
		a.proc = i;
		t = now_ns();
		pid = a.devnull == -1 ? -1 : fork();
		if (pid == 0)
			child_main(&a);
		if (pid == -1) {
			if (r->fork_call == NULL) {
				r->fork_errno = errno;
				r->fork_call = "fork";
			}
			break;
		}
		r->child[i - 1].pid = pid;
		r->live++;
		emit(r, i, ST_FORKED, pid, 0, t);
	}
	for (; i <= r->cfg.nproc; i++)
		emit(r, i, ST_FAILED, 0, -1, now_ns());
	if (a.devnull != -1)
		close(a.devnull);
}

struct run *
run_start(const struct run_config *cfg, run_sink *sink, void *ctx)
{
	struct run *r;
	sigset_t chld;
	uint32_t slots;
	unsigned i;
	int saved;

	if (cfg->nproc == 0 || cfg->nthread == 0 || cfg->nproc > UINT16_MAX ||
	    cfg->nthread > UINT16_MAX || (unsigned)cfg->work >= WORK_COUNT ||
	    cfg->nthread < work_min_threads(cfg->work)) {
		errno = EINVAL;
		return NULL;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->cfg = *cfg;
	r->sink = sink;
	r->ctx = ctx;
	r->region.doorbell = -1;
	r->chld_fd = -1;
	if (r->cfg.permits == 0)
		r->cfg.permits = WORK_DEFAULT_PERMITS;
	if (r->cfg.iterations == 0)
		r->cfg.iterations = WORK_DEFAULT_ITERATIONS;
	if (r->cfg.slots == 0)
		r->cfg.slots = WORK_DEFAULT_SLOTS;
	slots = cfg->ring_slots ? cfg->ring_slots : auto_slots(&r->cfg);
	if ((r->child = calloc(cfg->nproc, sizeof(*r->child))) == NULL ||
	    region_create(&r->region, cfg->nproc, slots, 0) == -1)
		goto fail;
	if ((work_flags(cfg->work) & WORK_SHARED) &&
	    (r->shared = work_shared_create(r->cfg.permits,
	    (work_flags(cfg->work) & WORK_SLOTS) ? r->cfg.slots : 0,
	    (work_flags(cfg->work) & WORK_SLOTS) ? work_queue_items(
	    cfg->nproc, cfg->nthread, r->cfg.iterations) : 0)) == NULL)
		goto fail;
	if ((work_flags(cfg->work) & WORK_BEATS) &&
	    beats_create(&r->beats, cfg->nproc, cfg->nthread) == -1)
		goto fail;
	if (steps_create(&r->steps, cfg->nproc, cfg->nthread,
	    cfg->steps) == -1)
		goto fail;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	r->chld_fd = signalfd(-1, &chld, SFD_NONBLOCK | SFD_CLOEXEC);
	if (r->chld_fd == -1)
		goto fail;
	for (i = 0; i < cfg->nproc; i++)
		r->child[i].cur = (struct ring_cursor){ 0, slots - 1 };
	/* Held, the run is "held" until the gate opens, and its clock
	   starts then ("running", run_go()). */
	r->gated = cfg->held;
	if (cfg->held)
		region_gate_close(&r->region);
	emit(r, 0, cfg->held ? ST_MHELD : ST_MRUNNING, getpid(), 0, now_ns());
	fork_all(r);
	return r;
fail:
	saved = errno;
	run_free(r);
	errno = saved;
	return NULL;
}

int
run_fork_errno(const struct run *r)
{
	return r->fork_errno;
}

const char *
run_fork_call(const struct run *r)
{
	return r->fork_call != NULL ? r->fork_call : "fork";
}

void
run_pollfds(const struct run *r, struct pollfd *fds)
{
	fds[0] = (struct pollfd){ .fd = r->region.doorbell, .events = POLLIN };
	fds[1] = (struct pollfd){ .fd = r->chld_fd, .events = POLLIN };
}

/* Hand over what ring i holds, up to one lap of it. */
static size_t
drain(struct run *r, unsigned i)
{
	struct child *c = &r->child[i];
	struct ring *ring = region_ring(&r->region, i);
	struct event ev;
	size_t n = 0;

	while (n <= c->cur.mask && ring_pop(ring, &c->cur, &ev)) {
		r->sink(r->ctx, &ev);
		n++;
	}
	return n;
}

/* Child i was reaped: hand over all it published, then its end. */
static void
bury(struct run *r, unsigned i, int wstatus)
{
	struct child *c = &r->child[i];
	struct ring *ring = region_ring(&r->region, i);
	struct event ev;
	unsigned state = ST_EXITED;
	uint64_t t;

	while (ring_pop_dead(ring, &c->cur, &ev))
		r->sink(r->ctx, &ev);
	if (WIFSIGNALED(wstatus))
		state = ST_KILLED;
	else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
		state = ST_FAILED;
	c->reaped = true;
	r->live--;
	/* The time before the permits go back: a waiter woken by them takes
	   one after the end, in the history as in fact. */
	t = now_ns();
	emit_end(r, i + 1, state, c->pid, wstatus, t,
	    work_recover(r->shared, i + 1));
}

/* Child i has ended and is left unreaped: hand over all it published,
   then that it is a zombie. */
static void
entomb(struct run *r, unsigned i)
{
	struct child *c = &r->child[i];
	struct ring *ring = region_ring(&r->region, i);
	struct event ev;

	while (ring_pop_dead(ring, &c->cur, &ev))
		r->sink(r->ctx, &ev);
	c->zombie = true;
	emit(r, i + 1, ST_ZOMBIE, c->pid, 0, now_ns());
}

/* Reaping held: find the children that ended without reaping them. */
static size_t
find_zombies(struct run *r)
{
	struct child *c;
	siginfo_t info;
	size_t n = 0;
	unsigned i;

	r->look = false;
	for (i = 0; i < r->cfg.nproc; i++) {
		c = &r->child[i];
		if (c->pid <= 0 || c->reaped || c->zombie)
			continue;
		/* WNOHANG leaves si_pid as it was when nothing has ended. */
		info.si_pid = 0;
		if (waitid(P_PID, (id_t)c->pid, &info,
		    WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == c->pid) {
			entomb(r, i);
			n++;
		}
	}
	return n;
}

/* Reap every child that has ended, or while reaping is held, tell of the
   new zombies. */
static size_t
reap(struct run *r)
{
	struct signalfd_siginfo si;
	size_t n = 0;
	unsigned i;
	pid_t pid;
	int ws;

	while (read(r->chld_fd, &si, sizeof(si)) == sizeof(si))
		r->look = true;
	if (r->hold_reap)
		return r->look ? find_zombies(r) : 0;
	r->look = false;
	while (r->live > 0 && (pid = waitpid(-1, &ws, WNOHANG)) > 0) {
		for (i = 0; i < r->cfg.nproc; i++) {
			if (r->child[i].pid == pid && !r->child[i].reaped) {
				bury(r, i, ws);
				n++;
				break;
			}
		}
	}
	return n;
}

size_t
run_pump(struct run *r, size_t budget)
{
	size_t n = 0;
	unsigned i;

	for (i = 0; i < r->cfg.nproc && n < budget; i++)
		if (r->child[i].pid != 0 && !r->child[i].reaped &&
		    !r->child[i].zombie)
			n += drain(r, i);
	if (n < budget)
		n += reap(r);
	if (r->live == 0 && !r->main_done) {
		r->main_done = true;
		emit_done(r);
		n++;
	}
	return n;
}

bool
run_may_sleep(struct run *r)
{
	unsigned i;

	region_arm(&r->region);
	for (i = 0; i < r->cfg.nproc; i++) {
		const struct child *c = &r->child[i];

		if (c->pid == 0 || c->reaped || c->zombie)
			continue;
		if (ring_ready(region_ring(&r->region, i), &c->cur)) {
			region_disarm(&r->region);
			return false;
		}
	}
	return true;
}

void
run_woke(struct run *r)
{
	region_disarm(&r->region);
}

bool
run_finished(const struct run *r)
{
	return r->main_done;
}

void
run_go(struct run *r)
{
	if (!r->gated)
		return;
	r->gated = false;
	/* The clock starts before any thread can go: every event of the
	   run proper comes after "running", in time and in order. */
	if (!r->main_done)
		emit(r, 0, ST_MRUNNING, getpid(), 0, now_ns());
	region_gate_open(&r->region);
}

int
run_step_mode(struct run *r, unsigned mode)
{
	if (r->main_done) {
		errno = ESRCH;
		return -1;
	}
	steps_set_mode(&r->steps, mode);
	r->cfg.steps = mode;
	return 0;
}

bool
run_step_waiting(const struct run *r, unsigned proc, unsigned thread)
{
	return proc >= 1 && proc <= r->cfg.nproc &&
	    !r->child[proc - 1].reaped && !r->child[proc - 1].zombie &&
	    steps_waiting(&r->steps, proc, thread);
}

bool
run_step(struct run *r, unsigned proc, unsigned thread)
{
	return run_step_waiting(r, proc, thread) &&
	    steps_grant(&r->steps, proc, thread);
}

uint64_t
run_step_grants(const struct run *r)
{
	return r->steps.grants;
}

int
run_pid(const struct run *r, unsigned proc)
{
	const struct child *c;

	if (proc < 1 || proc > r->cfg.nproc)
		return 0;
	c = &r->child[proc - 1];
	return c->reaped ? 0 : c->pid;
}

bool
run_beat(const struct run *r, unsigned proc, unsigned thread,
    uint64_t *wall, uint64_t *cpu)
{
	const struct beat *b = beats_slot(&r->beats, proc, thread);

	return b != NULL && beat_load(b, wall, cpu);
}

int
run_hold_reaping(struct run *r, bool hold)
{
	r->hold_reap = hold;
	/* Children may have ended since the last pump, their signal read. */
	r->look = hold;
	return 0;
}

int
run_pause(struct run *r, bool pause)
{
	if (run_signal(r, 0, pause ? SIGSTOP : SIGCONT) == -1)
		return -1;
	/* Held at the gate, no thread goes anyway, and the run's clock has
	   not started: a stop then (Ctrl-Z) is no pause of the run. */
	if (!r->gated)
		emit(r, 0, pause ? ST_MSTOPPED : ST_MCONTINUED, getpid(), 0,
		    now_ns());
	return 0;
}

int
run_signal(struct run *r, unsigned proc, int sig)
{
	unsigned i, sent = 0;

	for (i = 0; i < r->cfg.nproc; i++) {
		/* A zombie has nothing left to signal. */
		if ((proc == 0 || proc == i + 1) && run_pid(r, i + 1) > 0 &&
		    !r->child[i].zombie && kill(r->child[i].pid, sig) == 0)
			sent++;
	}
	if (sent == 0) {
		errno = ESRCH;
		return -1;
	}
	return 0;
}

void
run_free(struct run *r)
{
	unsigned i;

	if (r == NULL)
		return;
	if (r->child != NULL) {
		run_signal(r, 0, SIGKILL);
		/* Zombies too: held or not, nothing is left unreaped. */
		for (i = 0; i < r->cfg.nproc; i++) {
			if (r->child[i].pid > 0 && !r->child[i].reaped)
				while (waitpid(r->child[i].pid, NULL, 0) == -1 &&
				    errno == EINTR)
					;
		}
	}
	if (r->chld_fd != -1)
		close(r->chld_fd);
	region_destroy(&r->region);
	work_shared_destroy(r->shared);
	beats_destroy(&r->beats);
	steps_destroy(&r->steps);
	free(r->child);
	free(r);
}
