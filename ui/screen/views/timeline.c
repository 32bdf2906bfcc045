/*
 * timeline.c: the run in time, left to right: a row a process, its threads
 * below it as bars.
 *
 * The axis spans the whole run, from its start to its end (or to now, while
 * it goes), in seconds, so a bar's length is the time it took and a run's
 * length is its slowest thread's.  A bar draws what the model shown knows:
 * at a moment of the past, only what had happened by then, so stepping in
 * time grows and shrinks the bars.  A thread's row is its life phase by
 * phase: the running glyph where it began, then each phase from its start
 * to the next one's: sleeping a solid bar in its colour, computing and
 * holding bars of their own glyphs, waiting a thin line (a deadlock's in
 * the deadlock look, ending in its glyph), and the end its glyph (done:
 * the check and the finishing rank); spans when every child was stopped
 * are marked on the axis and drawn in the stopped look.  A vertical line
 * marks the moment shown.
 *
 * The phases are in the history, not the model: a frame walks once through
 * the events shown and follows only the threads of the rows shown.  Those
 * rows are a run of consecutive processes, so a small map from a process
 * to its first thread shown, and that thread's row, sends every other
 * event on at the cost of a comparison or two (make bench: a frame of
 * 256 x 64 in under 5 ms).
 *
 * When the threads do not fit, every process folds into one row whose
 * blocks show how many of its threads are busy (sleeping, computing or
 * holding) at each moment; Enter folds or unfolds one.  Rows scroll to
 * keep the selection in view.  Drawing takes struct tui const;
 * its scroll alone moves the first row shown.
 */
#include <stdio.h>

#include "../../../src/event.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/travel.h"
#include "timeline.h"
#include "timeline_bars.h"
#include "timeline_geom.h"
#include "timeline_share.h"

static void
timeline_scroll(struct tui *t, WINDOW *w)
{
	struct tgeom g;
	size_t r = tgeom_selected_row(t);

	if (w == NULL)
		return;
	tgeom_make(t, w, &g);
	if (g.rows < 1)
		return;
	if (r < t->scroll.tl_top)
		t->scroll.tl_top = (unsigned)r;
	if (r >= t->scroll.tl_top + (size_t)g.rows)
		t->scroll.tl_top = (unsigned)(r - (size_t)g.rows + 1);
}

/* The axis, the moment shown as a line under everything else, the rows,
   the legend when a line is left, and marks where more rows are above
   or below. */
static void
timeline_draw(const struct tui *t, WINDOW *w)
{
	const struct theme *th = &t->theme;
	struct tgeom g;
	struct trow row;
	int span[STOPS_MAX][2], nspan, r, now_x, last;
	bool legend, levels;

	werase(w);
	tgeom_make(t, w, &g);
	/* The legend on the last line, when every row is shown above it
	   and leaves it free. */
	legend = g.rows > 1 && t->scroll.tl_top == 0 &&
	    !tgeom_row_at(t, (size_t)g.rows - 1, &row);
	/* A run that computes: its levels' legend on the line above. */
	levels = legend && g.rows > 2 &&
	    (work_flags(t->opt.run.work) & WORK_BEATS) &&
	    !tgeom_row_at(t, (size_t)g.rows - 2, &row);
	last = g.rows - legend - levels;
	nspan = tgeom_stops(t, &g, span);
	tgeom_axis_draw(t, &g, span, nspan);
	now_x = g.x0 + tgeom_col(&g, t->now);
	wattrset(w, th->attr[LOOK_DIM]);
	for (r = 1; r <= last; r++) {
		wmove(w, r, now_x);
		theme_glyphs(w, theme_mark(th, MARK_NOW), 1);
	}
	wattrset(w, A_NORMAL);
	levels = bars_draw(t, &g, span, nspan) && levels;
	if (legend)
		bars_legend(t, &g, g.rows);
	if (levels)
		tshare_legend(t, &g, g.rows - 1, 2);
	wattrset(w, th->attr[LOOK_DIM]);
	if (t->scroll.tl_top > 0)
		mvwaddstr(w, 1, 0, theme_sym(th, SYM_MORE_UP));
	if (tgeom_row_at(t, t->scroll.tl_top + (size_t)g.rows, &row))
		mvwaddstr(w, g.rows, 0, theme_sym(th, SYM_MORE_DOWN));
	wattrset(w, A_NORMAL);
}

/* The row at screen position y, x into sel; false if there is none. */
static bool
timeline_hit(const struct tui *t, WINDOW *w, int y, int x,
    struct selection *sel)
{
	struct trow row;

	if (w == NULL || !wmouse_trafo(w, &y, &x, FALSE) || y < 1)
		return false;
	if (!tgeom_row_at(t, t->scroll.tl_top + (size_t)(y - 1), &row))
		return false;
	sel->proc = row.proc;
	if (row.thread != 0)
		sel->thread = row.thread;
	return true;
}

/* Lines the timeline would like of `space`: the axis, the heading, a row
   a process and a row a thread of each unfolded process. */
static int
timeline_wants(const struct tui *t, int space)
{
	const struct model *m = &t->live;
	int rows = (int)m->nproc + 2;
	unsigned i;

	for (i = 1; i <= m->nproc && rows < space; i++)
		if (!tgeom_folded(t, i))
			rows += (int)state_threads(m, i);
	/* A run that computes: a line for the legend of its levels. */
	if ((work_flags(t->opt.run.work) & WORK_BEATS) && rows < space)
		rows++;
	return rows;
}

/* Up or down one row: through the threads of an unfolded process, from
   process to process when folded. */
static void
row_step(struct tui *t, int by)
{
	const struct model *m = &t->live;
	unsigned i = t->sel.proc;

	if (!tgeom_folded(t, i) && (by > 0 ? t->sel.thread <
	    state_threads(m, i) :
	    t->sel.thread > 1)) {
		state_select(t, 0, by);
		return;
	}
	if ((by < 0 && i == 1) || (by > 0 && i == m->nproc))
		return;
	t->sel.proc = by > 0 ? i + 1 : i - 1;
	if (!tgeom_folded(t, t->sel.proc))
		t->sel.thread = by > 0 ? 1 : state_threads(m, t->sel.proc);
}

/* Up and down move through the rows; left and right move the moment shown
   by a column of the axis. */
static void
timeline_move(struct tui *t, WINDOW *w, int dy, int dx)
{
	struct tgeom g;

	if (dy != 0)
		row_step(t, dy);
	if (dx != 0) {
		tgeom_make(t, w, &g);
		travel_step(t, dx, g.col_ns);
	}
}

/* PgUp, PgDn: the rows the timeline shows at once. */
static void
timeline_page(struct tui *t, WINDOW *w, int by)
{
	struct tgeom g;
	int r;

	tgeom_make(t, w, &g);
	for (r = 0; r < (g.rows > 1 ? g.rows : 1); r++)
		row_step(t, by);
}

/* Enter: fold or unfold the selected process. */
static unsigned
timeline_enter(struct tui *t)
{
	unsigned i = t->sel.proc;

	t->fold[i - 1] = tgeom_folded(t, i) ? FOLD_OPEN : FOLD_FOLDED;
	return REACT_LAYOUT;
}

const struct view_ops timeline_view = {
	.name = "timeline", .cells = false, .wants = timeline_wants,
	.follow = timeline_scroll, .draw = timeline_draw,
	.hit = timeline_hit, .arrow = timeline_move, .page = timeline_page,
	.enter = timeline_enter,
};
