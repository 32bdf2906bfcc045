/*
 * timeline_geom.c: where the timeline's parts go -- its axis of seconds,
 * the time a column stands for, its rows (a process folded into one, or
 * with a row a thread) -- and the axis drawn with the spans when every
 * child was stopped.  Drawing and hit testing share this one geometry.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/event.h"
#include "../../../src/text.h"
#include "../base/state.h"
#include "timeline_geom.h"

#define TL_KEEP		12	/* rows kept for header, footer and log */
#define NAME_MIN	10	/* "  Thread-1" */
#define STATE_W		8	/* "starting" */
#define TICK_GAP	8	/* columns at least between axis labels */

/* The end of the axis: the run's end, or now while it goes. */
static uint64_t
axis_end(const struct tui *t)
{
	const struct model *m = &t->live;

	if (m->main_state == ST_MDONE)
		return m->t_main_done;
	return t->live_now > m->t0 ? t->live_now : m->t0;
}

void
tgeom_make(const struct tui *t, WINDOW *w, struct tgeom *g)
{
	uint64_t span;

	g->w = w;
	g->name_w = 8 + theme_digits(t->live.nproc);
	if (g->name_w < NAME_MIN)
		g->name_w = NAME_MIN;
	g->state_x = 2 + g->name_w + 1;
	g->x0 = g->state_x + STATE_W + 1;
	g->cols = (w != NULL ? getmaxx(w) : COLS) - g->x0 - 1;
	if (g->cols < 1)
		g->cols = 1;
	g->rows = (w != NULL ? getmaxy(w) : LINES) - 1;
	/* Held at its start, the run's clock has not started: everything
	   so far is at its 0, the first column. */
	g->t0 = t->live.t0 != 0 ? t->live.t0 : axis_end(t);
	span = axis_end(t) - g->t0;
	g->col_ns = span / (uint64_t)g->cols + 1;
}

/* The column of time `when` (clamped to the axis). */
int
tgeom_col(const struct tgeom *g, uint64_t when)
{
	uint64_t c;

	if (when <= g->t0)
		return 0;
	c = (when - g->t0) / g->col_ns;
	return c >= (uint64_t)g->cols ? g->cols - 1 : (int)c;
}

/* Is process i folded into one row now? */
bool
tgeom_folded(const struct tui *t, unsigned i)
{
	const struct model *m = &t->live;

	if (t->fold != NULL && t->fold[i - 1] != FOLD_AUTO)
		return t->fold[i - 1] == FOLD_FOLDED;
	/* Folded when every thread would not fit below the axis. */
	return (uint64_t)m->nproc * (m->nthread + 1) + 1 >
	    (uint64_t)(LINES > TL_KEEP ? LINES - TL_KEEP : 1);
}


/* The index of the selection's row among all rows. */
size_t
tgeom_selected_row(const struct tui *t)
{
	size_t r = 0;
	unsigned i;

	for (i = 1; i < t->sel.proc; i++)
		r += 1 + (tgeom_folded(t, i) ? 0 : state_threads(&t->live, i));
	if (!tgeom_folded(t, t->sel.proc))
		r += t->sel.thread;
	return r;
}

/* Row n of all rows, counting from the first process's. */
bool
tgeom_row_at(const struct tui *t, size_t n, struct trow *row)
{
	unsigned i, per;

	for (i = 1; i <= t->live.nproc; i++) {
		per = 1 + (tgeom_folded(t, i) ? 0 : state_threads(&t->live,
		    i));
		if (n < per) {
			*row = (struct trow){ i, (unsigned)n };
			return true;
		}
		n -= per;
	}
	return false;
}

/* Spans when every child was stopped, up to the moment shown, as column
   ranges: [from, to] pairs; the number of pairs. */
int
tgeom_stops(const struct tui *t, const struct tgeom *g, int span[][2])
{
	size_t k;
	int n = 0;
	bool open = false;

	/* Most runs are never paused: no walk through the history then. */
	if (t->live.stops == 0)
		return 0;
	for (k = 0; k < t->cursor && n < STOPS_MAX; k++) {
		const struct event *ev = history_at(&t->hist, k);

		if (ev->state == ST_MSTOPPED && !open) {
			span[n][0] = tgeom_col(g, ev->t_ns);
			open = true;
		} else if (ev->state == ST_MCONTINUED && open) {
			span[n++][1] = tgeom_col(g, ev->t_ns);
			open = false;
		}
	}
	if (open)
		span[n++][1] = tgeom_col(g, t->now);
	return n;
}

/* Would a label at column x, len wide, meet a stopped span? */
static bool
label_stopped(const struct tgeom *g, int x, int len, int span[][2],
    int nspan)
{
	int s;

	for (s = 0; s < nspan; s++)
		if (x < g->x0 + span[s][1] + 1 && g->x0 + span[s][0] < x + len)
			return true;
	return false;
}

/* The axis: seconds, the stopped spans, and the moment shown. */
void
tgeom_axis_draw(const struct tui *t, const struct tgeom *g, int span[][2],
    int nspan)
{
	const struct theme *th = &t->theme;
	WINDOW *w = g->w;
	uint64_t step = text_tick_ns(g->col_ns, TICK_GAP), tick;
	char label[32];
	int x, len, free_x = 0, s, now_x = g->x0 + tgeom_col(g, t->now);

	wattrset(w, th->attr[LOOK_DIM]);
	mvwaddstr(w, 0, 2, "time (s)");
	for (tick = 0; ; tick += step) {
		x = g->x0 + (int)(tick / g->col_ns);
		if (x >= g->x0 + g->cols)
			break;
		text_secs(tick, 3, true, label, sizeof(label));
		len = (int)strlen(label);
		/* A label half hidden by the marks drawn over the axis would
		   say another time ("1.▼" for 1.1): leave it out. */
		if (x < free_x || x + len > getmaxx(w) ||
		    (now_x >= x && now_x < x + len) ||
		    label_stopped(g, x, len, span, nspan))
			continue;
		mvwaddstr(w, 0, x, label);
		free_x = x + len + 1;
	}
	wattrset(w, th->attr[LOOK_STOPPED]);
	for (s = 0; s < nspan; s++) {
		wmove(w, 0, g->x0 + span[s][0]);
		theme_glyphs(w, theme_glyph(th, LOOK_STOPPED),
		    span[s][1] - span[s][0] + 1);
	}
	wattrset(w, th->attr[LOOK_KEY]);
	wmove(w, 0, now_x);
	theme_glyphs(w, theme_mark(th, MARK_NOW_HEAD), 1);
	wattrset(w, A_NORMAL);
}
