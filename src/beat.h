/*
 * beat.h: the heartbeats of the threads that compute, in shared memory.
 *
 * A thread of the cpu workload cannot say it has lost its CPU while it
 * has lost it: it reports a wait for a CPU only once it runs again.  So
 * while it computes it beats: after every spin (about 20 us of work) it
 * stores the wall clock and the CPU time it has used into its own slot.
 * The main process reads the slots of the cells on screen: a beat younger
 * than BEAT_ONCPU_NS says the thread is on a CPU now; an older one, that
 * it has waited for a CPU since then.
 *
 * Layout: one MAP_SHARED | MAP_ANONYMOUS mapping made before the forks,
 * a slot of two 64-bit words a thread, process by process.  Only a run
 * whose workload beats (WORK_BEATS) has one.
 *
 * Who calls what: each slot has one writer, its thread (beat_store), and
 * one reader, the main process (beat_load).  Each word is atomic, the pair
 * is not: the thread stores the CPU time, then the wall clock with release;
 * the reader loads the wall clock with acquire, then the CPU time, so the
 * CPU time read is never older than the wall clock beside it (at most one
 * spin newer).  Neither side ever waits for the other.
 */
#ifndef PTVIZ_BEAT_H
#define PTVIZ_BEAT_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The work of a spin between two beats: some 20 us of a CPU here (make
   bench measures it and what the beat costs). */
#define BEAT_SPIN	20000u

/* A beat at most this old says its thread is on a CPU now: a few spins,
   so that a thread that runs is never taken for one that waits, and the
   thread the reader itself took the CPU from is soon seen to wait. */
#define BEAT_ONCPU_NS	80000u

struct beat {
	_Atomic uint64_t wall;		/* CLOCK_MONOTONIC; 0: none yet */
	_Atomic uint64_t cpu;		/* CPU time used since it began */
};

struct beats {
	struct beat	*slot;		/* [nproc * nthread] */
	size_t		 len;		/* bytes mapped */
	unsigned	 nproc, nthread;
};

/* Map the slots of nproc x nthread threads, all zero; -1 with errno. */
int		 beats_create(struct beats *b, unsigned nproc,
		    unsigned nthread);

/* Unmap them (b zeroed: a second call does nothing). */
void		 beats_destroy(struct beats *b);

/* The slot of thread j of process i (both 1-based), or NULL if out of
   range or there are no slots. */
struct beat	*beats_slot(const struct beats *b, unsigned i, unsigned j);

/* Thread: it ran until `wall`, and has used `cpu` ns of CPU. */
static inline void
beat_store(struct beat *s, uint64_t wall, uint64_t cpu)
{
	atomic_store_explicit(&s->cpu, cpu, memory_order_relaxed);
	/* Release: the CPU time is visible before the wall clock beside
	   it. */
	atomic_store_explicit(&s->wall, wall, memory_order_release);
}

/* Main process: the last beat of slot s; false if it has none yet. */
bool		 beat_load(const struct beat *s, uint64_t *wall,
		    uint64_t *cpu);

#endif
