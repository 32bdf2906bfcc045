/*
 * share.c: how much of a CPU each CPU-bound thread on screen gets.
 *
 * A thread of the cpu workload reports a wait for a CPU only after it has
 * ended (it cannot report while it is off a CPU), backdated to when it
 * began.  So the history holds every wait that has ended, and the
 * thread's heartbeat (src/beat.h) the one going on now: a live thread
 * whose last beat is older than BEAT_ONCPU_NS has been off a CPU since.
 * From these two, for each CPU-bound cell the grid shows:
 *   on a CPU     live: its beat is fresh; at a moment of the past or in a
 *                recording: no wait of the history covers the moment;
 *   its share    of a CPU over the second before the moment shown: that
 *                second (from when it began computing, if later) less its
 *                waits in it, over the second;
 *   progress     through its planned CPU time: live, the CPU time of its
 *                beat; else what the model says.
 *
 * The waits come from one walk a frame through the history around the
 * moment shown: back to a second before it (and SLACK_NS more: a wait's
 * start is written when it ends, and the rings are read a frame apart),
 * and, at a moment of the past, on after it to the waits that began by
 * then but were told later.  A walk stops after WALK_MAX events either
 * way: a second of a run is some 2000 events on 2 CPUs (a wait each time a
 * thread is preempted), far fewer than that.  Nothing is walked when no
 * cell shown is CPU-bound, or the grid is not shown.
 */
#include <stdlib.h>

#include "../../../src/beat.h"
#include "../../../src/event.h"
#include "../../../src/history.h"
#include "../../../src/model_query.h"
#include "../../../src/source.h"
#include "../base/state.h"
#include "share.h"

#define WINDOW_NS	1000000000ull	/* the share: over a second */
#define SLACK_NS	200000000ull
#define AHEAD_NS	1000000000ull	/* waits told late, looked for */
#define WALK_MAX	(1u << 18)

/* Is the grid on screen, so that its cells want their shares? */
static bool
wanted(const struct tui *t)
{
	return t->view->cells && t->lay.body != NULL && !t->lay.too_small;
}

/* The cell of thread j of process i, or NULL if it is not on screen. */
static struct share_cell *
cell(const struct share_view *v, unsigned i, unsigned j)
{
	if (v->cell == NULL || i < v->top || i >= v->top + v->rows ||
	    j < v->left || j >= v->left + v->cols)
		return NULL;
	return &v->cell[(size_t)(i - v->top) * v->cols + (j - v->left)];
}

/* Is a thread in this state at the moment shown CPU-bound: computing, or
   waiting for a CPU? */
static bool
cpu_bound(const struct model_thread *th)
{
	return th->t_sleeping != 0 && (th->state == ST_COMPUTING ||
	    (th->state == ST_WAITING && th->what == OBJ_CPU));
}

/* Is ev a wait for a CPU, written when it ended with the time it began? */
static bool
backdated(const struct event *ev)
{
	return ev->state == ST_WAITING && ev->what == OBJ_CPU;
}

/* The cells shown, each known if its thread is CPU-bound at the moment
   shown; how many are.  -1 if there is no memory for them. */
static int
cells_set(struct tui *t, unsigned rows, unsigned cols)
{
	struct share_view *v = &t->share;
	size_t need = (size_t)rows * cols;
	struct share_cell *c;
	unsigned r, j;
	int n = 0;

	if (need > v->cap) {
		if ((c = reallocarray(v->cell, need, sizeof(*c))) == NULL)
			return -1;
		v->cell = c;
		v->cap = need;
	}
	v->top = t->scroll.top_proc;
	v->left = t->scroll.left_thread;
	v->rows = rows;
	v->cols = cols;
	for (r = 0; r < rows; r++)
		for (j = 0; j < cols; j++) {
			c = &v->cell[(size_t)r * cols + j];
			*c = (struct share_cell){ .on = true };
			if (v->top + r > t->shown->nproc ||
			    v->left + j > t->shown->nthread)
				continue;
			c->known = cpu_bound(model_thread(t->shown, v->top + r,
			    v->left + j));
			n += c->known;
		}
	return n;
}

/* Where the walk starts: the first event of the second before `now`
   (and the slack), going back from the moment shown. */
static size_t
walk_start(const struct tui *t, uint64_t now)
{
	const struct event *ev;
	size_t k = t->cursor, n;

	for (n = 0; k > 0 && n < WALK_MAX; k--, n++) {
		ev = history_at(&t->hist, k - 1);
		if (!backdated(ev) && ev->t_ns + WINDOW_NS + SLACK_NS < now)
			break;
	}
	return k;
}

/* Where it ends: the moment shown, and at a moment of the past, later
   events that may tell of a wait begun by then. */
static size_t
walk_end(const struct tui *t, uint64_t now)
{
	const struct event *ev;
	size_t k = t->cursor, n;

	if (t->following)
		return t->hist.n;
	for (n = 0; k < t->hist.n && n < WALK_MAX; k++, n++) {
		ev = history_at(&t->hist, k);
		if (!backdated(ev) && ev->t_ns > now + AHEAD_NS)
			break;
	}
	return k;
}

/* Cell c was off a CPU from `a` to `b`: the part of it in [from, now]
   counts, and if it covers the moment shown, c is not on a CPU. */
static void
off_add(struct share_cell *c, uint64_t a, uint64_t b, uint64_t from,
    uint64_t now)
{
	if (a <= now && b > now)
		c->on = false;
	if (a < from)
		a = from;
	if (b > now)
		b = now;
	if (b > a)
		c->off_ns += b - a;
}

/* The walk: each wait for a CPU of a cell shown, from its start to the
   next event of its thread. */
static void
walk(struct tui *t, size_t k0, size_t k1, uint64_t from, uint64_t now)
{
	const struct event *ev;
	struct share_cell *c;
	size_t k;

	for (k = k0; k < k1; k++) {
		ev = history_at(&t->hist, k);
		if (ev->thread == 0 ||
		    (c = cell(&t->share, ev->proc, ev->thread)) == NULL ||
		    !c->known)
			continue;
		if (backdated(ev)) {
			if (ev->t_ns <= now && c->open == 0)
				c->open = ev->t_ns != 0 ? ev->t_ns : 1;
		} else if (c->open != 0) {
			off_add(c, c->open, ev->t_ns, from, now);
			c->open = 0;
		}
	}
}

/* Live: what the beat of cell c (thread j of process i) adds, read at
   wall time `wall`: on a CPU if it is fresh, else off since it. */
static void
beat_add(const struct tui *t, struct share_cell *c, unsigned i, unsigned j,
    uint64_t wall, uint64_t from)
{
	const struct model_thread *th = model_thread(t->shown, i, j);
	uint64_t bw, bc;

	if (t->src == NULL || !source_beat(t->src, i, j, &bw, &bc))
		return;
	c->on = bw + BEAT_ONCPU_NS >= wall;
	if (!c->on && c->open == 0)
		off_add(c, bw, t->now > bw ? t->now : bw, from, t->now);
	c->progress = th->sleep_ns == 0 || bc >= th->sleep_ns ? 1.0f :
	    (float)bc / (float)th->sleep_ns;
}

/* Each cell's figures once the walk is done. */
static void
cells_end(struct tui *t, uint64_t from)
{
	struct share_view *v = &t->share;
	const struct model_thread *th;
	struct share_cell *c;
	uint64_t wall = now_ns(), a, span;
	unsigned r, j, i;

	for (r = 0; r < v->rows; r++)
		for (j = 0; j < v->cols; j++) {
			c = &v->cell[(size_t)r * v->cols + j];
			if (!c->known)
				continue;
			i = v->top + r;
			th = model_thread(t->shown, i, v->left + j);
			c->progress = (float)model_progress(t->shown, i,
			    v->left + j, t->now);
			if (t->following)
				beat_add(t, c, i, v->left + j, wall, from);
			if (c->open != 0)
				off_add(c, c->open, t->now + 1, from, t->now);
			/* Live, the beat knows better than a wait just
			   told, whose end is still on its way. */
			if (!t->following && th->state == ST_WAITING)
				c->on = false;
			a = th->t_sleeping > from ? th->t_sleeping : from;
			span = t->now > a ? t->now - a : 0;
			c->share = span == 0 ? (c->on ? 1.0f : 0.0f) :
			    c->off_ns >= span ? 0.0f :
			    1.0f - (float)c->off_ns / (float)span;
		}
}

void
share_frame(struct tui *t, unsigned rows, unsigned cols)
{
	uint64_t now = t->now, from;
	size_t k0, k1;

	t->share.rows = 0;
	if (!wanted(t) || rows == 0 || cols == 0 ||
	    cells_set(t, rows, cols) <= 0)
		return;
	from = now > t->live.t0 + WINDOW_NS ? now - WINDOW_NS : t->live.t0;
	k0 = walk_start(t, now);
	k1 = walk_end(t, now);
	/* A walk cut short: the second is what it reached. */
	if (t->cursor - k0 >= WALK_MAX && k0 < t->hist.n &&
	    history_at(&t->hist, k0)->t_ns > from)
		from = history_at(&t->hist, k0)->t_ns;
	walk(t, k0, k1, from, now);
	cells_end(t, from);
}

const struct share_cell *
share_cell(const struct tui *t, unsigned i, unsigned j)
{
	const struct share_cell *c = cell(&t->share, i, j);

	return c != NULL && c->known ? c : NULL;
}

void
share_free(struct tui *t)
{
	free(t->share.cell);
	t->share = (struct share_view){ 0 };
}
