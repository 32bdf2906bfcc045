/*
 * model_objects.c: what a thread may wait for and hold, and what holding
 * does: the model's rules for objects, beside model.c's table of states.
 *
 * Each kind of object has a row: may it be held, and how many a process
 * (its mutexes) or the run (the global mutex, the semaphore, the barrier)
 * has.  A wait names nothing the thread holds, and the CPU only while it
 * computes; a hold takes what it waited for, if it waited, and never a
 * process's mutex that another thread holds.  Who holds each mutex is
 * kept, so a mutex wait can be followed from holder to holder: if it comes
 * back to the thread that waited, that cycle is a deadlock, counted once
 * per process.  The global mutex and the semaphore are followed as told
 * (model.h says why).
 */
#include <stdbool.h>
#include <stdint.h>

#include "event.h"
#include "model_objects.h"
#include "model_types.h"

/* What each kind of object may be waited for and held, and how many of
   it a process or the run has. */
static const struct {
	bool	 hold;
	uint16_t count;
} objects[OBJ_COUNT] = {
	[OBJ_CPU]	= { false, 1 },
	[OBJ_MUTEX]	= { true, OBJ_MUTEXES },
	[OBJ_GMUTEX]	= { true, 1 },
	[OBJ_SEM]	= { true, 1 },
	[OBJ_BARRIER]	= { false, 1 },
	[OBJ_COUNTER]	= { false, 0 },		/* never waited for */
	[OBJ_QUEUE]	= { false, 2 },		/* full, empty */
};

/* The HOLD_* bit of a held object. */
static unsigned
hold_bit(unsigned kind, unsigned object)
{
	return kind == OBJ_MUTEX ? HOLD_MUTEX(object) : kind == OBJ_GMUTEX ?
	    HOLD_GMUTEX : HOLD_SEM;
}

/* Let go of everything thread j of process i holds. */
void
model_obj_release(struct model *m, unsigned i, unsigned j,
    struct model_thread *t)
{
	struct model_proc *p = &m->procs[i - 1];
	unsigned o;

	for (o = 0; o < OBJ_MUTEXES; o++)
		if ((t->holds & HOLD_MUTEX(o)) && p->holder[o] == j)
			p->holder[o] = 0;
	if ((t->holds & HOLD_GMUTEX) && m->gm_proc == i && m->gm_thread == j)
		m->gm_proc = m->gm_thread = 0;
	if ((t->holds & HOLD_SEM) && m->sem_held > 0)
		m->sem_held--;
	t->holds = 0;
}

/* Does thread s of process i close a cycle of waits for mutexes?  Follow
   "waits for a mutex held by" from it; mark the cycle if it comes back. */
static void
find_cycle(struct model *m, unsigned i, unsigned s)
{
	struct model_proc *p = &m->procs[i - 1];
	struct model_thread *base = &m->threads[(size_t)(i - 1) * m->nthread];
	unsigned cur = s, h, n;

	for (n = 0; n < m->nthread; n++) {
		const struct model_thread *t = &base[cur - 1];

		if (t->state != ST_WAITING || t->what != OBJ_MUTEX)
			return;
		h = p->holder[t->object];
		if (h == 0)
			return;
		if (h == s)
			break;
		cur = h;
	}
	if (n == m->nthread)
		return;
	if (!p->cycle)
		m->deadlocks++;
	p->cycle = (uint16_t)s;
	for (cur = s; ; cur = h) {
		h = p->holder[base[cur - 1].object];
		base[cur - 1].deadlocked = true;
		base[cur - 1].blocker = (uint16_t)h;
		if (h == s)
			break;
	}
}

/* Are what and object of a wait or a hold by thread t (j of process p)
   ones it may name? */
bool
model_obj_ok(const struct model *m, const struct event *ev,
    const struct model_proc *p, const struct model_thread *t)
{
	unsigned kind = OBJ_KIND(ev->what);

	if (kind == OBJ_NONE || kind >= OBJ_COUNT ||
	    ev->object >= objects[kind].count)
		return false;
	if ((ev->what & OBJ_RECOVERED) &&
	    (ev->state != ST_HOLDING || kind != OBJ_GMUTEX))
		return false;
	/* The queue full is a producer's wait, empty a consumer's. */
	if (kind == OBJ_QUEUE && t->move != MOVE_NONE &&
	    t->move != (ev->object == QUEUE_FULL ? MOVE_PUT : MOVE_TAKE))
		return false;
	if (ev->state == ST_WAITING)
		/* A thread waits for the CPU only while it computes, and for
		   nothing it holds. */
		return (kind == OBJ_CPU) == (t->state == ST_COMPUTING) &&
		    !(objects[kind].hold &&
		    (t->holds & hold_bit(kind, ev->object)));
	/* Holding: what it waited for, if it waited, and nothing it has. */
	if (!objects[kind].hold || (t->holds & hold_bit(kind, ev->object)))
		return false;
	if (t->state == ST_WAITING &&
	    (t->what != kind || t->object != ev->object))
		return false;
	return kind != OBJ_MUTEX || p->holder[ev->object] == 0;
}

/* After a wait: what comes next must fit what it waited for. */
bool
model_obj_after_wait_ok(const struct model_thread *t, unsigned state)
{
	if (t->state != ST_WAITING)
		return true;
	if (state == ST_COMPUTING)
		return t->what == OBJ_CPU;
	if (state == ST_SLEEPING)
		return t->what == OBJ_BARRIER;
	/* Done after a wait: the queue broke, or its last item was taken
	   by another. */
	if (state == ST_DONE)
		return t->what == OBJ_QUEUE;
	return true;
}

/* Note what a wait or a hold of thread t names, and look for a deadlock. */
void
model_obj_take(struct model *m, const struct event *ev, struct model_proc *p,
    struct model_thread *t)
{
	unsigned kind = OBJ_KIND(ev->what);

	t->what = (uint8_t)kind;
	t->object = ev->object;
	if (ev->state == ST_HOLDING) {
		if (t->holds == 0)
			t->t_hold = ev->t_ns;
		t->holds |= (uint8_t)hold_bit(kind, ev->object);
		if (kind == OBJ_MUTEX)
			p->holder[ev->object] = ev->thread;
		else if (kind == OBJ_GMUTEX) {
			m->gm_proc = ev->proc;
			m->gm_thread = ev->thread;
		} else if (++m->sem_held > m->sem_peak)
			m->sem_peak = m->sem_held;
		if (ev->what & OBJ_RECOVERED) {
			t->recovered = true;
			m->recovered++;
		}
	}
	if (kind == OBJ_MUTEX)
		find_cycle(m, ev->proc, ev->thread);
	if (kind == OBJ_BARRIER)
		p->last_in = ev->thread;
}
