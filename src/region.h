/*
 * region.h: the one shared-memory region of a run and its doorbell.
 *
 * The main process maps the region (MAP_SHARED | MAP_ANONYMOUS) before it
 * forks, so every child sees the same pages: a header, then one ring per
 * child process.  The doorbell is an eventfd the children inherit.
 *
 * Waking the consumer.  A producer rings the doorbell only when the consumer
 * has said it is about to sleep, so a busy run costs producers no system
 * call.  The handshake is a Dekker pair, each side with a full fence between
 * its store and its load:
 *   consumer: region_arm() (asleep = 1; fence) then looks at every ring one
 *             last time, and sleeps in poll() only if all were empty;
 *   producer: ring_push_mpsc() then region_notify() (fence; if asleep,
 *             exchange it to 0 and write the eventfd).
 * Either the consumer sees the event, or the producer sees the flag.
 *
 * The gate.  A run held at its start (for a class to predict its order)
 * forks its children and starts their threads, which wait at the gate, a
 * futex word in the header, until the main process opens it.  A run not
 * held opens it before it forks.
 *
 * The region is owned by the main process; children only push, notify
 * and wait at the gate.
 */
#ifndef PTVIZ_REGION_H
#define PTVIZ_REGION_H

#include <stdalign.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

struct ring;

struct region_header {
	alignas(64) _Atomic uint32_t asleep;	/* consumer is about to sleep */
	alignas(64) _Atomic uint32_t gate;	/* 1 once the threads may go */
};

struct region {
	void		*base;		/* the mapping */
	size_t		 len;
	size_t		 ring_len;	/* bytes of one ring */
	unsigned	 nrings;
	uint32_t	 slots;		/* slots per ring */
	int		 doorbell;	/* eventfd, or -1 */
};

/* Map a region of nrings rings of `slots` slots each, all counters starting
   at `start`, and make its doorbell; -1 with errno on failure. */
int		 region_create(struct region *g, unsigned nrings, uint32_t slots,
		    uint32_t start);

/* Unmap the region and close the doorbell. */
void		 region_destroy(struct region *g);

/* Ring i (0-based) of the region. */
struct ring	*region_ring(const struct region *g, unsigned i);

/* Producer: wake the consumer if it said it would sleep. */
void		 region_notify(const struct region *g);

/* Consumer: say it is about to sleep; check the rings after this. */
void		 region_arm(const struct region *g);

/* Consumer: it is awake; clear the flag and any pending ring. */
void		 region_disarm(const struct region *g);

/* Producer: wait until the gate is open (a run held at its start). */
void		 region_gate_wait(const struct region *g);

/* Main process, before it forks: close the gate (it starts open). */
void		 region_gate_close(const struct region *g);

/* Main process: open the gate and wake every thread waiting at it. */
void		 region_gate_open(const struct region *g);

#endif
