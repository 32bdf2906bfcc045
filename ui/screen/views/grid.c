/*
 * grid.c: the process x thread grid, a view of the body.
 *
 * One row per process (name, pid, state) and one cell per thread.  The
 * width of a cell follows the terminal: wide cells show a glyph, a fill
 * growing in eighths of a column while the thread sleeps and the finishing
 * rank once done; as threads multiply the cells narrow down to the glyph
 * alone, one column each.  When rows or columns still do not fit, the grid
 * scrolls to keep the selected cell in view.  Drawing and mouse hits share
 * one geometry, computed from the window size alone.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/duration.h"
#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/recording.h"
#include "../../../src/scene.h"
#include "../../../src/text.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/kernel.h"
#include "../features/share.h"
#include "grid.h"

#define CELL_MAX	10	/* widest cell, gap excluded */
#define BIG		2	/* big cells: how many times as large */
#define PID_MIN_COLS	64	/* narrower: no pid column */
#define STATE_W		8	/* "starting" */
#define PID_W		7
#define SPACED_LOG_KEEP	24	/* lines the log keeps below spaced rows */

struct geom {
	WINDOW		*w;		/* the window drawn into */
	int		 name_w;	/* "Process-N" at its widest */
	int		 pid_x;		/* 0: no pid column */
	int		 state_x;
	int		 cells_x;	/* first column of the first cell */
	int		 cw;		/* a cell, gap excluded */
	int		 step;		/* from one cell to the next */
	unsigned	 ncols;		/* thread columns shown */
	unsigned	 nrows;		/* process rows shown */
	int		 pitch;		/* lines from one row to the next */
	int		 tall;		/* lines of a cell: 1, or BIG: then
					   ranks and names are big too */
	int		 top;		/* the first row's line: below the
					   column heading */
};

/* Where everything goes in a grid window of this size. */
static void
geometry(const struct tui *t, WINDOW *win, struct geom *g)
{
	const struct model *m = t->shown;
	int w = getmaxx(win), h = getmaxy(win), avail, x, least;

	g->w = win;
	/* Big cells are BIG lines tall, under a heading as tall, as long as
	   one row fits: the rows scroll rather than flatten. */
	g->tall = t->big && h - THEME_BIG_LINES >= BIG ? BIG : 1;
	g->top = g->tall > 1 ? THEME_BIG_LINES : 1;
	g->name_w = 8 + (g->tall > 1 ? theme_big_width(m->nproc) :
	    theme_digits(m->nproc));
	x = 2 + g->name_w + 1;
	g->pid_x = w >= PID_MIN_COLS ? x : 0;
	if (g->pid_x != 0)
		x += PID_W + 1;
	g->state_x = x;
	g->cells_x = x + STATE_W + 1;
	avail = w - g->cells_x;
	if (avail < 1)
		avail = 1;
	/* Tall cells keep room for the glyph and the biggest rank; the
	   columns scroll rather than drop it. */
	least = g->tall > 1 ? 2 + theme_big_width(m->nproc * m->nthread) : 1;
	least = least < avail ? least : avail > 1 ? avail : 1;
	for (g->cw = t->big ? BIG * CELL_MAX : CELL_MAX; g->cw > least;
	    g->cw--)
		if ((int)m->nthread * (g->cw + 1) - 1 <= avail)
			break;
	/* One column each, and no gap, is the last resort. */
	g->step = g->cw + 1;
	if (g->cw == 1 && (int)m->nthread * 2 - 1 > avail)
		g->step = 1;
	g->ncols = (unsigned)((avail + g->step - g->cw) / g->step);
	/* Not all: the last column is the sign of more, not a cell's. */
	if (g->ncols < m->nthread && avail > g->cw)
		g->ncols = (unsigned)((avail - 1 + g->step - g->cw) / g->step);
	if (g->ncols > m->nthread)
		g->ncols = m->nthread;
	if (g->ncols < 1)
		g->ncols = 1;
	/* Room to spare: a blank line between rows, easier on a projector. */
	g->pitch = g->tall > 1 ? BIG + 1 : h - 1 >= 2 * (int)m->nproc ? 2 : 1;
	g->nrows = h > g->top ? (unsigned)(h - g->top + g->pitch - g->tall) /
	    (unsigned)g->pitch : 1;
	if (g->tall == 1)
		g->nrows = h > 1 ? (unsigned)(h - 1) / (unsigned)g->pitch : 1;
}

/* Scroll so that the selected cell is in view. */
static void
follow(struct tui *t, const struct geom *g)
{
	const struct model *m = t->shown;

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
	if (t->scroll.left_thread + g->ncols > m->nthread + 1)
		t->scroll.left_thread = m->nthread - g->ncols + 1;
}

/* The words after the glyph of a cell: its rank, why it ended, or what it
   waits for ("T3": the thread of its process that holds it, "P2 T1": one
   of another process). */
static void
cell_words(const struct model *m, unsigned i, unsigned j, enum look l,
    uint64_t plan, int room, char *buf, size_t len)
{
	const struct model_thread *t = model_thread(m, i, j);
	char secs[32];
	static const char *const waits[OBJ_COUNT] = {
		[OBJ_CPU] = "cpu", [OBJ_MUTEX] = "mutex",
		[OBJ_GMUTEX] = "mutex", [OBJ_SEM] = "sem",
		[OBJ_BARRIER] = "barrier",
	};
	unsigned hp, h;

	buf[0] = '\0';
	if ((l == LOOK_DONE || l == LOOK_ZOMBIE) && t->rank != 0)
		snprintf(buf, len, room > theme_digits(t->rank) ? " %u" : "%u",
		    t->rank);
	else if (l == LOOK_LOST)
		snprintf(buf, len, " lost");
	else if (l == LOOK_FAILED)
		snprintf(buf, len, " failed");
	else if (plan != 0 && (l == LOOK_RUNNING || l == LOOK_NEW ||
	    l == LOOK_HELD))
		snprintf(buf, len, " %ss", text_secs(plan, 2, false, secs,
		    sizeof(secs)));
	else if ((l == LOOK_WAITING || l == LOOK_DEADLOCK) &&
	    (h = model_holder(m, i, t, &hp)) != 0 && hp == i)
		snprintf(buf, len, " T%u", h);
	else if ((l == LOOK_WAITING || l == LOOK_DEADLOCK) &&
	    (h = model_holder(m, i, t, &hp)) != 0)
		/* The thread, if the cell has room; its process at least. */
		snprintf(buf, len, room >= 4 + theme_digits(hp) +
		    theme_digits(h) ? " P%u T%u" : " P%u", hp, h);
	else if (l == LOOK_WAITING && t->what < OBJ_COUNT &&
	    waits[t->what] != NULL)
		snprintf(buf, len, " %s", waits[t->what]);
	if ((int)strlen(buf) > room)
		buf[0] = '\0';
}

/* Mark the selected cell at y, x: thin bars in the gaps on either side,
   where there are gaps; else the cell in reverse video. */
static void
select_draw(const struct tui *t, const struct geom *g, int y, int x)
{
	WINDOW *w = g->w;

	if (g->step == g->cw) {
		theme_reverse(w, y, x, g->cw);
		return;
	}
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, y, x - 1, theme_sym(&t->theme, SYM_SEL_LEFT));
	mvwaddstr(w, y, x + g->cw, theme_sym(&t->theme, SYM_SEL_RIGHT));
	wattrset(w, A_NORMAL);
}

/* The rank a tall cell of look l shows in big digits, or 0: none. */
static unsigned
big_rank(const struct tui *tu, const struct geom *g, unsigned i, unsigned j,
    enum look l)
{
	unsigned rank = model_thread(tu->shown, i, j)->rank;

	if (g->tall == 1 || (l != LOOK_DONE && l != LOOK_ZOMBIE) ||
	    rank == 0 || g->cw < 2 + theme_big_width(rank))
		return 0;
	return rank;
}

/* The look of thread j of process i in its cell -- a zombie's threads
   look like it -- and how full its fill is: a CPU-bound thread's says
   whether it is on a CPU (share.c). */
static enum look
cell_look(const struct tui *tu, unsigned i, unsigned j, double *done,
    const struct share_cell **sc)
{
	enum look l = model_proc(tu->shown, i)->state == ST_ZOMBIE ?
	    LOOK_ZOMBIE : theme_thread_look(tu->shown, i, j);

	*sc = NULL;
	*done = model_progress(tu->shown, i, j, tu->now);
	if (l != LOOK_COMPUTING && l != LOOK_WAITING)
		return l;
	if ((*sc = share_cell(tu, i, j)) == NULL)
		return l;
	*done = (*sc)->progress;
	return (*sc)->on ? LOOK_COMPUTING : LOOK_WAITING;
}

/* A CPU-bound cell after its glyph: its fill, then its share of a CPU over
   the last second where the cell has room for both. */
static void
cpu_cell_draw(const struct tui *tu, const struct geom *g, enum look l,
    const struct share_cell *sc)
{
	const struct theme *th = &tu->theme;
	char pct[8];
	int n, fill;

	n = snprintf(pct, sizeof(pct), " %d%%", (int)(sc->share * 100 + 0.5f));
	fill = g->cw - 1 - n;
	if (fill < 2)
		fill = g->cw - 1;
	theme_fill(g->w, th, l, sc->progress, fill);
	if (fill == g->cw - 1)
		return;
	wattrset(g->w, th->attr[l]);
	waddstr(g->w, pct);
}

/* The lower line of a big cell: its fill, or its colour (and the rank in
   big digits across both lines). */
static void
cell_lower(const struct tui *tu, const struct geom *g, int y, int x,
    unsigned i, unsigned j)
{
	const struct theme *th = &tu->theme;
	const struct share_cell *sc;
	double done;
	enum look l = cell_look(tu, i, j, &done, &sc);
	unsigned rank = big_rank(tu, g, i, j, l);
	WINDOW *w = g->w;

	wmove(w, y, x);
	/* Under the glyph a blank, so that the two bars line up. */
	if (l == LOOK_SLEEPING || l == LOOK_STOPPED || l == LOOK_COMPUTING ||
	    l == LOOK_HOLDING || sc != NULL) {
		waddch(w, ' ');
		theme_fill(w, th, l, done, g->cw - 1);
		return;
	}
	wattrset(w, th->attr[l]);
	theme_glyphs(w, " ", g->cw);
	if (rank != 0)
		theme_big(w, th, y - 1, x + 2, rank);
	wattrset(w, A_NORMAL);
}

/* Draw thread j of process i as a cell at y, x. */
static void
cell_draw(const struct tui *tu, const struct geom *g, int y, int x, unsigned i,
    unsigned j)
{
	const struct theme *th = &tu->theme;
	const struct share_cell *sc;
	double done;
	enum look l = cell_look(tu, i, j, &done, &sc);
	WINDOW *w = g->w;
	const char *kl;
	char words[24];

	wmove(w, y, x);
	wattrset(w, th->attr[l]);
	if ((kl = kernel_letter(tu, i, j)) != NULL)
		waddstr(w, kl);
	else if (l == LOOK_SLEEPING && g->cw == 1)
		theme_glyphs(w, theme_pie(th, done), 1);
	else
		theme_glyphs(w, theme_glyph(th, l), 1);
	if (g->cw > 1 && sc != NULL) {
		cpu_cell_draw(tu, g, l, sc);
	} else if (g->cw > 1 && (l == LOOK_SLEEPING || l == LOOK_STOPPED ||
	    l == LOOK_COMPUTING || l == LOOK_HOLDING)) {
		theme_fill(w, th, l, done, g->cw - 1);
	} else if (big_rank(tu, g, i, j, l) != 0) {
		theme_glyphs(w, " ", g->cw - 1);	/* cell_lower's */
	} else if (g->cw > 1) {
		cell_words(tu->shown, i, j, l, tu->predict.plans &&
		    tu->predict.state != PREDICT_OFF ? duration_ns(
		    tu->opt.run.seed, i, j, tu->opt.run.sleep_ns) : 0,
		    g->cw - 1, words, sizeof(words));
		if (words[0] != '\0')
			waddstr(w, words);
		/* Pad in the cell's colour: a done cell is a solid block. */
		theme_glyphs(w, " ", g->cw - 1 - (int)strlen(words));
	}
	wattrset(w, A_NORMAL);
	if (i == tu->sel.proc && j == tu->sel.thread)
		select_draw(tu, g, y, x);
}

/* The column header: labels, and thread numbers where they fit. */
static void
head_draw(const struct tui *t, const struct geom *g)
{
	WINDOW *w = g->w;
	unsigned j;
	int x, free_x, nw;
	char num[12];
	bool big;

	wattrset(w, t->theme.attr[LOOK_DIM]);
	mvwaddstr(w, 0, 2, "process");
	if (g->pid_x != 0)
		mvwaddstr(w, 0, g->pid_x + PID_W - 3, "pid");
	mvwaddstr(w, 0, g->state_x, "state");
	free_x = g->cells_x;
	for (j = 0; j < g->ncols; j++) {
		unsigned tj = t->scroll.left_thread + j;

		x = g->cells_x + (int)j * g->step;
		snprintf(num, sizeof(num), "%u", tj);
		/* Tall cells: big numbers; narrow ones: every tenth only,
		   where it fits. */
		big = g->tall > 1 && theme_big_width(tj) <= g->cw;
		nw = big ? theme_big_width(tj) : (int)strlen(num);
		if (x < free_x || (g->cw < nw && tj % 10 != 0 && tj != 1))
			continue;
		if (x + nw > getmaxx(w))
			break;
		wattrset(w, t->theme.attr[tj == t->sel.thread ? LOOK_TITLE :
		    LOOK_DIM]);
		if (big)
			theme_big(w, &t->theme, 0, x, tj);
		else
			mvwaddstr(w, 0, x, num);
		free_x = x + nw + 1;
	}
	/* Over the places, once there are any and the cells leave room. */
	x = g->cells_x + (int)g->ncols * g->step + 1;
	wattrset(w, t->theme.attr[LOOK_DIM]);
	if (t->shown->procs_done > 0 && x + 5 <= getmaxx(w) &&
	    t->scroll.left_thread + g->ncols > t->shown->nthread)
		mvwaddstr(w, 0, x, "place");
	if (t->scroll.left_thread > 1)
		mvwaddstr(w, 0, g->cells_x - 2,
		    theme_sym(&t->theme, SYM_MORE_LEFT));
	wattrset(w, A_NORMAL);
}

/* Where process i finished, once it is done, after its cells on row y --
   after R, where it finished the run before if not there ("4th, was
   2nd, 0.120 s later"): cut at a comma to fit ("4th, was 2nd", "4th"),
   never inside a word. */
static void
place_draw(const struct tui *t, const struct geom *g, int y, unsigned i)
{
	WINDOW *w = g->w;
	int x = g->cells_x + (int)g->ncols * g->step + 1;
	char buf[96], *comma;
	bool moved;

	if (!state_place(t, i, buf, sizeof(buf), &moved))
		return;
	while (theme_width(buf) > getmaxx(w) - x &&
	    (comma = strrchr(buf, ',')) != NULL)
		*comma = '\0';
	if (theme_width(buf) > getmaxx(w) - x)
		return;
	wattrset(w, moved ? t->theme.attr[LOOK_KEY] : A_NORMAL);
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
}

/* One process row at window row y. */
static void
row_draw(const struct tui *t, const struct geom *g, int y, unsigned i)
{
	const struct model_proc *p = model_proc(t->shown, i);
	const struct theme *th = &t->theme;
	WINDOW *w = g->w;
	const char *word;
	enum look l = theme_proc_look(t->shown, i, &word);
	char buf[64];
	unsigned j;

	/* Tall cells: "Process" and its number in big digits. */
	snprintf(buf, sizeof(buf), g->tall > 1 ? "Process" : "Process-%u", i);
	wattrset(w, i == t->sel.proc ? th->attr[LOOK_TITLE] : A_NORMAL);
	mvwaddstr(w, y, 2, buf);
	if (i == t->sel.proc)
		theme_reverse(w, y, 2, (int)strlen(buf));
	if (g->tall > 1)
		theme_big(w, th, y, 2 + 8, i);
	if (g->pid_x != 0 && p->pid > 0) {
		wattrset(w, th->attr[LOOK_DIM]);
		snprintf(buf, sizeof(buf), "%*d", PID_W, p->pid);
		mvwaddstr(w, y, g->pid_x, buf);
	}
	wattrset(w, l == LOOK_DONE ? A_NORMAL : th->attr[l]);
	mvwaddstr(w, y, g->state_x, word);
	wattrset(w, A_NORMAL);
	for (j = 0; j < g->ncols; j++) {
		cell_draw(t, g, y, g->cells_x + (int)j * g->step, i,
		    t->scroll.left_thread + j);
		if (g->tall > 1)
			cell_lower(t, g, y + 1, g->cells_x + (int)j * g->step,
			    i, t->scroll.left_thread + j);
	}
	if (t->scroll.left_thread + g->ncols <= t->shown->nthread) {
		wattrset(w, th->attr[LOOK_DIM]);
		mvwaddstr(w, y, getmaxx(w) - 1, theme_sym(th, SYM_MORE_RIGHT));
		wattrset(w, A_NORMAL);
	} else {
		place_draw(t, g, y, i);
	}
}

static void
grid_scroll(struct tui *t, WINDOW *w)
{
	struct geom g;

	if (w == NULL)
		return;
	geometry(t, w, &g);
	follow(t, &g);
}

/* PgUp, PgDn: the process rows the grid shows at once. */
static void
grid_page(struct tui *t, WINDOW *w, int by)
{
	struct geom g;
	int rows = 1;

	if (w != NULL) {
		geometry(t, w, &g);
		rows = (int)g.nrows;
	}
	state_select(t, by * rows, 0);
}

void
grid_shown(const struct tui *t, WINDOW *w, unsigned *rows, unsigned *cols)
{
	struct geom g;

	*rows = *cols = 0;
	if (w == NULL)
		return;
	geometry(t, w, &g);
	*rows = g.nrows;
	*cols = g.ncols;
}

static void
grid_draw(const struct tui *t, WINDOW *w)
{
	const struct theme *th = &t->theme;
	struct geom g;
	unsigned r, i;

	geometry(t, w, &g);
	werase(w);
	head_draw(t, &g);
	for (r = 0; r < g.nrows && t->scroll.top_proc + r <= t->shown->nproc;
	    r++)
		row_draw(t, &g, g.top + (int)r * g.pitch,
		    t->scroll.top_proc + r);
	/* The legend on the last line, if the rows leave it and a blank
	   line above it. */
	if (g.top + (int)r * g.pitch + 1 < getmaxy(w) &&
	    t->scroll.top_proc + r > t->shown->nproc)
		theme_legend(w, th, getmaxy(w) - 1, 2);
	wattrset(w, th->attr[LOOK_DIM]);
	if (t->scroll.top_proc > 1)
		mvwaddstr(w, g.top, 0, theme_sym(th, SYM_MORE_UP));
	i = t->scroll.top_proc + g.nrows;
	if (i <= t->shown->nproc)
		mvwaddstr(w, g.top + ((int)g.nrows - 1) * g.pitch, 0,
		    theme_sym(th, SYM_MORE_DOWN));
	wattrset(w, A_NORMAL);
}

/* The cell at screen position y, x into sel; false if there is none (a
   click on a name selects the row and keeps the thread). */
static bool
grid_hit(const struct tui *t, WINDOW *w, int y, int x, struct selection *sel)
{
	struct geom g;
	unsigned row, col;

	if (w == NULL || !wmouse_trafo(w, &y, &x, FALSE))
		return false;
	geometry(t, w, &g);
	if (y < g.top || (unsigned)(y - g.top) / (unsigned)g.pitch >= g.nrows)
		return false;
	row = t->scroll.top_proc + (unsigned)(y - g.top) / (unsigned)g.pitch;
	if (row > t->shown->nproc)
		return false;
	sel->proc = row;
	/* A click on the name selects the row and keeps the column. */
	if (x < g.cells_x || (x - g.cells_x) % g.step >= g.cw)
		return true;
	col = t->scroll.left_thread + (unsigned)((x - g.cells_x) / g.step);
	if (col <= t->shown->nthread && col < t->scroll.left_thread + g.ncols)
		sel->thread = col;
	return true;
}

/* Lines the grid would like of `space`: a row a process and its heading;
   few processes spaced out, if the log keeps room (big cells are two
   lines tall, and want a blank line too); the legend of the glyphs below,
   when the log keeps room. */
static int
grid_wants(const struct tui *t, int space)
{
	int n = (int)t->live.nproc, rows = n + 1;
	int spaced = t->big ? 3 * n + 1 : 2 * rows - 1;

	if (space - spaced >= SPACED_LOG_KEEP ||
	    (t->big && space - spaced >= BOTTOM_KEEP))
		rows = spaced;
	if (space - (rows + 2) >= SPACED_LOG_KEEP)
		rows += 2;
	return rows;
}

static void
grid_move(struct tui *t, WINDOW *w, int dy, int dx)
{
	(void)w;
	state_select(t, dy, dx);
}

/* Enter does nothing in the grid. */
static unsigned
grid_enter(struct tui *t)
{
	(void)t;
	return REACT_NONE;
}

const struct view_ops grid_view = {
	.name = "grid", .cells = true, .wants = grid_wants,
	.follow = grid_scroll, .draw = grid_draw, .hit = grid_hit,
	.arrow = grid_move, .page = grid_page, .enter = grid_enter,
};
