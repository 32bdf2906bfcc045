/*
 * model_query.c: what a model answers of time and order, read only: how
 * long the run has gone, how many threads were busy at once on average
 * and are now, how far a thread is through its plan, who holds what a thread waits
 * for, which processes finished in other places than in another run.
 */
#include "event.h"
#include "model.h"
#include "model_query.h"

bool
model_proc_stopped(const struct model *m, unsigned i)
{
	const struct model_proc *p = &m->procs[i - 1];

	return model_stopped(m) && p->pid > 0 && !p->reaped &&
	    p->state != ST_ZOMBIE;
}

bool
model_thread_held(const struct model *m, unsigned i, unsigned j)
{
	return m->main_state == ST_MHELD &&
	    model_thread(m, i, j)->state == ST_RUNNING;
}

uint64_t
model_elapsed(const struct model *m, uint64_t now)
{
	/* Held at its start, the run has not started: its clock stood. */
	if (m->main_state == ST_MDONE && m->t0 != 0)
		return m->t_main_done - m->t0;
	if (m->t0 == 0 || now < m->t0)
		return 0;
	return now - m->t0;
}

uint64_t
model_held_ns(const struct model *m, uint64_t now)
{
	uint64_t held = m->held_ns;

	if (m->main_state == ST_MDONE)
		now = m->t_main_done;
	if (m->held_since != 0 && now > m->held_since)
		held += now - m->held_since;
	return held;
}

double
model_concurrency(const struct model *m, uint64_t now)
{
	uint64_t el = model_elapsed(m, now), held = model_held_ns(m, now);

	if (m->main_state == ST_MDONE)
		now = m->t_main_done;
	/* Held in step mode, the run's clock stood: nothing could move. */
	el = held < el ? el - held : 0;
	return el > 0 ? (double)model_slept_ns(m, now) / (double)el : 0.0;
}

uint64_t
model_slept_ns(const struct model *m, uint64_t now)
{
	return busy_ns(&m->sums, now, model_elapsed(m, now));
}

unsigned
model_busy_now(const struct model *m)
{
	return busy_now(&m->sums);
}

double
model_progress(const struct model *m, unsigned i, unsigned j, uint64_t now)
{
	const struct model_thread *t = model_thread(m, i, j);
	uint64_t d;

	if (t->state == ST_DONE)
		return 1;
	if (t->t_sleeping == 0 || now < t->t_state)
		return 0;
	if (t->state == ST_COMPUTING || (t->state == ST_WAITING &&
	    t->what == OBJ_CPU))
		d = t->busy_ns + (t->state == ST_COMPUTING ?
		    now - t->t_state : 0);
	else if (state_busy(t->state))
		d = now - t->t_state;
	else
		return 0;
	if (t->sleep_ns == 0 || d >= t->sleep_ns)
		return 1;
	return (double)d / (double)t->sleep_ns;
}

unsigned
model_holder(const struct model *m, unsigned i, const struct model_thread *t,
    unsigned *proc)
{
	*proc = i;
	if (t->state != ST_WAITING)
		return 0;
	if (t->what == OBJ_MUTEX)
		return m->procs[i - 1].holder[t->object];
	if (t->what == OBJ_GMUTEX) {
		*proc = m->gm_proc;
		return m->gm_thread;
	}
	return 0;
}

unsigned
model_moved(const struct model *before, const struct model *now, bool *moved)
{
	unsigned i, n = 0;

	if (before->nproc != now->nproc || before->nthread != now->nthread)
		return 0;
	for (i = 0; i < now->nproc; i++) {
		const struct model_proc *a = &before->procs[i];
		const struct model_proc *b = &now->procs[i];

		moved[i] = a->done_rank != 0 && b->done_rank != 0 &&
		    a->done_rank != b->done_rank;
		n += moved[i];
	}
	return n;
}

uint64_t
model_expected_events(unsigned nproc, unsigned nthread)
{
	/* main: running, done; process: forked, starting, joining, done,
	   exited; thread: running, sleeping, done. */
	return 2 + (uint64_t)nproc * (5 + 3 * (uint64_t)nthread);
}

unsigned
model_proc_threads(const struct model *m, unsigned i)
{
	return m->traced ? model_proc(m, i)->nthreads : m->nthread;
}
