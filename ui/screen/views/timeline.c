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
#include <stdlib.h>
#include <string.h>

#include "../../../src/event.h"
#include "../base/state.h"
#include "../features/travel.h"
#include "timeline.h"

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

/* How each phase of a thread is drawn, by its state: a bar, one column at
   least, of a mark or of its look's own glyph (busy: counted in a folded
   row's levels), or a thin line (waiting).  Sleeping keeps the bar it had
   before the other workloads. */
struct phase_def {
	bool		 drawn;
	bool		 busy;
	uint8_t		 look;		/* enum look */
	uint8_t		 mark;		/* enum mark; MARK_COUNT: the look's */
};

static const struct phase_def phases[ST_COUNT] = {
	[ST_SLEEPING]	= { true, true, LOOK_SLEEPING, MARK_BAR },
	[ST_COMPUTING]	= { true, true, LOOK_COMPUTING, MARK_COUNT },
	[ST_HOLDING]	= { true, true, LOOK_HOLDING, MARK_COUNT },
	[ST_WAITING]	= { true, false, LOOK_WAITING, MARK_SPAN },
};

/* A thread the frame's walk follows: the phase it is in and since when
   (folded: since its busy stretch began), and the last column it drew
   (folded: counted), -1 before any. */
struct tslot {
	uint64_t	 since;
	int		 last;
	uint8_t		 state;
};

/* A process with rows shown: its own row, the threads the walk follows
   (folded: every one), the row of the first of them, their first slot,
   and which levels are its if it is folded. */
struct tproc {
	int		 y;		/* its row, -1: scrolled above */
	int		 ty;		/* the row of thread lo */
	unsigned	 lo, hi;	/* threads followed, none if hi < lo */
	size_t		 slot;		/* the slot of thread lo */
	int		 fold;		/* its levels' index, -1: unfolded */
};

/* What a frame works out before it draws the rows. */
struct tframe {
	struct tgeom	 g;
	int		 span[STOPS_MAX][2];	/* stopped spans, columns */
	int		 nspan;
	unsigned	 first;		/* the first process shown */
	struct tproc	*procs;		/* [np]: first, first + 1, ... */
	unsigned	 np;
	struct tslot	*slots;		/* [nslots] */
	size_t		 nslots;
	int		*diffs;		/* each folded row's levels, cols + 1 */
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

/* Is process i folded into one row now? */
static bool
folded(const struct tui *t, unsigned i)
{
	const struct model *m = &t->live;

	if (t->fold != NULL && t->fold[i - 1] != FOLD_AUTO)
		return t->fold[i - 1] == FOLD_FOLDED;
	/* Folded when every thread would not fit below the axis. */
	return (uint64_t)m->nproc * (m->nthread + 1) + 1 >
	    (uint64_t)(LINES > TL_KEEP ? LINES - TL_KEEP : 1);
}


/* The index of the selection's row among all rows. */
static size_t
selected_row(const struct tui *t)
{
	size_t r = 0;
	unsigned i;

	for (i = 1; i < t->sel.proc; i++)
		r += 1 + (folded(t, i) ? 0 : t->live.nthread);
	if (!folded(t, t->sel.proc))
		r += t->sel.thread;
	return r;
}

/* Row n of all rows, counting from the first process's. */
static bool
row_at(const struct tui *t, size_t n, struct trow *row)
{
	unsigned i, per;

	for (i = 1; i <= t->live.nproc; i++) {
		per = 1 + (folded(t, i) ? 0 : t->live.nthread);
		if (n < per) {
			*row = (struct trow){ i, (unsigned)n };
			return true;
		}
		n -= per;
	}
	return false;
}

static void
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
in_stop(const struct tframe *f, int c)
{
	int s;

	for (s = 0; s < f->nspan; s++)
		if (c >= f->span[s][0] && c <= f->span[s][1])
			return true;
	return false;
}

/* Each row of processes and threads shown, from the first shown on: which
   threads the walk follows, where they go, and the walk's slots. */
static int
frame_map(const struct tui *t, struct tframe *f)
{
	const struct model *m = &t->live;
	const struct tgeom *g = &f->g;
	size_t n = t->tl_top, k;
	unsigned i, per;
	int r = 0, fold = 0;

	if (g->rows < 1)
		return -1;
	for (i = 1; i <= m->nproc; i++) {
		per = 1 + (folded(t, i) ? 0 : m->nthread);
		if (n < per)
			break;
		n -= per;
	}
	f->first = i;
	f->procs = calloc((size_t)g->rows + 1, sizeof(*f->procs));
	if (f->procs == NULL)
		return -1;
	for (; r < g->rows && i <= m->nproc; i++, n = 0) {
		struct tproc *p = &f->procs[f->np++];

		*p = (struct tproc){ .y = -1, .slot = f->nslots };
		if (n == 0)
			p->y = 1 + r++;
		if (folded(t, i)) {
			p->lo = 1;
			p->hi = m->nthread;
			p->fold = fold++;
		} else {
			p->fold = -1;
			p->lo = n == 0 ? 1 : (unsigned)n;
			p->ty = 1 + r;
			p->hi = p->lo - 1 + (unsigned)(g->rows - r);
			if (p->hi > m->nthread)
				p->hi = m->nthread;
			r += (int)(p->hi + 1 - p->lo);
		}
		f->nslots += p->hi + 1 - p->lo;
	}
	f->slots = malloc((f->nslots + 1) * sizeof(*f->slots));
	f->diffs = calloc((size_t)fold * ((size_t)g->cols + 1) + 1,
	    sizeof(*f->diffs));
	if (f->slots == NULL || f->diffs == NULL)
		return -1;
	for (k = 0; k < f->nslots; k++)
		f->slots[k] = (struct tslot){ .state = ST_NEW, .last = -1 };
	return 0;
}

/* The slot of thread j of process i, or NULL if the walk does not follow
   it; its process's map in *pp. */
static struct tslot *
frame_slot(const struct tframe *f, unsigned i, unsigned j,
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

/* The levels of the folded process p: cols + 1 counts. */
static int *
fold_diff(const struct tframe *f, const struct tproc *p)
{
	return f->diffs + (size_t)p->fold * ((size_t)f->g.cols + 1);
}

/* A phase of a thread on row y, from s->since to `end`: a bar of its look
   from its start's column up to its end's (one column at least), or a
   line that never covers a bar; columns of a pause in the stopped look. */
static void
phase_draw(const struct tui *t, const struct tframe *f, int y,
    struct tslot *s, uint64_t end, enum look l)
{
	const struct theme *th = &t->theme;
	const struct phase_def *d = &phases[s->state];
	const struct tgeom *g = &f->g;
	WINDOW *w = t->lay.body;
	const char *glyph = d->mark < MARK_COUNT ?
	    theme_mark(th, (enum mark)d->mark) : theme_glyph(th, l);
	int c, c1 = col_of(g, s->since), c2 = col_of(g, end);

	if (d->busy && c2 == c1)
		c2++;
	else if (!d->busy && c1 <= s->last)
		c1 = s->last + 1;
	for (c = c1; c < c2; c++) {
		bool stop = in_stop(f, c);

		wattrset(w, th->attr[stop ? LOOK_STOPPED : l]);
		wmove(w, y, g->x0 + c);
		theme_glyphs(w, stop ? theme_glyph(th, LOOK_STOPPED) :
		    glyph, 1);
	}
	if (c2 - 1 > s->last)
		s->last = c2 - 1;
}

/* A folded thread's busy stretch, from s->since to `end`, into its
   process's levels: the columns from its start's to its end's, each
   counted once however many stretches meet in it. */
static void
levels_add(const struct tgeom *g, struct tslot *s, int *diff, uint64_t end)
{
	int c1 = col_of(g, s->since), c2 = col_of(g, end);

	if (c1 <= s->last)
		c1 = s->last + 1;
	if (c1 > c2)
		return;
	diff[c1]++;
	diff[c2 + 1]--;
	s->last = c2;
}

/* Event ev of a thread the walk follows: it ends the phase before (drawn
   on a row; a folded row counts busy stretches) and begins the next. */
static void
phase_next(const struct tui *t, const struct tframe *f,
    const struct tproc *p, struct tslot *s, const struct event *ev)
{
	bool was = phases[s->state].busy, is = phases[ev->state].busy;

	if (p->fold >= 0) {
		if (was && !is)
			levels_add(&f->g, s, fold_diff(f, p), ev->t_ns);
		if (!was || !is)
			s->since = ev->t_ns;
		s->state = ev->state;
		return;
	}
	if (phases[s->state].drawn)
		phase_draw(t, f, p->ty + (int)(ev->thread - p->lo), s,
		    ev->t_ns, (enum look)phases[s->state].look);
	s->state = ev->state;
	s->since = ev->t_ns;
}

/* The one walk of a frame through the events shown: the phases of every
   thread followed, in order.  Others' events cost a comparison or two. */
static void
phases_walk(const struct tui *t, const struct tframe *f)
{
	const struct tproc *p;
	struct tslot *s;
	size_t k;

	for (k = 0; k < t->cursor; k++) {
		const struct event *ev = history_at(&t->hist, k);

		if (ev->thread == 0)
			continue;
		s = frame_slot(f, ev->proc, ev->thread, &p);
		if (s != NULL)
			phase_next(t, f, p, s, ev);
	}
}

/* A process's row: its name, its state and its life as a thin line. */
static void
proc_draw(const struct tui *t, const struct tframe *f, int y, unsigned i,
    bool folded)
{
	const struct theme *th = &t->theme;
	const struct model_proc *p = model_proc(t->shown, i);
	WINDOW *w = t->lay.body;
	const char *word;
	enum look l = theme_proc_look(t->shown, i, &word);
	char name[32];
	int c1, c2;

	snprintf(name, sizeof(name), "%s Process-%u", folded ?
	    theme_sym(th, SYM_FOLDED) : theme_sym(th, SYM_UNFOLDED), i);
	wattrset(w, i == t->sel.proc ? th->attr[LOOK_TITLE] : A_NORMAL);
	mvwaddstr(w, y, 0, name);
	if (i == t->sel.proc && (folded || t->sel.thread == 0))
		theme_reverse(w, y, 2, (int)strlen(name) - 2);
	wattrset(w, l == LOOK_DONE ? A_NORMAL : th->attr[l]);
	mvwaddstr(w, y, f->g.state_x, word);
	if (p->t_forked != 0) {
		c1 = col_of(&f->g, p->t_forked);
		c2 = col_of(&f->g, p->reaped ? p->t_end : t->now);
		wattrset(w, th->attr[LOOK_DIM]);
		wmove(w, y, f->g.x0 + c1);
		theme_glyphs(w, theme_mark(th, MARK_SPAN), c2 - c1 + 1);
	}
	wattrset(w, A_NORMAL);
}

/* The row of a folded process, once its threads are counted: how many of
   them are busy, column by column, in sevenths of a cell. */
static void
levels_draw(const struct tui *t, const struct tgeom *g, int y,
    const int *diff)
{
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	int c, n = 0;

	wattrset(w, th->attr[LOOK_SLEEPING]);
	for (c = 0; c < g->cols; c++) {
		n += diff[c];
		if (n <= 0)
			continue;
		wmove(w, y, g->x0 + c);
		theme_glyphs(w, theme_level(th, (double)n /
		    t->shown->nthread), 1);
	}
	wattrset(w, A_NORMAL);
}

/* The rest of process i's row, after the walk: its threads' busy levels
   if it is folded, and the glyph of an end that was not done. */
static void
proc_tail(const struct tui *t, const struct tframe *f,
    const struct tproc *tp, unsigned i)
{
	const struct theme *th = &t->theme;
	const struct model_proc *p = model_proc(t->shown, i);
	WINDOW *w = t->lay.body;
	const char *word;
	enum look l = theme_proc_look(t->shown, i, &word);
	unsigned j;

	if (p->t_forked == 0)
		return;
	if (tp->fold >= 0) {
		int *diff = fold_diff(f, tp);

		/* The stretches still going, up to the end or the moment. */
		for (j = tp->lo; j <= tp->hi; j++) {
			const struct model_thread *tr = model_thread(t->shown,
			    i, j);
			struct tslot *s = &f->slots[tp->slot + (j - tp->lo)];

			if (phases[s->state].busy)
				levels_add(&f->g, s, diff, tr->t_done != 0 ?
				    tr->t_done : t->now);
		}
		levels_draw(t, &f->g, tp->y, diff);
	}
	/* When it ended, if it was left a zombie. */
	if (p->t_zombie != 0) {
		wattrset(w, th->attr[LOOK_ZOMBIE]);
		wmove(w, tp->y, f->g.x0 + col_of(&f->g, p->t_zombie));
		theme_glyphs(w, theme_glyph(th, LOOK_ZOMBIE), 1);
		wattrset(w, A_NORMAL);
	}
	if (p->reaped && l != LOOK_DONE) {
		wattrset(w, th->attr[l]);
		wmove(w, tp->y, f->g.x0 + col_of(&f->g, p->t_end));
		theme_glyphs(w, theme_glyph(th, l), 1);
		wattrset(w, A_NORMAL);
	}
}

/* A thread's row before the walk: its name, and the running glyph where it
   began. */
static void
thread_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    unsigned j)
{
	const struct theme *th = &t->theme;
	const struct model_thread *tr = model_thread(t->shown, i, j);
	WINDOW *w = t->lay.body;
	char name[32];

	snprintf(name, sizeof(name), "Thread-%u", j);
	wattrset(w, th->attr[LOOK_DIM]);
	mvwaddstr(w, y, 4, name);
	wattrset(w, A_NORMAL);
	if (i == t->sel.proc && j == t->sel.thread)
		theme_reverse(w, y, 4, (int)strlen(name));
	if (tr->t_running != 0) {
		wattrset(w, th->attr[LOOK_RUNNING]);
		wmove(w, y, g->x0 + col_of(g, tr->t_running));
		theme_glyphs(w, theme_glyph(th, LOOK_RUNNING), 1);
		wattrset(w, A_NORMAL);
	}
}

/* The rest of thread j of process i's row, after the walk: the phase it is
   in, up to its end or the moment shown, then its end's glyph just after
   the bar (done: and its rank; deadlocked: at the moment shown). */
static void
thread_tail(const struct tui *t, const struct tframe *f, int y, unsigned i,
    unsigned j, struct tslot *s)
{
	const struct theme *th = &t->theme;
	const struct model_thread *tr = model_thread(t->shown, i, j);
	enum look l = theme_thread_look(t->shown, i, j), pl;
	const struct tgeom *g = &f->g;
	WINDOW *w = t->lay.body;
	uint64_t end = tr->t_done != 0 ? tr->t_done : t->now;
	char rank[16];
	int c;

	if (phases[s->state].drawn) {
		pl = (enum look)phases[s->state].look;
		/* A deadlock's wait is its last: it never ends. */
		if (s->state == ST_WAITING && tr->deadlocked)
			pl = LOOK_DEADLOCK;
		phase_draw(t, f, y, s, end, pl);
	}
	if (tr->t_done == 0 && l != LOOK_DEADLOCK)
		return;
	c = col_of(g, end);
	if (c <= s->last && s->last < g->cols - 1)
		c = s->last + 1;
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

/*
 * Three passes over the rows shown: what does not need the history (names,
 * life lines, running glyphs), then the one walk through the history that
 * draws every phase that has ended, then what the walk leaves open (the
 * phases going on, the ends, the folded rows' levels).  Without memory for
 * the walk, the first pass alone.
 */
static void
timeline_draw(const struct tui *t)
{
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	struct tframe f = { .np = 0 };
	struct trow row;
	unsigned k, j;
	int r, now_x;
	bool walk;

	werase(w);
	geometry(t, &f.g);
	f.nspan = stopped_spans(t, &f.g, f.span);
	axis_draw(t, &f.g, f.span, f.nspan);
	/* The moment shown, under everything else. */
	now_x = f.g.x0 + col_of(&f.g, t->now);
	wattrset(w, th->attr[LOOK_DIM]);
	for (r = 1; r <= f.g.rows; r++) {
		wmove(w, r, now_x);
		theme_glyphs(w, theme_mark(th, MARK_NOW), 1);
	}
	wattrset(w, A_NORMAL);
	walk = frame_map(t, &f) == 0;
	for (k = 0; k < f.np; k++) {
		const struct tproc *p = &f.procs[k];

		if (p->y >= 0)
			proc_draw(t, &f, p->y, f.first + k, p->fold >= 0);
		if (p->fold < 0)
			for (j = p->lo; j <= p->hi; j++)
				thread_draw(t, &f.g, p->ty + (int)(j - p->lo),
				    f.first + k, j);
	}
	if (walk) {
		phases_walk(t, &f);
		for (k = 0; k < f.np; k++) {
			const struct tproc *p = &f.procs[k];

			if (p->fold < 0)
				for (j = p->lo; j <= p->hi; j++)
					thread_tail(t, &f, p->ty +
					    (int)(j - p->lo), f.first + k, j,
					    &f.slots[p->slot + (j - p->lo)]);
			if (p->y >= 0)
				proc_tail(t, &f, p, f.first + k);
		}
	}
	wattrset(w, th->attr[LOOK_DIM]);
	if (t->tl_top > 0)
		mvwaddstr(w, 1, 0, theme_sym(th, SYM_MORE_UP));
	if (row_at(t, t->tl_top + (size_t)f.g.rows, &row))
		mvwaddstr(w, f.g.rows, 0, theme_sym(th, SYM_MORE_DOWN));
	wattrset(w, A_NORMAL);
	free(f.procs);
	free(f.slots);
	free(f.diffs);
}

/* The row at screen position y, x into sel; false if there is none. */
static bool
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

/* Lines the timeline would like of `space`: the axis, the heading, a row
   a process and a row a thread of each unfolded process. */
static int
timeline_wants(const struct tui *t, int space)
{
	const struct model *m = &t->live;
	int rows = (int)m->nproc + 2;
	unsigned i;

	for (i = 1; i <= m->nproc && rows < space; i++)
		if (!folded(t, i))
			rows += (int)m->nthread;
	return rows;
}

/* Up or down one row: through the threads of an unfolded process, from
   process to process when folded. */
static void
row_step(struct tui *t, int by)
{
	const struct model *m = &t->live;
	unsigned i = t->sel.proc;

	if (!folded(t, i) && (by > 0 ? t->sel.thread < m->nthread :
	    t->sel.thread > 1)) {
		state_select(t, 0, by);
		return;
	}
	if ((by < 0 && i == 1) || (by > 0 && i == m->nproc))
		return;
	t->sel.proc = by > 0 ? i + 1 : i - 1;
	if (!folded(t, t->sel.proc))
		t->sel.thread = by > 0 ? 1 : m->nthread;
}

/* Up and down move through the rows; left and right move the moment shown
   by a column of the axis. */
static void
timeline_move(struct tui *t, int dy, int dx)
{
	struct tgeom g;

	if (dy != 0)
		row_step(t, dy);
	if (dx != 0) {
		geometry(t, &g);
		travel_step(t, dx, g.col_ns);
	}
}

/* PgUp, PgDn: the rows the timeline shows at once. */
static void
timeline_page(struct tui *t, int by)
{
	struct tgeom g;
	int r;

	geometry(t, &g);
	for (r = 0; r < (g.rows > 1 ? g.rows : 1); r++)
		row_step(t, by);
}

/* Enter: fold or unfold the selected process. */
static unsigned
timeline_enter(struct tui *t)
{
	unsigned i = t->sel.proc;

	t->fold[i - 1] = folded(t, i) ? FOLD_OPEN : FOLD_FOLDED;
	return REACT_LAYOUT;
}

const struct view_ops timeline_view = {
	.name = "timeline", .cells = false, .wants = timeline_wants,
	.follow = timeline_scroll, .draw = timeline_draw,
	.hit = timeline_hit, .arrow = timeline_move, .page = timeline_page,
	.enter = timeline_enter,
};
