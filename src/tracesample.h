/*
 * tracesample.h: what each live thread of a traced program is doing, as
 * the kernel says it (src/taskstate.h), sampled at a bounded rate and
 * told as an event (ST_KSTATE) when it changes.
 *
 * Every SAMPLE_PERIOD_NS the tracer's loop asks for a sampling (a timer
 * descriptor wakes it: no thread of its own) -- less often when a sweep
 * of so many threads costs more CPU than SAMPLE_SHARE allows: the next
 * sweep is then that many times its cost later.  Measured (make bench,
 * part 11): 1000 sleeping threads cost ptviz about 1.5 % of a core
 * with --json, 2 % on the screen (their frames too).
 *
 * Each live thread's stat and syscall files are kept open
 * (taskstate_open(): two descriptors a thread, opened at its first
 * sampling, closed at its end; read by their paths beyond half of the
 * descriptors ptviz may have, so that the tracer still has its own, or
 * when no more can be had) and read in the quick mode: the tracer knows
 * its tracees' stops and ends.  A thread's class, its futex
 * word, its descriptor and what that is, or its call, make its state; a
 * state the same as the one last told is not told again.
 *
 * What sampling misses: a state is what a thread does at the instant of
 * the read.  A sleep, a wait on a lock or on input shorter than the
 * period may never be seen; a thread's first state is told at the first
 * sampling after its birth.
 */
#ifndef PTVIZ_TRACESAMPLE_H
#define PTVIZ_TRACESAMPLE_H

#include <stdint.h>

#include "tracetree.h"

#define SAMPLE_PERIOD_NS	100000000u	/* 100 ms */
#define SAMPLE_SHARE		80	/* a sweep costs 1.25 % of a CPU
					   at most: the period is 80 times
					   its cost, if longer (the screen's
					   frames cost as much again, and
					   the whole must stay under 3 %) */

struct sample_task;

struct sampler {
	struct sample_task *task;	/* [cap]: by the tree's task index */
	unsigned	 cap;
	unsigned	 nopen;		/* tasks whose files are open */
	unsigned	 maxopen;	/* at most: half the descriptors
					   ptviz may have, two a task */
	uint64_t	 next_ns;	/* the next sampling is due */
	int		 timer_fd;	/* ticks every period */
};

/* A sampler with its timer (not armed until the first sweep); -1 with
   errno. */
int		 sampler_init(struct sampler *sp);

/* The timer's descriptor: readable when the next sweep is due. */
int		 sampler_fd(const struct sampler *sp);

/* Read the timer's ticks (after a poll). */
void		 sampler_woke(struct sampler *sp);

/* If one is due at now, sample every live task of tr, telling each one
   whose state changed to tr's sink; the number of events told. */
size_t		 sampler_run(struct sampler *sp, struct tree *tr,
		    uint64_t now);

/* Close every file kept open and the timer, free sp. */
void		 sampler_free(struct sampler *sp);

#endif
