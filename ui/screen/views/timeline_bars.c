/*
 * timeline_bars.c: the timeline's rows: a thread's life phase by phase as
 * bars, a process's as a thin line, a folded process's busy threads as
 * levels -- from one walk a frame through the events shown (see
 * timeline.c), following the threads the frame's map picks
 * (timeline_frame.c).  A traced program's thread is drawn from one kernel
 * record to the next as a bar in the look of what the kernel said it did
 * (a lock, a sleep, a child...); its rows are named as the kernel names
 * its tasks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "timeline_bars.h"
#include "timeline_frame.h"
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
	/* The race's and the queue's moves, one column at least each. */
	[ST_MOVE]	= { true, LOOK_RUNNING, MARK_BAR },
	/* Step mode: at its gate, waiting for the room's key: a thin line
	   in the keys' colour (the gate's own look is a solid block). */
	[ST_GATE]	= { true, LOOK_KEY, MARK_SPAN },
	/* A traced thread's: drawn apart (kphase_draw()), each class in
	   its look's own glyph, never told by its colour alone. */
	[ST_KSTATE]	= { false, LOOK_COUNT, MARK_COUNT },
};

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
		bool stop = tframe_in_stop(f, c);

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

/* Does a folded row count a thread in `state`: busy (state_busy()), or
   for a traced program, whose threads have no work of their own, alive
   (born and not ended)? */
static bool
counted(const struct tui *t, uint8_t state)
{
	if (t->shown->traced)
		return state == ST_TBORN || state == ST_KSTATE;
	return state_busy(state);
}

/* The phase of a traced thread from s->since to `end`, if the kernel
   had said what it did: a bar in the look of its class. */
static void
kphase_draw(const struct tui *t, const struct tframe *f, int y,
    struct tslot *s, uint64_t end)
{
	if (s->state == ST_KSTATE)
		phase_draw(t, f, y, s, end, palette_kclass_look(s->kclass));
}

/* Event ev of a thread the walk follows: it ends the phase before (drawn
   on a row; a folded row counts busy stretches) and begins the next. */
static void
phase_next(const struct tui *t, const struct tframe *f,
    const struct tproc *p, struct tslot *s, const struct event *ev)
{
	bool was = counted(t, s->state), is = counted(t, ev->state);

	if (t->shown->traced && p->fold < 0) {
		kphase_draw(t, f, p->ty + (int)(ev->thread - p->lo), s,
		    ev->t_ns);
		s->state = ev->state;
		s->kclass = ev->what;
		s->since = ev->t_ns;
		return;
	}
	if (p->fold >= 0) {
		if (was && !is)
			levels_add(&f->g, s, tframe_levels(f, p), ev->t_ns);
		if (!was || !is)
			s->since = ev->t_ns;
		s->state = ev->state;
		return;
	}
	/* A thread that computes: its stretches on a CPU, drawn at its
	   end. */
	if (s->cpu && s->state == ST_COMPUTING)
		tshare_add(&f->g, tframe_on(f, s), s->since, ev->t_ns);
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
		s = tframe_slot(f, ev->proc, ev->thread, &p);
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
	enum look l = palette_proc_look(t->shown, i, &word);
	char name[32];
	int c1, c2;

	if (t->shown->traced)
		snprintf(name, sizeof(name), "%s %u %.10s", folded ?
		    theme_sym(th, SYM_FOLDED) : theme_sym(th, SYM_UNFOLDED), i,
		    names_of(&t->names, i, 0, t->cursor, false) != NULL ?
		    names_of(&t->names, i, 0, t->cursor, false) : "?");
	else
		snprintf(name, sizeof(name), "%s Process-%u", folded ?
		    theme_sym(th, SYM_FOLDED) : theme_sym(th, SYM_UNFOLDED),
		    i);
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
	enum look l = palette_proc_look(t->shown, i, &word);
	unsigned j;

	if (p->t_forked == 0)
		return;
	if (tp->fold >= 0) {
		int *diff = tframe_levels(f, tp);

		/* The stretches still going, up to the end or the moment. */
		for (j = tp->lo; j <= tp->hi && state_has(t->shown, i, j);
		    j++) {
			const struct model_thread *tr = model_thread(t->shown,
			    i, j);
			struct tslot *s = &f->slots[tp->slot + (j - tp->lo)];

			if (counted(t, s->state))
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
	/* Its last name known, as the details give it. */
	const char *tn = names_of(&t->names, i, j, t->hist.n, false);

	if (t->shown->traced)
		snprintf(name, sizeof(name), "%u %.10s", j, tn != NULL ? tn :
		    "?");
	else
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
	enum look l = palette_thread_look(t->shown, i, j), pl;
	const struct tgeom *g = &f->g;
	WINDOW *w = f->g.w;
	uint64_t end = tr->t_done != 0 ? tr->t_done : t->now;
	char rank[16];
	int c;

	if (t->shown->traced) {
		kphase_draw(t, f, y, s, end);
	} else if (s->cpu) {
		if (s->state == ST_COMPUTING)
			tshare_add(g, tframe_on(f, s), s->since, end);
		s->last = tshare_draw(t, g, y, tframe_on(f, s), tr->t_sleeping,
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
	/* A traced thread has no rank: it ended, it did not finish a
	   race. */
	if (l == LOOK_DONE && !t->shown->traced) {
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
	walk = tframe_map(t, &f) == 0;
	for (k = 0; k < f.np; k++) {
		const struct tproc *p = &f.procs[k];

		/* A traced program's rows are the live one's: the past
		   shown may not have them yet. */
		if (!state_has(t->shown, f.first + k, 0))
			continue;
		if (p->y >= 0)
			proc_draw(t, &f, p->y, f.first + k, p->fold >= 0);
		for (j = p->lo; p->fold < 0 && j <= p->hi &&
		    state_has(t->shown, f.first + k, j); j++)
			thread_draw(t, &f.g, p->ty + (int)(j - p->lo),
			    f.first + k, j);
	}
	if (walk) {
		phases_walk(t, &f);
		for (k = 0; k < f.np; k++) {
			const struct tproc *p = &f.procs[k];

			if (!state_has(t->shown, f.first + k, 0))
				continue;
			for (j = p->lo; p->fold < 0 && j <= p->hi &&
			    state_has(t->shown, f.first + k, j); j++) {
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
	/* A traced program's bars are the kernel's classes: the grid's
	   legend. */
	if (t->shown->traced)
		wmove(w, y, 2 + 1 + theme_legend(w, th, y, 2, true));
	for (s = 0; s < ST_COUNT && !t->shown->traced; s++) {
		const struct phase_def *d = &phases[s];

		/* Moves and gates only where the run has them. */
		if ((s == ST_MOVE && !(work_flags(t->opt.run.work) &
		    WORK_ITERATIONS)) || (s == ST_GATE && t->live.gates == 0))
			continue;
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
		    t->shown->traced ? "folded: how many alive" :
		    "folded: how many busy");
	legend_item(w, th, LOOK_DIM, theme_mark(th, MARK_SPAN),
	    "a process alive");
	legend_item(w, th, LOOK_DIM, theme_mark(th, MARK_NOW),
	    "the moment shown");
}
