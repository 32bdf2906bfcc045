/*
 * ring.h: a bounded multi-producer, single-consumer ring of events that
 * works across processes (it lives in a MAP_SHARED region).
 *
 * Layout.  A ring is a cache line with the producers' claim counter `tail`,
 * one with the count of producers asleep on a full ring, then `slots` slots (a power of two), each an event and its sequence word.
 * Positions are free-running uint32_t counters; slot = position & mask.  All
 * comparisons are equalities or unsigned differences, so the counters may
 * wrap (the tests start them near UINT32_MAX).
 *
 * Sequence protocol (after Vyukov's bounded queue).  The slot for position p
 * is free for p when seq == p, and holds the event of p when seq == p + 1.
 *   producer: p = fetch_add(tail, 1); wait until seq == p; write the event;
 *             store-release seq = p + 1.
 *   consumer: at its private head h, if load-acquire seq == h + 1, copy the
 *             event, store-release seq = h + slots, h++.
 *
 * Who may call what.
 *   ring_init       the creator, before any producer or consumer runs.
 *   ring_push_mpsc  any number of threads in any processes sharing the ring.
 *   ring_pop,       one consumer, with its own struct ring_cursor (kept in
 *   ring_ready,     private memory: it never trusts the ring's memory for
 *   ring_pop_dead   its position or size, so garbage in the ring can give
 *                   it garbage events but never make it read out of bounds
 *                   or loop).
 *
 * Progress.  No locks.  ring_pop never waits.  ring_push_mpsc claims a slot
 * in one atomic step and never fails: while the ring is full it waits until
 * the consumer frees its slot -- it spins briefly, yields, then sleeps on a
 * futex on the slot's sequence word, having counted itself in `waiters`; a
 * consumer that frees a slot while `waiters` is not zero wakes that word
 * (a Dekker pair with full fences, so no wake-up is lost).  Thousands of
 * waiting producers thus cost no CPU, and an unfull ring costs the consumer
 * one fence and one load per event.  Nothing is ever dropped.  Events from one thread arrive in the order it
 * pushed them; events of different threads arrive in claim order, so an
 * event pushed after another has returned (a join, say) arrives after it.
 * A producer preempted between claim and publish holds up the consumer at
 * that slot until it runs again: this is why each process has its own ring.
 *
 * A producer that dies mid-write.  A slot claimed and never published can
 * only belong to a ring whose process died, and a paused producer looks the
 * same as a dead one until its process is reaped.  So the consumer never
 * skips a slot on a timeout.  Only after the process has been reaped, or
 * seen ended by waitid() and left a zombie (every producer of the ring is
 * gone for good either way), does it call ring_pop_dead, which takes every
 * event that was published and discards the slots that were claimed but
 * never written.
 */
#ifndef PTVIZ_RING_H
#define PTVIZ_RING_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "ring counters must be lock-free");
_Static_assert(sizeof(unsigned) == sizeof(uint32_t), "counters are 32 bits");

#define RING_MIN_SLOTS	2u
#define RING_MAX_SLOTS	(1u << 20)

struct ring_slot {
	_Atomic uint32_t seq;
	uint32_t	 pad_;
	struct event	 ev;
};

struct ring {
	alignas(64) _Atomic uint32_t tail;	/* next position to claim */
	uint32_t	 mask;			/* slots - 1, for producers */
	alignas(64) _Atomic uint32_t waiters;	/* producers asleep on a slot */
	alignas(64) struct ring_slot slot[];
};

/* The consumer's own view of one ring. */
struct ring_cursor {
	uint32_t	 head;			/* next position to read */
	uint32_t	 mask;			/* slots - 1 */
};

/* Bytes a ring of `slots` slots takes, a multiple of 64; slots must be a
   power of two in [RING_MIN_SLOTS, RING_MAX_SLOTS]. */
size_t	ring_bytes(uint32_t slots);

/* Lay out an empty ring whose counters start at `start` and the consumer's
   cursor for it. */
void	ring_init(struct ring *r, uint32_t slots, uint32_t start,
	    struct ring_cursor *c);

/* Append one event; waits while the ring is full.  Any producer. */
void	ring_push_mpsc(struct ring *r, const struct event *ev);

/* Take the oldest event if it has been published.  Consumer only. */
bool	ring_pop(struct ring *r, struct ring_cursor *c, struct event *out);

/* True if ring_pop would take an event now.  Consumer only. */
bool	ring_ready(const struct ring *r, const struct ring_cursor *c);

/* Take the next published event of a ring whose producers are all gone,
   skipping slots that were claimed and never published; false when none is
   left.  Consumer only, and only after the producers' process ended (reaped,
   or a zombie). */
bool	ring_pop_dead(struct ring *r, struct ring_cursor *c, struct event *out);

#endif
