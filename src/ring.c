/*
 * ring.c: the MPSC event ring described in ring.h.
 *
 * The producers share one claim counter and nothing else; the consumer keeps
 * its position privately.  Each slot's sequence word says whose turn it is,
 * so a producer and the consumer only ever meet on one slot, and a full ring
 * is simply a slot whose sequence has not come round to the producer yet.
 */
#include <linux/futex.h>
#include <sys/syscall.h>

#include <limits.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

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
	atomic_init(&r->waiters, 0);
	r->mask = slots - 1;
	/* Slot of position p (for p in start .. start+slots-1) is free for p. */
	for (i = 0; i < slots; i++)
		atomic_init(&r->slot[(start + i) & r->mask].seq, start + i);
	c->head = start;
	c->mask = slots - 1;
}

#define SPINS	64
#define YIELDS	16

/*
 * Shared (not private) futexes: the ring lives in a MAP_SHARED region.
 * Producers of different laps wait on the same slot word; the bitset names
 * the lap (mod 32), so the consumer wakes only the producer whose turn came
 * and not the whole herd.
 */
static uint32_t
lap_bit(uint32_t mask, uint32_t pos)
{
	return 1u << ((pos / (mask + 1)) & 31);
}

static void
futex_wait(_Atomic uint32_t *word, uint32_t val, uint32_t bits)
{
	syscall(SYS_futex, (uint32_t *)(uintptr_t)word, FUTEX_WAIT_BITSET,
	    val, NULL, NULL, bits);
}

static void
futex_wake(_Atomic uint32_t *word, uint32_t bits)
{
	syscall(SYS_futex, (uint32_t *)(uintptr_t)word, FUTEX_WAKE_BITSET,
	    INT_MAX, NULL, NULL, bits);
}

/* The slot is not ours (pos) yet, it holds `seen`: spin, yield, sleep. */
static void
wait_turn(struct ring *r, struct ring_slot *s, uint32_t pos, uint32_t seen,
    unsigned *round)
{
	if (*round < SPINS) {
#if defined(__x86_64__) || defined(__i386__)
		__builtin_ia32_pause();
#endif
		(*round)++;
		return;
	}
	if (*round < SPINS + YIELDS) {
		sched_yield();
		(*round)++;
		return;
	}
	/* Seq_cst increment, then re-read: pairs with the consumer's store
	   of the sequence, fence, load of waiters (in take()). */
	atomic_fetch_add(&r->waiters, 1);
	if (atomic_load(&s->seq) == seen)
		futex_wait(&s->seq, seen, lap_bit(r->mask, pos));
	atomic_fetch_sub(&r->waiters, 1);
}

void
ring_push_mpsc(struct ring *r, const struct event *ev)
{
	/* Relaxed: the claim orders nothing; the slot's sequence does. */
	uint32_t pos = atomic_fetch_add_explicit(&r->tail, 1,
	    memory_order_relaxed);
	struct ring_slot *s = &r->slot[pos & r->mask];
	unsigned round = 0;
	uint32_t seen;

	/* Acquire: the consumer's copy of the old event happens before our
	   write of the new one. */
	while ((seen = atomic_load_explicit(&s->seq, memory_order_acquire)) !=
	    pos)
		wait_turn(r, s, pos, seen, &round);
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
	/* Full fence: the store is visible before we look for sleepers (the
	   other half of the pair is in wait_turn). */
	atomic_thread_fence(memory_order_seq_cst);
	if (atomic_load_explicit(&r->waiters, memory_order_relaxed) != 0)
		futex_wake(&s->seq, lap_bit(c->mask, pos + c->mask + 1));
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
