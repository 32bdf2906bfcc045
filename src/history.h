/*
 * history.h: every event of a run, in the order the main process took
 * them, kept for as long as the run is on screen.
 *
 * It only grows (history_add) until it is cleared for the next run.  The
 * events live in fixed chunks, so adding never moves one (a pointer from
 * history_at stays good until the clear) and the memory is 32 bytes an
 * event plus at most one chunk that is not yet full.  Since the model is
 * pure, the model of any moment of the run is the model of the history's
 * first k events: history_model_at builds it.
 */
#ifndef PTVIZ_HISTORY_H
#define PTVIZ_HISTORY_H

#include <stddef.h>
#include <stdint.h>

struct event;
struct model;

struct history {
	struct event	**chunk;	/* [nchunks], each HISTORY_CHUNK */
	size_t		 nchunks, cap;	/* chunks in use, pointers room */
	size_t		 n;		/* events */
};

#define HISTORY_CHUNK	4096		/* events a chunk */

/* An empty history. */
void		 history_init(struct history *h);

/* Forget every event, keeping the first chunk for the next run. */
void		 history_clear(struct history *h);

/* Free everything. */
void		 history_free(struct history *h);

/* Add ev at the end; -1 with errno (ENOMEM) if there is no room. */
int		 history_add(struct history *h, const struct event *ev);

/* Event k (0-based, k < h->n). */
const struct event *history_at(const struct history *h, size_t k);

/* Bytes the history holds, chunks and index, for the budget. */
size_t		 history_bytes(const struct history *h);

/* Make m (set up by model_init for the run's counts, or by
   model_init_traced) the model of the first k events (k <= h->n). */
void		 history_model_at(const struct history *h, size_t k,
		    struct model *m);

/* The number of events that happened at or before time t (ns, the
   events' own clock): the k of that moment.  The events' times only ever
   grow in the history of a run taken in time order; else the first k whose
   event is later than t. */
size_t		 history_find(const struct history *h, uint64_t t);

#endif
