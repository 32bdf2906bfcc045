/*
 * ring.c: the MPSC event ring described in ring.h.
 *
 * The producers share one claim counter and nothing else; the consumer keeps
 * its position privately.  Each slot's sequence word says whose turn it is,
 * so a producer and the consumer only ever meet on one slot, and a full ring
 * is simply a slot whose sequence has not come round to the producer yet.
 */
#include <sched.h>
#include <string.h>
#include <time.h>

#include "ring.h"

size_t
ring_bytes(uint32_t slots)
{
	size_t n = offsetof(struct ring, slot) +
	    (size_t)slots * sizeof(struct ring_slot);

	return (n + 63) & ~(size_t)63;
}

void
ring_init(struct ring *r, uint32_t slots, uint32_t start,
    struct ring_cursor *c)
{
	uint32_t i;

	atomic_init(&r->tail, start);
	r->mask = slots - 1;
	/* Slot of position p (for p in start .. start+slots-1) is free for p. */
	for (i = 0; i < slots; i++)
		atomic_init(&r->slot[(start + i) & r->mask].seq, start + i);
	c->head = start;
	c->mask = slots - 1;
}

/* Wait a little longer each time the slot is not ours yet. */
static void
backoff(unsigned *round)
{
	static const struct timespec nap = { 0, 50 * 1000 };

	if (*round < 64) {
#if defined(__x86_64__) || defined(__i386__)
		__builtin_ia32_pause();
#endif
	} else if (*round < 128)
		sched_yield();
	else
		nanosleep(&nap, NULL);
	if (*round < 128)
		(*round)++;
}

void
ring_push_mpsc(struct ring *r, const struct event *ev)
{
	/* Relaxed: the claim orders nothing; the slot's sequence does. */
	uint32_t pos = atomic_fetch_add_explicit(&r->tail, 1,
	    memory_order_relaxed);
	struct ring_slot *s = &r->slot[pos & r->mask];
	unsigned round = 0;

	/* Acquire: the consumer's copy of the old event happens before our
	   write of the new one. */
	while (atomic_load_explicit(&s->seq, memory_order_acquire) != pos)
		backoff(&round);
	memcpy(&s->ev, ev, sizeof(*ev));
	/* Release: the event is visible before the consumer sees it published. */
	atomic_store_explicit(&s->seq, pos + 1, memory_order_release);
}

/* Take the event of position pos if it is published. */
static bool
take(struct ring *r, const struct ring_cursor *c, uint32_t pos,
    struct event *out)
{
	struct ring_slot *s = &r->slot[pos & c->mask];

	/* Acquire: pairs with the producer's release of the sequence. */
	if (atomic_load_explicit(&s->seq, memory_order_acquire) != pos + 1)
		return false;
	memcpy(out, &s->ev, sizeof(*out));
	/* Release: our copy is done before a producer may overwrite it. */
	atomic_store_explicit(&s->seq, pos + c->mask + 1, memory_order_release);
	return true;
}

bool
ring_ready(const struct ring *r, const struct ring_cursor *c)
{
	const struct ring_slot *s = &r->slot[c->head & c->mask];

	return atomic_load_explicit(&s->seq, memory_order_acquire) ==
	    c->head + 1;
}

bool
ring_pop(struct ring *r, struct ring_cursor *c, struct event *out)
{
	if (!take(r, c, c->head, out))
		return false;
	c->head++;
	return true;
}

bool
ring_pop_dead(struct ring *r, struct ring_cursor *c, struct event *out)
{
	uint32_t i;

	/* Anything published lies within one lap of the head: a later
	   position would have needed a slot the consumer had not yet freed. */
	for (i = 0; i <= c->mask; i++) {
		if (take(r, c, c->head + i, out)) {
			c->head += i + 1;
			return true;
		}
	}
	return false;
}
