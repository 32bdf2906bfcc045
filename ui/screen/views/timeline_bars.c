/*
 * timeline_bars.c: the timeline's rows: a thread's life phase by phase as
 * bars, a process's as a thin line, a folded process's busy threads as
 * levels -- from one walk a frame through the events shown (see
 * timeline.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../base/state.h"
#include "timeline_bars.h"
#include "timeline_geom.h"
#include "timeline_share.h"

#define STATE_W		8	/* "starting" */

/* How each phase of a thread is drawn, by its state: a bar, one column at
   least, of a mark or of its look's own glyph (a busy one, state_busy(),
   is also counted in a folded row's levels), or a thin line (waiting).
   Sleeping keeps the bar it had before the other workloads. */
struct phase_def {
	bool		 drawn;
	uint8_t		 look;		/* enum look */
	uint8_t		 mark;		/* enum mark; MARK_COUNT: the look's */
};

static const struct phase_def phases[ST_COUNT] = {
	[ST_SLEEPING]	= { true, LOOK_SLEEPING, MARK_BAR },
	[ST_COMPUTING]	= { true, LOOK_COMPUTING, MARK_COUNT },
	[ST_HOLDING]	= { true, LOOK_HOLDING, MARK_COUNT },
	[ST_WAITING]	= { true, LOOK_WAITING, MARK_SPAN },
};

/* A thread the frame's walk follows: the phase it is in and since when
   (folded: since its busy stretch began), and the last column it drew
   (folded: counted), -1 before any. */
struct tslot {
	uint64_t	 since;
	int		 last;
	uint8_t		 state;
	bool		 cpu;		/* it computes: drawn by its share of
					   a CPU (timeline_share.c) */
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
	uint64_t	*on;		/* each slot's ns on a CPU, a column
					   each: [nslots * cols] */
};

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
	size_t n = t->scroll.tl_top, k;
	unsigned i, per;
	int r = 0, fold = 0;

	if (g->rows < 1)
		return -1;
	for (i = 1; i <= m->nproc; i++) {
		per = 1 + (tgeom_folded(t, i) ? 0 : m->nthread);
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

/* The time on a CPU of slot s, a column each. */
static uint64_t *
slot_on(const struct tframe *f, const struct tslot *s)
{
	return f->on + (size_t)(s - f->slots) * (size_t)f->g.cols;
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
	WINDOW *w = f->g.w;
	const char *glyph = d->mark < MARK_COUNT ?
	    theme_mark(th, (enum mark)d->mark) : theme_glyph(th, l);
	int c, c1 = tgeom_col(g, s->since), c2 = tgeom_col(g, end);

	if (state_busy(s->state) && c2 == c1)
		c2++;
	else if (!state_busy(s->state) && c1 <= s->last)
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
	int c1 = tgeom_col(g, s->since), c2 = tgeom_col(g, end);

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
	bool was = state_busy(s->state), is = state_busy(ev->state);

	if (p->fold >= 0) {
		if (was && !is)
			levels_add(&f->g, s, fold_diff(f, p), ev->t_ns);
		if (!was || !is)
			s->since = ev->t_ns;
		s->state = ev->state;
		return;
	}
	/* A thread that computes: its stretches on a CPU, drawn at its
	   end. */
	if (s->cpu && s->state == ST_COMPUTING)
		tshare_add(&f->g, slot_on(f, s), s->since, ev->t_ns);
	else if (phases[s->state].drawn && !s->cpu)
		phase_draw(t, f, p->ty + (int)(ev->thread - p->lo), s,
		    ev->t_ns, (enum look)phases[s->state].look);
	s->cpu = s->cpu || ev->state == ST_COMPUTING;
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
	WINDOW *w = f->g.w;
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
		c1 = tgeom_col(&f->g, p->t_forked);
		c2 = tgeom_col(&f->g, p->reaped ? p->t_end : t->now);
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
	WINDOW *w = g->w;
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
	WINDOW *w = f->g.w;
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

			if (state_busy(s->state))
				levels_add(&f->g, s, diff, tr->t_done != 0 ?
				    tr->t_done : t->now);
		}
		levels_draw(t, &f->g, tp->y, diff);
	}
	/* When it ended, if it was left a zombie. */
	if (p->t_zombie != 0) {
		wattrset(w, th->attr[LOOK_ZOMBIE]);
		wmove(w, tp->y, f->g.x0 + tgeom_col(&f->g, p->t_zombie));
		theme_glyphs(w, theme_glyph(th, LOOK_ZOMBIE), 1);
		wattrset(w, A_NORMAL);
	}
	if (p->reaped && l != LOOK_DONE) {
		wattrset(w, th->attr[l]);
		wmove(w, tp->y, f->g.x0 + tgeom_col(&f->g, p->t_end));
		theme_glyphs(w, theme_glyph(th, l), 1);
		wattrset(w, A_NORMAL);
	}
}

/* A thread's row before the walk: its name, and the running (or held)
   glyph where it began. */
static void
thread_draw(const struct tui *t, const struct tgeom *g, int y, unsigned i,
    unsigned j)
{
	const struct theme *th = &t->theme;
	const struct model_thread *tr = model_thread(t->shown, i, j);
	WINDOW *w = g->w;
	/* Held at the gate (g) until the run's clock starts. */
	enum look l = model_thread_held(t->shown, i, j) ? LOOK_HELD :
	    LOOK_RUNNING;
	char name[32];

	snprintf(name, sizeof(name), "Thread-%u", j);
	wattrset(w, th->attr[LOOK_DIM]);
	mvwaddstr(w, y, 4, name);
	wattrset(w, A_NORMAL);
	if (i == t->sel.proc && j == t->sel.thread)
		theme_reverse(w, y, 4, (int)strlen(name));
	if (tr->t_running != 0) {
		wattrset(w, th->attr[l]);
		wmove(w, y, g->x0 + tgeom_col(g, tr->t_running));
		theme_glyphs(w, theme_glyph(th, l), 1);
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
	WINDOW *w = f->g.w;
	uint64_t end = tr->t_done != 0 ? tr->t_done : t->now;
	char rank[16];
	int c;

	if (s->cpu) {
		if (s->state == ST_COMPUTING)
			tshare_add(g, slot_on(f, s), s->since, end);
		s->last = tshare_draw(t, g, y, slot_on(f, s), tr->t_sleeping,
		    end, f->span, f->nspan);
	} else if (phases[s->state].drawn) {
		pl = (enum look)phases[s->state].look;
		/* A deadlock's wait is its last: it never ends. */
		if (s->state == ST_WAITING && tr->deadlocked)
			pl = LOOK_DEADLOCK;
		phase_draw(t, f, y, s, end, pl);
	}
	if (tr->t_done == 0 && l != LOOK_DEADLOCK)
		return;
	c = tgeom_col(g, end);
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
 * The rows shown, in three passes: what does not need the history (names,
 * life lines, running glyphs), then the one walk through the history that
 * draws every phase that has ended, then what the walk leaves open (the
 * phases going on, the ends, the folded rows' levels).  Without memory for
 * the walk, the first pass alone.  True if a row drawn computes (its
 * levels want their legend).
 */
bool
bars_draw(const struct tui *t, const struct tgeom *g, int span[][2],
    int nspan)
{
	struct tframe f = { .g = *g, .nspan = nspan };
	unsigned k, j;
	bool walk, cpu = false;

	memcpy(f.span, span, sizeof(f.span[0]) * (size_t)nspan);
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

			for (j = p->lo; p->fold < 0 && j <= p->hi; j++) {
				thread_tail(t, &f, p->ty + (int)(j - p->lo),
				    f.first + k, j,
				    &f.slots[p->slot + (j - p->lo)]);
				cpu = cpu || f.slots[p->slot + (j - p->lo)].cpu;
			}
			if (p->y >= 0)
				proc_tail(t, &f, p, f.first + k);
		}
	}
	return cpu;
}

/* One entry of the legend at the cursor: a glyph in its look, a word. */
static void
legend_item(WINDOW *w, const struct theme *th, enum look l, const char *g,
    const char *word)
{
	if (getcurx(w) + 3 + (int)strlen(word) > getmaxx(w))
		return;
	wattrset(w, th->attr[l]);
	theme_glyphs(w, g, 1);
	wattrset(w, A_NORMAL);
	waddch(w, ' ');
	theme_put(w, word);
	theme_put(w, "  ");
}

void
bars_legend(const struct tui *t, const struct tgeom *g, int y)
{
	const struct theme *th = &t->theme;
	WINDOW *w = g->w;
	unsigned s;

	wmove(w, y, 2);
	for (s = 0; s < ST_COUNT; s++) {
		const struct phase_def *d = &phases[s];

		if (d->drawn)
			legend_item(w, th, (enum look)d->look,
			    d->mark != MARK_COUNT ? theme_mark(th,
			    (enum mark)d->mark) : theme_glyph(th,
			    (enum look)d->look), state_name(s));
	}
	for (s = 1; s <= t->shown->nproc && !tgeom_folded(t, s); s++)
		;
	if (s <= t->shown->nproc)
		legend_item(w, th, LOOK_SLEEPING, theme_level(th, 0.5),
		    "folded: how many busy");
	legend_item(w, th, LOOK_DIM, theme_mark(th, MARK_SPAN),
	    "a process alive");
	legend_item(w, th, LOOK_DIM, theme_mark(th, MARK_NOW),
	    "the moment shown");
}
