/*
 * duration.h: the seeded sleep durations.
 *
 * The sleep of thread j of process i is a pure function of (seed, i, j),
 * uniform in [0, max_ns): the same seed gives the same plan on every run and
 * on every machine, and changing the counts leaves the other threads'
 * durations as they were.
 */
#ifndef PTVIZ_DURATION_H
#define PTVIZ_DURATION_H

#include <stdint.h>

/* Planned sleep of thread `thread` (1-based) of process `proc` (1-based). */
uint64_t	duration_ns(uint64_t seed, unsigned proc, unsigned thread,
		    uint64_t max_ns);

/* Planned time of phase `phase` of a thread: phase 0 is duration_ns(),
   the others (a barrier's second sleep) are as many other draws. */
uint64_t	duration_phase_ns(uint64_t seed, unsigned proc, unsigned thread,
		    unsigned phase, uint64_t max_ns);

/* Seeds nobody chose are below this: five digits at most. */
#define DURATION_SEED_MAX	100000u

/* A seed nobody chose, from the kernel's entropy (or the clock and the
   pid), below DURATION_SEED_MAX. */
uint64_t	duration_random_seed(void);

#endif
