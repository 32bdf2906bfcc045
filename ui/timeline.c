/*
 * timeline.c: the run in time, left to right: a row a process, its threads
 * below it as bars.
 *
 * The axis spans the whole run, from its start to its end (or to now, while
 * it goes), in seconds, so a bar's length is the time it took and a run's
 * length is its slowest thread's.  A bar draws what the model shown knows:
 * at a moment of the past, only what had happened by then, so stepping in
 * time grows and shrinks the bars.  Running is the running glyph, sleeping a
 * solid bar in its colour, the end its glyph (done: the check and the
 * finishing rank); spans when every child was stopped are marked on the
 * axis and drawn in the stopped look.  A vertical line marks the moment
 * shown.
 *
 * When the threads do not fit, every process folds into one row whose
 * blocks show how many of its threads sleep at each moment; Enter folds or
 * unfolds one.  Rows scroll to keep the selection in view.  Drawing takes
 * struct tui const; timeline_scroll() alone moves the first row shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/event.h"
#include "view.h"

#define TL_KEEP		12	/* rows kept for header, footer and log */
#define NAME_MIN	10	/* "  Thread-1" */
#define STATE_W		8	/* "starting" */
#define TICK_GAP	8	/* columns at least between axis labels */
#define STOPS_MAX	64	/* stopped spans drawn on the axis */

/* Where the parts of the body go, and the time each column stands for. */
struct tgeom {
	int		 name_w;	/* "Process-N" at its widest */
	int		 state_x;
	int		 x0;		/* first column of the axis */
	int		 cols;		/* columns of the axis */
	uint64_t	 t0;		/* the run's start */
	uint64_t	 col_ns;	/* time a column stands for */
	int		 rows;		/* rows below the axis */
};

/* A row of the timeline: a process (thread 0) or one of its threads. */
struct trow {
	unsigned	 proc, thread;
};

/* The end of the axis: the run's end, or now while it goes. */
static uint64_t
axis_end(const struct tui *t)
{
	const struct model *m = &t->live;

	if (m->main_state == ST_MDONE)
		return m->t_main_done;
	return t->live_now > m->t0 ? t->live_now : m->t0;
}

static void
geometry(const struct tui *t, struct tgeom *g)
{
	WINDOW *w = t->lay.body;
	uint64_t span;

	g->name_w = 8 + theme_digits(t->live.nproc);
	if (g->name_w < NAME_MIN)
		g->name_w = NAME_MIN;
	g->state_x = 2 + g->name_w + 1;
	g->x0 = g->state_x + STATE_W + 1;
	g->cols = (w != NULL ? getmaxx(w) : COLS) - g->x0 - 1;
	if (g->cols < 1)
		g->cols = 1;
	g->rows = (w != NULL ? getmaxy(w) : LINES) - 1;
	g->t0 = t->live.t0;
	span = axis_end(t) - g->t0;
	g->col_ns = span / (uint64_t)g->cols + 1;
}

/* The column of time `when` (clamped to the axis). */
static int
col_of(const struct tgeom *g, uint64_t when)
{
	uint64_t c;

	if (when <= g->t0)
		return 0;
	c = (when - g->t0) / g->col_ns;
	return c >= (uint64_t)g->cols ? g->cols - 1 : (int)c;
}

bool
timeline_folded(const struct tui *t, unsigned i)
{
	const struct model *m = &t->live;

	if (t->fold != NULL && t->fold[i - 1] != FOLD_AUTO)
		return t->fold[i - 1] == FOLD_FOLDED;
	/* Folded when every thread would not fit below the axis. */
	return (uint64_t)m->nproc * (m->nthread + 1) + 1 >
	    (uint64_t)(LINES > TL_KEEP ? LINES - TL_KEEP : 1);
}

uint64_t
timeline_col_ns(const struct tui *t)
{
	struct tgeom g;

	geometry(t, &g);
	return g.col_ns;
}

/* The index of the selection's row among all rows. */
static size_t
selected_row(const struct tui *t)
{
	size_t r = 0;
	unsigned i;

	for (i = 1; i < t->sel.proc; i++)
		r += 1 + (timeline_folded(t, i) ? 0 : t->live.nthread);
	if (!timeline_folded(t, t->sel.proc))
		r += t->sel.thread;
	return r;
}

/* Row n of all rows, counting from the first process's. */
static bool
row_at(const struct tui *t, size_t n, struct trow *row)
{
	unsigned i, per;

	for (i = 1; i <= t->live.nproc; i++) {
		per = 1 + (timeline_folded(t, i) ? 0 : t->live.nthread);
		if (n < per) {
			*row = (struct trow){ i, (unsigned)n };
			return true;
		}
		n -= per;
	}
	return false;
}

void
timeline_scroll(struct tui *t)
{
	struct tgeom g;
	size_t r = selected_row(t);

	if (t->lay.body == NULL)
		return;
	geometry(t, &g);
	if (g.rows < 1)
		return;
	if (r < t->tl_top)
		t->tl_top = (unsigned)r;
	if (r >= t->tl_top + (size_t)g.rows)
		t->tl_top = (unsigned)(r - (size_t)g.rows + 1);
}

/* Spans when every child was stopped, up to the moment shown, as column
   ranges: [from, to] pairs; the number of pairs. */
static int
stopped_spans(const struct tui *t, const struct tgeom *g, int span[][2])
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
			span[n][0] = col_of(g, ev->t_ns);
			open = true;
		} else if (ev->state == ST_MCONTINUED && open) {
			span[n++][1] = col_of(g, ev->t_ns);
			open = false;
		}
	}
	if (open)
		span[n++][1] = col_of(g, t->now);
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
static void
axis_draw(const struct tui *t, const struct tgeom *g, int span[][2],
    int nspan)
{
	static const uint64_t steps_ms[] = { 1, 2, 5, 10, 20, 50, 100, 200,
	    250, 500, 1000, 2000, 5000, 10000, 15000, 30000, 60000, 120000,
	    300000, 600000, 1200000 };
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	uint64_t step = 0, tick;
	char label[32];
	size_t i;
	int x, len, free_x = 0, s, now_x = g->x0 + col_of(g, t->now);

	wattrset(w, th->attr[LOOK_DIM]);
	mvwaddstr(w, 0, 2, "time (s)");
	for (i = 0; i < sizeof(steps_ms) / sizeof(steps_ms[0]); i++) {
		step = steps_ms[i] * 1000000ull;
		if (step / g->col_ns >= TICK_GAP)
			break;
	}
	for (tick = 0; ; tick += step) {
		x = g->x0 + (int)(tick / g->col_ns);
		if (x >= g->x0 + g->cols)
			break;
		theme_secs(label, sizeof(label), tick, 3, true);
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

/* Is column c within a stopped span? */
static bool
in_stop(int c, int span[][2], int nspan)
{
	int s;

	for (s = 0; s < nspan; s++)
		if (c >= span[s][0] && c <= span[s][1])
			return true;
	return false;
}

/* The bar of thread j of process i on row y. */
static void
bar_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    unsigned j, int span[][2], int nspan)
{
	const struct theme *th = &t->theme;
	const struct model_thread *tr = model_thread(t->shown, i, j);
	enum look l = theme_thread_look(t->shown, i, j);
	WINDOW *w = t->lay.body;
	uint64_t end;
	int c, c1, c2;
	char rank[16];

	if (tr->t_running == 0 && tr->t_done == 0)
		return;
	if (tr->t_running != 0) {
		wattrset(w, th->attr[LOOK_RUNNING]);
		wmove(w, y, g->x0 + col_of(g, tr->t_running));
		theme_glyphs(w, theme_glyph(th, LOOK_RUNNING), 1);
	}
	/* The sleep: the columns from its start up to its end's, so that a
	   bar is as long as the sleep on the axis (one column at least). */
	if (tr->t_sleeping != 0) {
		end = tr->t_done != 0 ? tr->t_done : t->now;
		c1 = col_of(g, tr->t_sleeping);
		c2 = col_of(g, end);
		if (c2 == c1)
			c2++;
		/* Stopped while asleep: the stopped look, as in the grid. */
		for (c = c1; c < c2; c++) {
			bool stop = in_stop(c, span, nspan);

			wattrset(w, th->attr[stop ? LOOK_STOPPED :
			    LOOK_SLEEPING]);
			wmove(w, y, g->x0 + c);
			theme_glyphs(w, stop ? theme_glyph(th, LOOK_STOPPED) :
			    theme_mark(th, MARK_BAR), 1);
		}
	}
	if (tr->t_done == 0)
		return;
	/* The end: its glyph just after the bar, and the rank of a done. */
	c = col_of(g, tr->t_done);
	if (tr->t_sleeping != 0 && c == col_of(g, tr->t_sleeping) &&
	    c < g->cols - 1)
		c++;
	wattrset(w, th->attr[l]);
	wmove(w, y, g->x0 + c);
	theme_glyphs(w, theme_glyph(th, l), 1);
	wattrset(w, A_NORMAL);
	if (l == LOOK_DONE) {
		snprintf(rank, sizeof(rank), "%u", tr->rank);
		if (g->x0 + c + 1 + (int)strlen(rank) < getmaxx(w))
			mvwaddstr(w, y, g->x0 + c + 1, rank);
	}
}

/* The row of a folded process: how many of its threads sleep, column by
   column, in sevenths of a cell.  diff has room for g->cols + 1. */
static void
levels_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    int *diff)
{
	const struct theme *th = &t->theme;
	const struct model *m = t->shown;
	WINDOW *w = t->lay.body;
	int c, n = 0;
	unsigned j;

	memset(diff, 0, ((size_t)g->cols + 1) * sizeof(*diff));
	for (j = 1; j <= m->nthread; j++) {
		const struct model_thread *tr = model_thread(m, i, j);

		if (tr->t_sleeping == 0)
			continue;
		diff[col_of(g, tr->t_sleeping)]++;
		diff[col_of(g, tr->t_done != 0 ? tr->t_done : t->now) + 1]--;
	}
	wattrset(w, th->attr[LOOK_SLEEPING]);
	for (c = 0; c < g->cols; c++) {
		n += diff[c];
		if (n <= 0)
			continue;
		wmove(w, y, g->x0 + c);
		theme_glyphs(w, theme_level(th, (double)n / m->nthread), 1);
	}
	wattrset(w, A_NORMAL);
}

/* A process's row: its name, its state, its life as a thin line, its end,
   and (folded) its threads' sleeps. */
static void
proc_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    int *diff)
{
	const struct theme *th = &t->theme;
	const struct model_proc *p = model_proc(t->shown, i);
	WINDOW *w = t->lay.body;
	const char *word;
	enum look l = theme_proc_look(t->shown, i, &word);
	bool folded = timeline_folded(t, i);
	char name[32];
	int c1, c2;

	snprintf(name, sizeof(name), "%s Process-%u", folded ?
	    (th->utf8 ? "▸" : "+") : (th->utf8 ? "▾" : "-"), i);
	wattrset(w, i == t->sel.proc ? th->attr[LOOK_TITLE] : A_NORMAL);
	mvwaddstr(w, y, 0, name);
	if (i == t->sel.proc && (folded || t->sel.thread == 0))
		theme_reverse(w, y, 2, (int)strlen(name) - 2);
	wattrset(w, l == LOOK_DONE ? A_NORMAL : th->attr[l]);
	mvwaddstr(w, y, g->state_x, word);
	if (p->t_forked != 0) {
		c1 = col_of(g, p->t_forked);
		c2 = col_of(g, p->reaped ? p->t_end : t->now);
		wattrset(w, th->attr[LOOK_DIM]);
		wmove(w, y, g->x0 + c1);
		theme_glyphs(w, theme_mark(th, MARK_SPAN), c2 - c1 + 1);
		if (folded && diff != NULL)
			levels_draw(t, g, y, i, diff);
		if (p->reaped && l != LOOK_DONE) {
			wattrset(w, th->attr[l]);
			wmove(w, y, g->x0 + c2);
			theme_glyphs(w, theme_glyph(th, l), 1);
		}
	}
	wattrset(w, A_NORMAL);
}

/* A thread's row: its name, then its bar. */
static void
thread_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    unsigned j, int span[][2], int nspan)
{
	WINDOW *w = t->lay.body;
	char name[32];

	snprintf(name, sizeof(name), "Thread-%u", j);
	wattrset(w, t->theme.attr[LOOK_DIM]);
	mvwaddstr(w, y, 4, name);
	wattrset(w, A_NORMAL);
	if (i == t->sel.proc && j == t->sel.thread)
		theme_reverse(w, y, 4, (int)strlen(name));
	bar_draw(t, g, y, i, j, span, nspan);
}

void
timeline_draw(const struct tui *t)
{
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	int span[STOPS_MAX][2], nspan, r, now_x, *diff;
	struct tgeom g;
	struct trow row;

	werase(w);
	geometry(t, &g);
	/* One buffer for every folded row's sleep levels (none: no levels). */
	diff = malloc(((size_t)g.cols + 1) * sizeof(*diff));
	nspan = stopped_spans(t, &g, span);
	axis_draw(t, &g, span, nspan);
	/* The moment shown, under everything else. */
	now_x = g.x0 + col_of(&g, t->now);
	wattrset(w, th->attr[LOOK_DIM]);
	for (r = 1; r <= g.rows; r++) {
		wmove(w, r, now_x);
		theme_glyphs(w, theme_mark(th, MARK_NOW), 1);
	}
	wattrset(w, A_NORMAL);
	for (r = 0; r < g.rows && row_at(t, t->tl_top + (size_t)r, &row);
	    r++) {
		if (row.thread == 0)
			proc_draw(t, &g, r + 1, row.proc, diff);
		else
			thread_draw(t, &g, r + 1, row.proc, row.thread, span,
			    nspan);
	}
	wattrset(w, th->attr[LOOK_DIM]);
	if (t->tl_top > 0)
		mvwaddstr(w, 1, 0, th->utf8 ? "↑" : "^");
	if (row_at(t, t->tl_top + (size_t)g.rows, &row))
		mvwaddstr(w, g.rows, 0, th->utf8 ? "↓" : "v");
	wattrset(w, A_NORMAL);
	free(diff);
}

bool
timeline_hit(const struct tui *t, int y, int x, struct selection *sel)
{
	WINDOW *w = t->lay.body;
	struct trow row;

	if (w == NULL || !wmouse_trafo(w, &y, &x, FALSE) || y < 1)
		return false;
	if (!row_at(t, t->tl_top + (size_t)(y - 1), &row))
		return false;
	sel->proc = row.proc;
	if (row.thread != 0)
		sel->thread = row.thread;
	return true;
}
