/*
 * model.c: applying events to the model, checking each before it counts.
 *
 * Every change of state goes through one of two setters, which keep the
 * per-state counts; the transition table below is the whole of the rules,
 * with what a wait or a hold names checked beside it (model_objects.c).  A
 * reaping event ends a process: its threads that had not ended are lost,
 * and what they held is free again; the time they were busy stays counted
 * (busy.h).  A zombie (ended, not reaped: reaping held) changes only its
 * process's state: its threads keep theirs, and what they held is given
 * back at the reaping, as the main process does in fact.  A wait or a hold
 * of a process's own mutex may close a cycle of waits: the model then marks
 * the process and its threads deadlocked (model_objects.c finds it).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "model.h"
#include "work.h"
#include "model_moves.h"
#include "model_objects.h"
#include "run.h"

#define B(s)	(1u << (s))

/* For each state, the states it may follow. */
static const uint32_t from[ST_COUNT] = {
	[ST_RUNNING]	= B(ST_NEW),
	[ST_SLEEPING]	= B(ST_RUNNING) | B(ST_WAITING),
	[ST_COMPUTING]	= B(ST_RUNNING) | B(ST_WAITING),
	[ST_WAITING]	= B(ST_RUNNING) | B(ST_SLEEPING) | B(ST_COMPUTING) |
			  B(ST_HOLDING) | B(ST_MOVE),
	[ST_HOLDING]	= B(ST_RUNNING) | B(ST_WAITING) | B(ST_HOLDING) |
			  B(ST_MOVE),
	[ST_MOVE]	= B(ST_RUNNING) | B(ST_WAITING) | B(ST_HOLDING) |
			  B(ST_MOVE),
	[ST_DONE]	= B(ST_SLEEPING) | B(ST_COMPUTING) | B(ST_HOLDING) |
			  B(ST_MOVE) | B(ST_WAITING) | B(ST_RUNNING),
	[ST_LOST]	= B(ST_NEW) | B(ST_RUNNING) | B(ST_SLEEPING) |
			  B(ST_COMPUTING) | B(ST_WAITING) | B(ST_HOLDING) |
			  B(ST_MOVE),
	[ST_TFAILED]	= B(ST_NEW),
	[ST_FORKED]	= B(ST_NEW),
	[ST_STARTING]	= B(ST_FORKED),
	[ST_JOINING]	= B(ST_STARTING),
	[ST_PDONE]	= B(ST_JOINING),
	[ST_ZOMBIE]	= B(ST_FORKED) | B(ST_STARTING) | B(ST_JOINING) |
			  B(ST_PDONE),
	[ST_EXITED]	= B(ST_FORKED) | B(ST_STARTING) | B(ST_JOINING) |
			  B(ST_PDONE) | B(ST_ZOMBIE),
	[ST_KILLED]	= B(ST_FORKED) | B(ST_STARTING) | B(ST_JOINING) |
			  B(ST_PDONE) | B(ST_ZOMBIE),
	[ST_FAILED]	= B(ST_NEW) | B(ST_FORKED) | B(ST_STARTING) |
			  B(ST_JOINING) | B(ST_PDONE) | B(ST_ZOMBIE),
	[ST_MHELD]	= B(ST_NEW),
	[ST_MRUNNING]	= B(ST_NEW) | B(ST_MHELD),
	[ST_MSTOPPED]	= B(ST_MRUNNING) | B(ST_MCONTINUED),
	[ST_MCONTINUED]	= B(ST_MSTOPPED),
	[ST_GATE]	= B(ST_RUNNING) | B(ST_SLEEPING) | B(ST_COMPUTING) |
			  B(ST_HOLDING) | B(ST_MOVE),
	[ST_MDONE]	= B(ST_MHELD) | B(ST_MRUNNING) | B(ST_MSTOPPED) |
			  B(ST_MCONTINUED),
};

_Static_assert(ST_COUNT <= 32, "the transition table is a 32-bit mask");

int
model_init(struct model *m, unsigned nproc, unsigned nthread)
{
	*m = (struct model){ .nproc = nproc, .nthread = nthread,
	    .main_state = ST_NEW };
	if (nproc == 0 || nthread == 0 || nproc > UINT16_MAX ||
	    nthread > UINT16_MAX) {
		errno = EINVAL;
		return -1;
	}
	m->procs = calloc(nproc, sizeof(*m->procs));
	m->threads = calloc((size_t)nproc * nthread, sizeof(*m->threads));
	if (m->procs == NULL || m->threads == NULL) {
		model_free(m);
		errno = ENOMEM;
		return -1;
	}
	model_reset(m);
	return 0;
}

int
model_work(struct model *m, const struct run_config *cfg)
{
	uint64_t items = 0;

	if (work_flags(cfg->work) & WORK_SLOTS)
		items = work_queue_items(cfg->nproc, cfg->nthread,
		    cfg->iterations ? cfg->iterations :
		    WORK_DEFAULT_ITERATIONS);
	free(m->item);
	m->item = NULL;
	m->items = 0;
	m->slots = 0;
	if (items == 0)
		return 0;
	if (items > UINT32_MAX) {
		errno = EINVAL;
		return -1;
	}
	if ((m->item = calloc(items, 1)) == NULL)
		return -1;
	m->items = (uint32_t)items;
	m->slots = cfg->slots ? cfg->slots : WORK_DEFAULT_SLOTS;
	return 0;
}

/* A traced model made empty: no process yet, the room it has made kept
   (model_traced.h), so that travelling in time allocates nothing. */
static void
reset_traced(struct model *m)
{
	struct model cleared = { .main_state = ST_NEW, .traced = true,
	    .apply_traced = m->apply_traced, .cap_proc = m->cap_proc,
	    .nthread = m->nthread, .procs = m->procs, .threads = m->threads,
	    .sums = m->sums };

	busy_clear(&cleared.sums);
	memset(m->procs, 0, m->cap_proc * sizeof(*m->procs));
	memset(m->threads, 0, (size_t)m->cap_proc * m->nthread *
	    sizeof(*m->threads));
	*m = cleared;
}

void
model_reset(struct model *m)
{
	struct model_proc *procs = m->procs;
	struct model_thread *threads = m->threads;
	unsigned nproc = m->nproc, nthread = m->nthread, i;
	size_t nt = (size_t)nproc * nthread;
	struct busy_sums sums = m->sums;
	uint8_t *item = m->item;
	uint32_t items = m->items;
	unsigned slots = m->slots;

	if (m->traced) {
		reset_traced(m);
		return;
	}
	busy_clear(&sums);
	*m = (struct model){ .nproc = nproc, .nthread = nthread,
	    .main_state = ST_NEW, .procs = procs, .threads = threads,
	    .sums = sums, .item = item, .items = items, .slots = slots };
	if (item != NULL)
		memset(item, 0, items);
	memset(procs, 0, nproc * sizeof(*procs));
	memset(threads, 0, nt * sizeof(*threads));
	for (i = 0; i < nproc; i++)
		procs[i].state = ST_NEW;
	for (i = 0; i < nt; i++)
		threads[i].state = ST_NEW;
	m->threads_in[ST_NEW] = (unsigned)nt;
	m->procs_in[ST_NEW] = nproc;
}

void
model_free(struct model *m)
{
	free(m->procs);
	free(m->threads);
	free(m->item);
	m->procs = NULL;
	m->threads = NULL;
	m->item = NULL;
}

const struct model_proc *
model_proc(const struct model *m, unsigned i)
{
	return &m->procs[i - 1];
}

const struct model_thread *
model_thread(const struct model *m, unsigned i, unsigned j)
{
	return &m->threads[(size_t)(i - 1) * m->nthread + (j - 1)];
}

bool
model_stopped(const struct model *m)
{
	return m->main_state == ST_MSTOPPED;
}

bool
model_finished(const struct model *m)
{
	return m->procs_reaped == m->nproc;
}

static void
set_thread(struct model *m, unsigned i, unsigned j, struct model_thread *t,
    unsigned state, uint64_t when)
{
	m->threads_in[t->state]--;
	m->threads_in[state]++;
	/* A thread at its gate ended its phase there; a zombie's threads
	   ended theirs when it died. */
	if (t->gated) {
		t->gated = false;
		m->gated--;
	} else if (m->procs[i - 1].t_zombie == 0)
		t->busy_ns += busy_end(&m->sums, t->state, t->t_state, when);
	else if (state_busy(t->state) &&
	    m->procs[i - 1].t_zombie > t->t_state)
		t->busy_ns += m->procs[i - 1].t_zombie - t->t_state;
	busy_begin(&m->sums, state, when);
	if (t->state == ST_WAITING)
		t->wait_ns += when - t->t_state;
	if (state_busy(state) && t->t_sleeping == 0)
		t->t_sleeping = when;
	t->state = state;
	t->t_state = when;
	switch (state) {
	case ST_RUNNING:
		t->t_running = when;
		break;
	case ST_SLEEPING:
	case ST_COMPUTING:
	case ST_WAITING:
	case ST_HOLDING:
	case ST_MOVE:
		break;
	case ST_DONE:
		t->rank = ++m->threads_done;
		/* FALLTHROUGH */
	default:			/* lost, failed */
		model_obj_release(m, i, j, t);
		t->t_done = when;
		m->procs[i - 1].threads_ended++;
		break;
	}
}

static void
set_proc(struct model *m, struct model_proc *p, unsigned state)
{
	m->procs_in[p->state]--;
	m->procs_in[state]++;
	p->state = state;
}

/* The process was reaped (or never forked): it ends, and so do its threads. */
static void
end_proc(struct model *m, unsigned i, const struct event *ev)
{
	struct model_proc *p = &m->procs[i - 1];
	unsigned j, state = ev->state;

	/* Exit 0 only counts as done if the process said it was done
	   (before it was a zombie, if it was one). */
	if (state == ST_EXITED)
		state = (p->state == ST_ZOMBIE ? p->ended_in : p->state) ==
		    ST_PDONE ? ST_PDONE : ST_FAILED;
	set_proc(m, p, state);
	p->reaped = true;
	p->wstatus = (int)ev->wstatus;
	p->t_end = ev->t_ns;
	p->rank = ++m->procs_reaped;
	if (OBJ_KIND(ev->what) == OBJ_SEM) {
		p->permits_back = ev->object;
		m->permits_back += ev->object;
	}
	for (j = 1; j <= m->nthread; j++) {
		struct model_thread *t = &m->threads[(size_t)(i - 1) *
		    m->nthread + (j - 1)];

		if (from[ST_LOST] & B(t->state))
			set_thread(m, i, j, t, ST_LOST, ev->t_ns);
	}
}

/* Thread t comes to its gate (step mode): its busy phase ends there, its
   state and what it holds stay.  Once only until its next event. */
static bool
gate(struct model *m, struct model_thread *t, const struct event *ev)
{
	if (t->gated || ev->what != 0 || ev->object != 0)
		return false;
	t->busy_ns += busy_end(&m->sums, t->state, t->t_state, ev->t_ns);
	t->gated = true;
	t->t_gate = ev->t_ns;
	m->gated++;
	m->gates++;
	return true;
}

static bool
apply_thread(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];
	struct model_thread *t;

	if (ev->thread > m->nthread || ev->pid != p->pid ||
	    (p->state != ST_STARTING && p->state != ST_JOINING))
		return false;
	t = &m->threads[(size_t)(ev->proc - 1) * m->nthread +
	    (ev->thread - 1)];
	/* Held at the gate, a thread starts and goes no further. */
	if (!(from[ev->state] & B(t->state)) || ev->state == ST_LOST ||
	    !model_obj_after_wait_ok(t, ev->state) || ev->t_ns < t->t_state ||
	    (t->gated && ev->t_ns < t->t_gate) ||
	    (ev->state != ST_MOVE && ev->state != ST_GATE &&
	    !model_move_next_ok(m, t, ev->state)) ||
	    (m->main_state == ST_MHELD && ev->state != ST_RUNNING &&
	    ev->state != ST_TFAILED))
		return false;
	if (ev->state == ST_GATE)
		return gate(m, t, ev);
	if (ev->state == ST_WAITING || ev->state == ST_HOLDING) {
		if (!model_obj_ok(m, ev, p, t))
			return false;
	} else if (ev->state == ST_MOVE) {
		if (!model_move_ok(m, ev, t))
			return false;
	} else if (ev->what != 0 || ev->object != 0) {
		return false;
	}
	switch (ev->state) {
	case ST_SLEEPING:
	case ST_COMPUTING:
	case ST_HOLDING:
		t->sleep_ns = ev->plan_ns;
		/* Computing again after a wait for a CPU goes on with the
		   plan it had; every other busy phase plans anew. */
		if (t->state != ST_WAITING || t->what != OBJ_CPU)
			t->plan_ns += ev->plan_ns;
		break;
	case ST_DONE:
		t->cpu_ns = ev->cpu_ns;
		break;
	case ST_TFAILED:
		t->err = (int)ev->err;
		break;
	}
	t->tid = ev->tid;
	set_thread(m, ev->proc, ev->thread, t, ev->state, ev->t_ns);
	if (ev->state == ST_WAITING || ev->state == ST_HOLDING)
		model_obj_take(m, ev, p, t);
	if (ev->state == ST_MOVE)
		model_move_take(m, ev, ev->proc, ev->thread, t);
	return true;
}

/* Process i died at `when` and is a zombie: the busy phases of its
   threads end, though they keep their states until it is reaped. */
static void
died(struct model *m, unsigned i, uint64_t when)
{
	const struct model_thread *t = &m->threads[(size_t)(i - 1) *
	    m->nthread];
	unsigned j;

	for (j = 0; j < m->nthread; j++)
		if (!t[j].gated)	/* ended at its gate */
			busy_end(&m->sums, t[j].state, t[j].t_state, when);
}

static bool
apply_proc(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];

	/* A reaped process that exited 0 stays "done": nothing may follow. */
	if (p->reaped || !(from[ev->state] & B(p->state)))
		return false;
	/* Only a reaping names something: the permits given back. */
	if (ev->state == ST_KILLED || ev->state == ST_FAILED ||
	    ev->state == ST_EXITED) {
		if (ev->what != 0 && ev->what != OBJ_SEM)
			return false;
		if (ev->what == 0 && ev->object != 0)
			return false;
	} else if (ev->what != 0 || ev->object != 0) {
		return false;
	}
	if (ev->state != ST_FORKED && ev->pid != p->pid)
		return false;
	switch (ev->state) {
	case ST_FORKED:
		if (ev->pid <= 0)
			return false;
		p->pid = ev->pid;
		p->t_forked = ev->t_ns;
		break;
	case ST_STARTING:
		p->t_starting = ev->t_ns;
		break;
	case ST_JOINING:
		p->t_joining = ev->t_ns;
		break;
	case ST_PDONE:
		p->t_done = ev->t_ns;
		p->done_rank = ++m->procs_done;
		break;
	case ST_ZOMBIE:
		died(m, ev->proc, ev->t_ns);
		p->ended_in = p->state;
		p->t_zombie = ev->t_ns;
		break;
	default:			/* exited, killed, failed */
		end_proc(m, ev->proc, ev);
		return true;
	}
	set_proc(m, p, ev->state);
	return true;
}

/* May main event ev name what it names: only its end names something,
   the figures of the race or the queue. */
static bool
main_names_ok(const struct event *ev)
{
	if (ev->state == ST_MDONE && (ev->what == OBJ_COUNTER ||
	    ev->what == OBJ_QUEUE))
		return ev->object == 0;
	return ev->what == 0 && ev->object == 0;
}

static bool
apply_main(struct model *m, const struct event *ev)
{
	if (!(from[ev->state] & B(m->main_state)) || !main_names_ok(ev))
		return false;
	m->main_state = ev->state;
	if (ev->state == ST_MSTOPPED)
		m->stops++;
	/* The run's clock starts at "running": for a run held at its
	   start, when the gate opened. */
	if (ev->state == ST_MRUNNING)
		m->t0 = ev->t_ns;
	if (ev->state == ST_MDONE) {
		m->t_main_done = ev->t_ns;
		m->end_what = ev->what;
		m->end_value = ev->value;
		m->end_aux = ev->aux;
	}
	return true;
}

/* Step mode: is the whole run held -- a thread at its gate, and every
   other at its gate too, blocked (waiting) or ended, so that nothing
   moves until the room lets a thread go?  Its time is counted apart:
   the run's clock for the concurrency does not run then. */
static void
held_update(struct model *m, uint64_t when)
{
	unsigned active = m->nproc * m->nthread - m->threads_in[ST_DONE] -
	    m->threads_in[ST_LOST] - m->threads_in[ST_TFAILED] -
	    m->threads_in[ST_WAITING] - m->gated;
	bool held = m->gated > 0 && active == 0;

	if (held && m->held_since == 0)
		m->held_since = when;
	else if (!held && m->held_since != 0) {
		m->held_ns += when - m->held_since;
		m->held_since = 0;
	}
}

bool
model_apply(struct model *m, const struct event *ev)
{
	enum state_kind kind = KIND_MAIN;
	bool ok = false;

	if (m->apply_traced != NULL)
		ok = m->apply_traced(m, ev);
	else if (!state_kind(ev->state, &kind))
		;
	else if (kind == KIND_MAIN)
		ok = ev->proc == 0 && ev->thread == 0 && apply_main(m, ev);
	else if (ev->proc < 1 || ev->proc > m->nproc)
		;
	else if (kind == KIND_PROC)
		ok = ev->thread == 0 && apply_proc(m, ev);
	else
		ok = ev->thread >= 1 && apply_thread(m, ev);
	if (ok && !m->traced && kind != KIND_MAIN)
		held_update(m, ev->t_ns);
	if (ok)
		m->events++;
	else
		m->bad++;
	return ok;
}
