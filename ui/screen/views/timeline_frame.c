/*
 * timeline_frame.c: the map of a frame of the timeline's rows, made before
 * anything is drawn.  From the scroll position it finds the first process
 * shown and, row by row, the threads of each that the one walk through the
 * events must follow: a folded process's every thread (they make its
 * levels), an unfolded one's threads with rows on screen.  Each followed
 * thread gets a slot; the slots, the folded rows' levels and the time on a
 * CPU a column each live in the screen's scratch memory, reused frame to
 * frame, so a frame allocates nothing once the memory has grown.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../../src/event.h"
#include "../base/state.h"
#include "timeline_frame.h"
#include "timeline_geom.h"

/* Is column c within a stopped span? */
bool
tframe_in_stop(const struct tframe *f, int c)
{
	int s;

	for (s = 0; s < f->nspan; s++)
		if (c >= f->span[s][0] && c <= f->span[s][1])
			return true;
	return false;
}

/* Each row of processes and threads shown, from the first shown on: which
   threads the walk follows, where they go, and the walk's slots. */
int
tframe_map(const struct tui *t, struct tframe *f)
{
	const struct model *m = &t->live;
	const struct tgeom *g = &f->g;
	size_t n = t->scroll.tl_top, k;
	unsigned i, per;
	int r = 0, fold = 0;

	if (g->rows < 1)
		return -1;
	for (i = 1; i <= m->nproc; i++) {
		per = 1 + (tgeom_folded(t, i) ? 0 : state_threads(m, i));
		if (n < per)
			break;
		n -= per;
	}
	f->first = i;
	f->procs = scratch_zeroed(t->scratch, 0, ((size_t)g->rows + 1) *
	    sizeof(*f->procs));
	if (f->procs == NULL)
		return -1;
	for (; r < g->rows && i <= m->nproc; i++, n = 0) {
		struct tproc *p = &f->procs[f->np++];

		*p = (struct tproc){ .y = -1, .slot = f->nslots };
		if (n == 0)
			p->y = 1 + r++;
		if (tgeom_folded(t, i)) {
			p->lo = 1;
			p->hi = state_threads(m, i);
			p->fold = fold++;
		} else {
			p->fold = -1;
			p->lo = n == 0 ? 1 : (unsigned)n;
			p->ty = 1 + r;
			p->hi = p->lo - 1 + (unsigned)(g->rows - r);
			if (p->hi > state_threads(m, i))
				p->hi = state_threads(m, i);
			r += (int)(p->hi + 1 - p->lo);
		}
		f->nslots += p->hi + 1 - p->lo;
	}
	f->slots = scratch_zeroed(t->scratch, 1, (f->nslots + 1) *
	    sizeof(*f->slots));
	f->diffs = scratch_zeroed(t->scratch, 2, ((size_t)fold *
	    ((size_t)g->cols + 1) + 1) * sizeof(*f->diffs));
	f->on = scratch_zeroed(t->scratch, 3, (f->nslots * (size_t)g->cols +
	    1) * sizeof(*f->on));
	if (f->slots == NULL || f->diffs == NULL || f->on == NULL)
		return -1;
	for (k = 0; k < f->nslots; k++)
		f->slots[k] = (struct tslot){ .state = ST_NEW, .last = -1 };
	return 0;
}

/* The slot of thread j of process i, or NULL if the walk does not follow
   it; its process's map in *pp. */
struct tslot *
tframe_slot(const struct tframe *f, unsigned i, unsigned j,
    const struct tproc **pp)
{
	const struct tproc *p;

	if (i < f->first || i - f->first >= f->np)
		return NULL;
	p = &f->procs[i - f->first];
	if (j < p->lo || j > p->hi)
		return NULL;
	*pp = p;
	return &f->slots[p->slot + (j - p->lo)];
}

/* The time on a CPU of slot s, a column each. */
uint64_t *
tframe_on(const struct tframe *f, const struct tslot *s)
{
	return f->on + (size_t)(s - f->slots) * (size_t)f->g.cols;
}

/* The levels of the folded process p: cols + 1 counts. */
int *
tframe_levels(const struct tframe *f, const struct tproc *p)
{
	return f->diffs + (size_t)p->fold * ((size_t)f->g.cols + 1);
}
