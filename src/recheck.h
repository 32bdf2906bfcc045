/*
 * recheck.h: a recording's run so far, against which each event read is
 * checked before it is handed on: the model must accept it at that point
 * of the run, its time must not be before the last of its thread or
 * process, and there must not be more events than a run of its counts
 * can have.  At the end the holders of the global mutex and of the
 * semaphore are checked in time (spans.h).
 *
 * A traced program's run (ptviz -- COMMAND) is checked against the rules
 * of a model that grows (model_traced.h), and its events, all stamped by
 * one tracer as it hands them over, must come in time order.
 *
 * What is wrong is said in one line in `why`, without the file's name or
 * the line's number (recording.c adds them).
 */
#ifndef PTVIZ_RECHECK_H
#define PTVIZ_RECHECK_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "run.h"
#include "spans.h"

struct event;

struct recheck {
	struct run_config cfg;
	struct model	 m;		/* the run so far */
	struct spans	 spans;		/* the holders of run-wide objects */
	uint64_t	*last;		/* latest time of the main process [0],
					   each process [1..P], each thread */
	uint64_t	 events;	/* accepted so far */
	uint64_t	 max_events;	/* the most a run of cfg can have */
	uint64_t	 t0;		/* the run's start: times are told
					   from it */
	bool		 traced;	/* a traced program's run */
	uint64_t	 t_last;	/* traced: the latest event's time */
};

/* Start checking a run of cfg, whose times start at t0; -1 with errno. */
int	recheck_init(struct recheck *c, const struct run_config *cfg,
	    uint64_t t0);

/* Start checking a traced program's run, whose times start at t0; -1
   with errno. */
int	recheck_init_traced(struct recheck *c, uint64_t t0);

/* Check ev, read from line `line`, against the run so far and, if it
   fits, apply it; -1 with the reason in why if it does not. */
int	recheck_event(struct recheck *c, const struct event *ev,
	    unsigned line, char *why, size_t whylen);

/* At the end: no two holders of the global mutex, nor more of the
   semaphore than its permits, at any one time; -1 with the reason in why
   and *line the line of the hold too many if there were. */
int	recheck_end(struct recheck *c, unsigned *line, char *why,
	    size_t whylen);

/* Free what recheck_init took. */
void	recheck_free(struct recheck *c);

#endif
