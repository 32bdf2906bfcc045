/*
 * model.c: applying events to the model, checking each before it counts.
 *
 * Every change of state goes through one of two setters, which keep the
 * per-state counts; the transition table below is the whole of the rules.
 * A reaping event ends a process: its threads that had not ended are lost.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "model.h"

#define B(s)	(1u << (s))

/* For each state, the states it may follow. */
static const uint32_t from[ST_COUNT] = {
	[ST_RUNNING]	= B(ST_NEW),
	[ST_SLEEPING]	= B(ST_RUNNING),
	[ST_DONE]	= B(ST_SLEEPING),
	[ST_LOST]	= B(ST_NEW) | B(ST_RUNNING) | B(ST_SLEEPING),
	[ST_TFAILED]	= B(ST_NEW),
	[ST_FORKED]	= B(ST_NEW),
	[ST_STARTING]	= B(ST_FORKED),
	[ST_JOINING]	= B(ST_STARTING),
	[ST_PDONE]	= B(ST_JOINING),
	[ST_EXITED]	= B(ST_FORKED) | B(ST_STARTING) | B(ST_JOINING) |
			  B(ST_PDONE),
	[ST_KILLED]	= B(ST_FORKED) | B(ST_STARTING) | B(ST_JOINING) |
			  B(ST_PDONE),
	[ST_FAILED]	= B(ST_NEW) | B(ST_FORKED) | B(ST_STARTING) |
			  B(ST_JOINING) | B(ST_PDONE),
	[ST_MRUNNING]	= B(ST_NEW),
	[ST_MSTOPPED]	= B(ST_MRUNNING) | B(ST_MCONTINUED),
	[ST_MCONTINUED]	= B(ST_MSTOPPED),
	[ST_MDONE]	= B(ST_MRUNNING) | B(ST_MSTOPPED) | B(ST_MCONTINUED),
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

void
model_reset(struct model *m)
{
	struct model_proc *procs = m->procs;
	struct model_thread *threads = m->threads;
	unsigned nproc = m->nproc, nthread = m->nthread, i;
	size_t nt = (size_t)nproc * nthread;

	*m = (struct model){ .nproc = nproc, .nthread = nthread,
	    .main_state = ST_NEW, .procs = procs, .threads = threads };
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
	m->procs = NULL;
	m->threads = NULL;
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
model_proc_stopped(const struct model *m, unsigned i)
{
	const struct model_proc *p = &m->procs[i - 1];

	return model_stopped(m) && p->pid > 0 && !p->reaped;
}

uint64_t
model_elapsed(const struct model *m, uint64_t now)
{
	if (m->main_state == ST_MDONE)
		return m->t_main_done - m->t0;
	if (m->t0 == 0 || now < m->t0)
		return 0;
	return now - m->t0;
}

double
model_concurrency(const struct model *m, uint64_t now)
{
	uint64_t el = model_elapsed(m, now);

	if (m->main_state == ST_MDONE)
		now = m->t_main_done;
	return el > 0 ? (double)model_slept_ns(m, now) / (double)el : 0.0;
}

bool
model_finished(const struct model *m)
{
	return m->procs_reaped == m->nproc;
}

uint64_t
model_slept_ns(const struct model *m, uint64_t now)
{
	uint64_t going;

	going = (uint64_t)m->threads_in[ST_SLEEPING] * now - m->sleep_starts;
	/* A `now` older than a sleep's start would make it negative. */
	if ((int64_t)going < 0)
		going = 0;
	return m->slept_ns + going;
}

uint64_t
model_expected_events(unsigned nproc, unsigned nthread)
{
	/* main: running, done; process: forked, starting, joining, done,
	   exited; thread: running, sleeping, done. */
	return 2 + (uint64_t)nproc * (5 + 3 * (uint64_t)nthread);
}

static void
set_thread(struct model *m, unsigned i, struct model_thread *t,
    unsigned state, uint64_t when)
{
	m->threads_in[t->state]--;
	m->threads_in[state]++;
	/* The sum wraps freely: only count * now - sum is ever used. */
	if (t->state == ST_SLEEPING)
		m->sleep_starts -= t->t_sleeping;
	if (state == ST_SLEEPING)
		m->sleep_starts += when;
	t->state = state;
	switch (state) {
	case ST_RUNNING:
		t->t_running = when;
		break;
	case ST_SLEEPING:
		t->t_sleeping = when;
		break;
	case ST_DONE:
		t->rank = ++m->threads_done;
		m->slept_ns += when - t->t_sleeping;
		/* FALLTHROUGH */
	default:			/* lost, failed */
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

	/* Exit 0 only counts as done if the process said it was done. */
	if (state == ST_EXITED)
		state = p->state == ST_PDONE ? ST_PDONE : ST_FAILED;
	set_proc(m, p, state);
	p->reaped = true;
	p->wstatus = (int)ev->wstatus;
	p->t_end = ev->t_ns;
	p->rank = ++m->procs_reaped;
	for (j = 1; j <= m->nthread; j++) {
		struct model_thread *t = &m->threads[(size_t)(i - 1) *
		    m->nthread + (j - 1)];

		if (from[ST_LOST] & B(t->state))
			set_thread(m, i, t, ST_LOST, ev->t_ns);
	}
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
	if (!(from[ev->state] & B(t->state)) || ev->state == ST_LOST)
		return false;
	if (ev->state == ST_SLEEPING)
		t->sleep_ns = ev->sleep_ns;
	if (ev->state == ST_TFAILED)
		t->err = (int)ev->err;
	t->tid = ev->tid;
	set_thread(m, ev->proc, t, ev->state, ev->t_ns);
	return true;
}

static bool
apply_proc(struct model *m, const struct event *ev)
{
	struct model_proc *p = &m->procs[ev->proc - 1];

	/* A reaped process that exited 0 stays "done": nothing may follow. */
	if (p->reaped || !(from[ev->state] & B(p->state)))
		return false;
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
		break;
	default:			/* exited, killed, failed */
		end_proc(m, ev->proc, ev);
		return true;
	}
	set_proc(m, p, ev->state);
	return true;
}

static bool
apply_main(struct model *m, const struct event *ev)
{
	if (!(from[ev->state] & B(m->main_state)))
		return false;
	m->main_state = ev->state;
	if (ev->state == ST_MSTOPPED)
		m->stops++;
	if (ev->state == ST_MRUNNING)
		m->t0 = ev->t_ns;
	if (ev->state == ST_MDONE)
		m->t_main_done = ev->t_ns;
	return true;
}

bool
model_apply(struct model *m, const struct event *ev)
{
	enum state_kind kind;
	bool ok = false;

	if (!state_kind(ev->state, &kind))
		;
	else if (kind == KIND_MAIN)
		ok = ev->proc == 0 && ev->thread == 0 && apply_main(m, ev);
	else if (ev->proc < 1 || ev->proc > m->nproc)
		;
	else if (kind == KIND_PROC)
		ok = ev->thread == 0 && apply_proc(m, ev);
	else
		ok = ev->thread >= 1 && apply_thread(m, ev);
	if (ok)
		m->events++;
	else
		m->bad++;
	return ok;
}
