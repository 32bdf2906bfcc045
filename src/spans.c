/*
 * spans.c: holders of the run-wide objects, checked in time (see spans.h).
 *
 * A span is noted at its "holding" and closed by its thread's end; each
 * thread holds at most one span of each kind open (open[]).  The check is
 * a sweep: every start and end of a judged span, sorted by time, counted
 * up and down.  At one instant ends come first (a holder lets go before
 * the next takes, even within the same nanosecond), then starts, then
 * the ends of spans that lasted no time at all -- so that a zero-length
 * span inside another still counts as a second holder.
 */
#include <errno.h>
#include <stdlib.h>

#include "spans.h"

/* One end of a span, for the sweep. */
struct edge {
	uint64_t	 t;
	uint32_t	 span;
	uint8_t		 rank;		/* EDGE_*: the order at one instant */
};

enum { EDGE_END, EDGE_START, EDGE_END_AT_START };

void
spans_init(struct spans *sp, unsigned nproc, unsigned nthread,
    unsigned permits)
{
	*sp = (struct spans){ .nthread = nthread,
	    .nthreads = (size_t)nproc * nthread,
	    .most = { [SPANS_GMUTEX] = 1, [SPANS_SEM] = permits } };
}

int
spans_hold(struct spans *sp, enum spans_kind kind, unsigned i, unsigned j,
    uint64_t t, uint32_t line)
{
	size_t k = (size_t)(i - 1) * sp->nthread + (j - 1), cap;
	struct span *s;

	if (sp->open[kind] == NULL &&
	    (sp->open[kind] = calloc(sp->nthreads, sizeof(uint32_t))) == NULL)
		return -1;
	if (sp->n[kind] == sp->cap[kind]) {
		cap = sp->cap[kind] != 0 ? 2 * sp->cap[kind] : 256;
		if (cap > UINT32_MAX - 1 ||
		    (s = reallocarray(sp->s[kind], cap, sizeof(*s))) == NULL) {
			errno = ENOMEM;
			return -1;
		}
		sp->s[kind] = s;
		sp->cap[kind] = cap;
	}
	sp->s[kind][sp->n[kind]] = (struct span){ .start = t,
	    .end = UINT64_MAX, .line = line, .proc = (uint16_t)i,
	    .thread = (uint16_t)j };
	sp->open[kind][k] = (uint32_t)++sp->n[kind];
	return 0;
}

void
spans_end(struct spans *sp, unsigned i, unsigned j, uint64_t t, bool lost)
{
	size_t k = (size_t)(i - 1) * sp->nthread + (j - 1);
	struct span *s;
	int kind;

	for (kind = 0; kind < SPANS_KINDS; kind++) {
		if (sp->open[kind] == NULL || sp->open[kind][k] == 0)
			continue;
		s = &sp->s[kind][sp->open[kind][k] - 1];
		sp->open[kind][k] = 0;
		/* A robust mutex lets go when its holder dies: when, no
		   event says.  Permits go back at the reaping: then. */
		s->end = lost && kind == SPANS_GMUTEX ? s->start : t;
		if (lost && kind == SPANS_GMUTEX)
			s->line = 0;		/* not judged */
	}
}

static int
edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* A span other than s held at s's start: one it clashed with. */
static const struct span *
holder_at(const struct span *all, size_t n, const struct span *s)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (&all[k] != s && all[k].line != 0 &&
		    all[k].end != UINT64_MAX && all[k].start <= s->start &&
		    (all[k].end > s->start || (all[k].end == s->start &&
		    all[k].start == s->start)))
			return &all[k];
	return s;
}

/* The sweep of one kind: its first clash, if any. */
static int
sweep(const struct spans *sp, enum spans_kind kind, struct spans_clash *c)
{
	const struct span *all = sp->s[kind];
	struct edge *e;
	size_t k, n = 0;
	unsigned held = 0;
	int rc = 0;

	if ((e = reallocarray(NULL, 2 * sp->n[kind] + 1, sizeof(*e))) == NULL)
		return -1;
	/* Judged: ended, and not a robust mutex let go at a death. */
	for (k = 0; k < sp->n[kind]; k++) {
		if (all[k].line == 0 || all[k].end == UINT64_MAX)
			continue;
		e[n++] = (struct edge){ all[k].start, (uint32_t)k, EDGE_START };
		e[n++] = (struct edge){ all[k].end, (uint32_t)k,
		    all[k].end == all[k].start ? EDGE_END_AT_START : EDGE_END };
	}
	qsort(e, n, sizeof(*e), edge_cmp);
	for (k = 0; k < n; k++) {
		if (e[k].rank != EDGE_START) {
			held--;
			continue;
		}
		if (++held > sp->most[kind]) {
			*c = (struct spans_clash){ kind, sp->most[kind],
			    &all[e[k].span], NULL };
			c->with = holder_at(all, sp->n[kind], c->span);
			rc = 1;
			break;
		}
	}
	free(e);
	return rc;
}

int
spans_check(const struct spans *sp, struct spans_clash *c)
{
	int kind, rc;

	for (kind = 0; kind < SPANS_KINDS; kind++)
		if ((rc = sweep(sp, kind, c)) != 0)
			return rc;
	return 0;
}

void
spans_free(struct spans *sp)
{
	int kind;

	for (kind = 0; kind < SPANS_KINDS; kind++) {
		free(sp->s[kind]);
		free(sp->open[kind]);
		sp->s[kind] = NULL;
		sp->open[kind] = NULL;
		sp->n[kind] = sp->cap[kind] = 0;
	}
}
