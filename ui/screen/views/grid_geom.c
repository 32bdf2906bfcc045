/*
 * grid_geom.c: where the grid's parts go in a window of a given size -- the
 * name, pid and state columns, the width of a cell and the step from one
 * to the next, the rows and columns that fit -- and the scrolling that
 * keeps the selected cell in view.  The geometry is computed from the
 * window's size and the model's shape alone, each time it is asked for, so
 * drawing, scrolling, paging and mouse hits can never disagree.
 */
#include "../base/state.h"
#include "grid_geom.h"

#define CELL_MAX	10	/* widest cell, gap excluded */
#define PID_MIN_COLS	64	/* narrower: no pid column */
#define STATE_W		8	/* "starting" */

/* Where everything goes in a grid window of this size. */
void
ggeom_make(const struct tui *t, WINDOW *win, struct ggeom *g)
{
	const struct model *m = t->shown;
	unsigned cols = state_columns(m);
	int w = getmaxx(win), h = getmaxy(win), avail, x, least;

	g->w = win;
	/* Big cells are GGEOM_BIG lines tall, under a heading as tall, as
	   long as one row fits: the rows scroll rather than flatten. */
	g->tall = t->big && h - THEME_BIG_LINES >= GGEOM_BIG ? GGEOM_BIG : 1;
	g->top = g->tall > 1 ? THEME_BIG_LINES : 1;
	g->name_w = m->traced ? GGEOM_TRACED_W : 8 + (g->tall > 1 ?
	    theme_big_width(m->nproc) : theme_digits(m->nproc));
	x = 2 + g->name_w + 1;
	g->pid_x = w >= PID_MIN_COLS ? x : 0;
	if (g->pid_x != 0)
		x += GGEOM_PID_W + 1;
	g->state_x = x;
	g->cells_x = x + STATE_W + 1;
	avail = w - g->cells_x;
	if (avail < 1)
		avail = 1;
	/* Tall cells keep room for the glyph and the biggest rank; the
	   columns scroll rather than drop it. */
	least = g->tall > 1 ? 2 + theme_big_width(m->nproc * cols) : 1;
	least = least < avail ? least : avail > 1 ? avail : 1;
	for (g->cw = t->big ? GGEOM_BIG * CELL_MAX : CELL_MAX; g->cw > least;
	    g->cw--)
		if ((int)cols * (g->cw + 1) - 1 <= avail)
			break;
	/* One column each, and no gap, is the last resort. */
	g->step = g->cw + 1;
	if (g->cw == 1 && (int)cols * 2 - 1 > avail)
		g->step = 1;
	g->ncols = (unsigned)((avail + g->step - g->cw) / g->step);
	/* Not all: the last column is the sign of more, not a cell's. */
	if (g->ncols < cols && avail > g->cw)
		g->ncols = (unsigned)((avail - 1 + g->step - g->cw) / g->step);
	if (g->ncols > cols)
		g->ncols = cols;
	if (g->ncols < 1)
		g->ncols = 1;
	/* Room to spare: a blank line between rows, easier on a projector. */
	g->pitch = g->tall > 1 ? GGEOM_BIG + 1 :
	    h - 1 >= 2 * (int)m->nproc ? 2 : 1;
	g->nrows = h > g->top ? (unsigned)(h - g->top + g->pitch - g->tall) /
	    (unsigned)g->pitch : 1;
	if (g->tall == 1)
		g->nrows = h > 1 ? (unsigned)(h - 1) / (unsigned)g->pitch : 1;
}

/* Scroll so that the selected cell is in view. */
void
ggeom_follow(struct tui *t, const struct ggeom *g)
{
	const struct model *m = t->shown;
	unsigned cols = state_columns(m);

	if (t->sel.proc < t->scroll.top_proc)
		t->scroll.top_proc = t->sel.proc;
	if (t->sel.proc >= t->scroll.top_proc + g->nrows)
		t->scroll.top_proc = t->sel.proc - g->nrows + 1;
	if (t->scroll.top_proc + g->nrows > m->nproc + 1)
		t->scroll.top_proc = m->nproc >= g->nrows ?
		    m->nproc - g->nrows + 1 : 1;
	if (t->sel.thread < t->scroll.left_thread)
		t->scroll.left_thread = t->sel.thread;
	if (t->sel.thread >= t->scroll.left_thread + g->ncols)
		t->scroll.left_thread = t->sel.thread - g->ncols + 1;
	if (t->scroll.left_thread + g->ncols > cols + 1)
		t->scroll.left_thread = cols - g->ncols + 1;
}
