/*
 * model_moves.c: the moves of the race and the queue, checked one by one
 * (see model_moves.h).
 *
 * A thread's moves follow each other as the table below says: an update
 * of the counter is a read, an add of 1 to what it read, a write of what
 * it added, and an unlock if it held the lock; a producer only puts, a
 * consumer only takes.  Each move's figures are checked where they can
 * be by the thread's own moves alone, because the processes' rings are
 * read in turn and the model cannot order two processes' moves (model.h):
 *
 *   lost updates  a write tells the value it replaced (`aux`): each write
 *                 loses aux - (value - 1) updates -- what others wrote
 *                 since its read, and it wrote over -- and the sum over
 *                 every write, in any order, is the writes made less the
 *                 counter (the replaced values chain from 0 to the last
 *                 but one written), so the model's count is exact
 *                 whatever order the rings are read in; a write under
 *                 the lock loses none;
 *   the queue     every put or take tells the items in the queue after
 *                 it, within 1..slots or 0..slots-1; every item is put
 *                 once and taken once (a bit each), and the items put
 *                 but not taken yet, or taken and not put yet (their
 *                 process's ring not read yet), are counted.
 */
#include <stdbool.h>
#include <stdint.h>

#include "event.h"
#include "model_moves.h"
#include "model_objects.h"
#include "model_types.h"

#define MB(m)	(1u << (m))

/* For each move, the moves it may follow (MOVE_NONE: none yet). */
static const uint8_t after[MOVE_COUNT] = {
	[MOVE_READ]	= MB(MOVE_NONE) | MB(MOVE_WRITE) | MB(MOVE_UNLOCK),
	[MOVE_ADD]	= MB(MOVE_READ),
	[MOVE_WRITE]	= MB(MOVE_ADD),
	[MOVE_UNLOCK]	= MB(MOVE_WRITE),
	[MOVE_PUT]	= MB(MOVE_NONE) | MB(MOVE_PUT),
	[MOVE_TAKE]	= MB(MOVE_NONE) | MB(MOVE_TAKE),
};

_Static_assert(MOVE_COUNT <= 8, "the table of moves is an 8-bit mask");

/* The item bits of the queue. */
#define ITEM_PUT	0x1u
#define ITEM_TAKEN	0x2u

/* Are the figures of a move of the queue right: the fill within the
   slots, an item of the run not put (taken) before? */
static bool
queue_ok(const struct model *m, const struct event *ev, unsigned bit)
{
	uint32_t fill_lo = ev->what == MOVE_PUT ? 1 : 0;

	return m->slots > 0 && ev->value >= fill_lo &&
	    ev->value <= m->slots - 1 + fill_lo && ev->aux >= 1 &&
	    ev->aux <= m->items && !(m->item[ev->aux - 1] & bit);
}

bool
model_move_ok(const struct model *m, const struct event *ev,
    const struct model_thread *t)
{
	unsigned mv = ev->what;

	if (mv == MOVE_NONE || mv >= MOVE_COUNT || ev->object != 0 ||
	    !(after[mv] & MB(t->move)))
		return false;
	/* After a wait for the queue: the move it waited to make. */
	if (t->state == ST_WAITING && (t->what != OBJ_QUEUE ||
	    t->object != (mv == MOVE_PUT ? QUEUE_FULL : QUEUE_EMPTY)))
		return false;
	switch (mv) {
	case MOVE_READ:
		return ev->aux == 0;
	case MOVE_ADD:
		return ev->aux == 0 && ev->value == t->mval + 1;
	case MOVE_WRITE:
		/* Under the lock nobody wrote since the read. */
		return ev->value == t->mval && (!(t->holds & HOLD_GMUTEX) ||
		    ev->aux == ev->value - 1);
	case MOVE_UNLOCK:
		return ev->value == 0 && ev->aux == 0 &&
		    (t->holds & HOLD_GMUTEX);
	case MOVE_PUT:
		return queue_ok(m, ev, ITEM_PUT);
	default:
		return queue_ok(m, ev, ITEM_TAKEN);
	}
}

bool
model_move_next_ok(const struct model *m, const struct model_thread *t,
    unsigned state)
{
	if (t->state == ST_RUNNING && state == ST_DONE)
		return m->slots > 0;
	if (t->state != ST_MOVE)
		return true;
	/* Between an update's read and its write, a thread does nothing
	   else; with the lock, it lets go before anything else. */
	if (t->move == MOVE_READ || t->move == MOVE_ADD)
		return false;
	return !(t->holds & HOLD_GMUTEX);
}

void
model_move_take(struct model *m, const struct event *ev, unsigned i,
    unsigned j, struct model_thread *t)
{
	uint8_t *item = ev->aux >= 1 && ev->aux <= m->items ?
	    &m->item[ev->aux - 1] : NULL;

	t->move = ev->what;
	t->mval = ev->value;
	/* A round ends with the write (without the lock), the unlock (with
	   it), an item put or taken. */
	if ((ev->what == MOVE_WRITE && !(t->holds & HOLD_GMUTEX)) ||
	    ev->what == MOVE_UNLOCK || ev->what == MOVE_PUT ||
	    ev->what == MOVE_TAKE)
		t->rounds++;
	switch (ev->what) {
	case MOVE_WRITE:
		m->writes++;
		m->lost += (int64_t)ev->aux - ((int64_t)ev->value - 1);
		break;
	case MOVE_UNLOCK:
		model_obj_release(m, i, j, t);
		break;
	case MOVE_PUT:
	case MOVE_TAKE:
		if (ev->what == MOVE_PUT)
			m->puts++;
		else
			m->takes++;
		/* An item's first move makes it unmatched, its second
		   matches it. */
		m->unmatched += *item == 0 ? 1 : -1;
		*item |= ev->what == MOVE_PUT ? ITEM_PUT : ITEM_TAKEN;
		if (ev->value > m->fill_peak)
			m->fill_peak = ev->value;
		break;
	}
}
