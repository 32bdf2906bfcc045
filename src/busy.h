/*
 * busy.h: the busy time of a run, summed as its threads change state
 * (busy.c): what the concurrency figures are made of.
 *
 * A thread is busy while it sleeps, computes or holds (state_busy()).  The
 * sums keep the length of the busy phases that ended and, of those still
 * going, their number and the sum of their starts, so that the time busy
 * up to any moment is one product and two sums, O(1); the same three of
 * the computing phases alone.  Two rules keep the figure true:
 *   spent stays spent   a phase ends when its thread leaves it, or when
 *                       its process dies (the model ends the phases of a
 *                       zombie's threads, and those of a process reaped
 *                       while they were going: lost threads keep theirs);
 *   the CPUs bound it   a computing thread tells of its wait for a CPU
 *                       only once it runs again (child.c), so while it
 *                       computes, which of more threads than CPUs are on
 *                       one is not known: the computing phases going are
 *                       counted to now, but all computing together never
 *                       more than the CPUs the run may use could give
 *                       (cpus x the elapsed time), and no more threads
 *                       compute "now" than there are CPUs.  Why a bound
 *                       and not "up to the thread's last event": a thread
 *                       alone on a CPU tells nothing from its start to its
 *                       end, and would read idle all along.  CPUs not known
 *                       (0: a recording does not say): a computing phase
 *                       counts up to its thread's last event only, so the
 *                       figure may lag but never exceeds them.
 */
#ifndef PTVIZ_BUSY_H
#define PTVIZ_BUSY_H

#include <stdint.h>

struct busy_sums {
	uint64_t	 slept_ns;	/* the ended busy phases */
	unsigned	 busy;		/* phases going: threads busy now */
	uint64_t	 busy_starts;	/* sum of their starts (mod 2^64) */
	uint64_t	 computed_ns;	/* of slept_ns: the computing phases */
	unsigned	 computing;	/* of busy: the threads computing */
	uint64_t	 computing_starts;	/* of busy_starts: theirs */
	unsigned	 cpus;		/* CPUs the run may use; 0: not known */
};

/* Empty sums that keep b's CPUs. */
void	busy_clear(struct busy_sums *b);

/* The run may use `cpus` CPUs (cpus_usable() for a live run); 0: not
   known. */
void	busy_set_cpus(struct busy_sums *b, unsigned cpus);

/* A thread begins a phase of `state` at `when` (nothing if the state is
   not busy). */
void	busy_begin(struct busy_sums *b, unsigned state, uint64_t when);

/* The phase of `state` begun at `since` ends at `when`: its length (0 if
   the state is not busy, or `when` is not after `since`). */
uint64_t busy_end(struct busy_sums *b, unsigned state, uint64_t since,
	    uint64_t when);

/* Nanoseconds threads were busy up to `now`, `elapsed` after the run's
   start (see the rules above). */
uint64_t busy_ns(const struct busy_sums *b, uint64_t now, uint64_t elapsed);

/* Threads busy at this moment: sleeping, holding, and computing, these no
   more than the CPUs when they are known. */
unsigned busy_now(const struct busy_sums *b);

#endif
