/*
 * history.c: the run's events in chunks of HISTORY_CHUNK.
 *
 * Chunks are never moved or shrunk while the run lasts; only the small
 * index of chunk pointers grows by doubling.  A clear keeps the first
 * chunk, so a rerun of a small run allocates nothing.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "history.h"
#include "model.h"

void
history_init(struct history *h)
{
	*h = (struct history){ 0 };
}

void
history_clear(struct history *h)
{
	size_t i;

	for (i = 1; i < h->nchunks; i++)
		free(h->chunk[i]);
	h->nchunks = h->nchunks > 0 ? 1 : 0;
	h->n = 0;
}

void
history_free(struct history *h)
{
	size_t i;

	for (i = 0; i < h->nchunks; i++)
		free(h->chunk[i]);
	free(h->chunk);
	history_init(h);
}

int
history_add(struct history *h, const struct event *ev)
{
	struct event **idx, *c;
	size_t cap;

	if (h->n == h->nchunks * HISTORY_CHUNK) {
		if (h->nchunks == h->cap) {
			cap = h->cap ? 2 * h->cap : 16;
			idx = reallocarray(h->chunk, cap, sizeof(*idx));
			if (idx == NULL)
				return -1;
			h->chunk = idx;
			h->cap = cap;
		}
		if ((c = malloc(HISTORY_CHUNK * sizeof(*c))) == NULL)
			return -1;
		h->chunk[h->nchunks++] = c;
	}
	h->chunk[h->n / HISTORY_CHUNK][h->n % HISTORY_CHUNK] = *ev;
	h->n++;
	return 0;
}

const struct event *
history_at(const struct history *h, size_t k)
{
	return &h->chunk[k / HISTORY_CHUNK][k % HISTORY_CHUNK];
}

size_t
history_bytes(const struct history *h)
{
	return h->nchunks * HISTORY_CHUNK * sizeof(struct event) +
	    h->cap * sizeof(*h->chunk);
}

void
history_model_at(const struct history *h, size_t k, struct model *m)
{
	size_t i, c, n;

	model_reset(m);
	for (c = 0, i = 0; i < k; c++) {
		n = k - i < HISTORY_CHUNK ? k - i : HISTORY_CHUNK;
		for (size_t j = 0; j < n; j++)
			model_apply(m, &h->chunk[c][j]);
		i += n;
	}
}

size_t
history_find(const struct history *h, uint64_t t)
{
	size_t lo = 0, hi = h->n, mid;

	/* The first event later than t. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (history_at(h, mid)->t_ns <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
