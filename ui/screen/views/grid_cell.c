/*
 * grid_cell.c: one cell of the grid, the drawing of thread j of process i.
 *
 * A cell is a glyph (or the kernel's letter for it), then what fits in its
 * width: a fill growing in eighths of a column while the thread is busy, a
 * CPU-bound thread's share of a CPU, its finishing rank, why it ended, the
 * plan shown while predicting, or whom it waits for.  A tall cell has a
 * lower line, with the fill or the rank in big digits across both.  The
 * selected cell is marked with bars in the gaps beside it, or in reverse
 * where there are no gaps.  The geometry (grid_geom.h) says how wide a
 * cell is; the theme gives every glyph and colour.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/duration.h"
#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/taskwords.h"
#include "../../../src/text.h"
#include "../base/state.h"
#include "../features/kernel.h"
#include "../features/share.h"
#include "../features/step.h"
#include "grid_cell.h"
#include "grid_geom.h"

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
	/* A traced thread: the kernel's word for what it does. */
	if (m->traced && t->state == ST_TBORN && t->t_kstate != 0)
		snprintf(buf, len, " %s", taskwords_kstate_cell(t->kclass,
		    t->kobject));
	else if (m->traced)
		;
	else if ((l == LOOK_DONE || l == LOOK_ZOMBIE) && t->rank != 0)
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
select_draw(const struct tui *t, const struct ggeom *g, int y, int x)
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
big_rank(const struct tui *tu, const struct ggeom *g, unsigned i, unsigned j,
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
	    LOOK_ZOMBIE : palette_thread_look(tu->shown, i, j);

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
cpu_cell_draw(const struct tui *tu, const struct ggeom *g, enum look l,
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
void
gcell_lower(const struct tui *tu, const struct ggeom *g, int y, int x,
    unsigned i, unsigned j)
{
	const struct theme *th = &tu->theme;
	const struct share_cell *sc;
	double done;
	enum look l = cell_look(tu, i, j, &done, &sc);
	unsigned rank = big_rank(tu, g, i, j, l);
	WINDOW *w = g->w;

	wmove(w, y, x);
	/* Under the glyph a blank, so that the two bars line up (a traced
	   thread has no planned time to fill). */
	if (!state_has(tu->shown, i, j)) {
		theme_glyphs(w, " ", g->cw);
		return;
	}
	if (!tu->shown->traced && (l == LOOK_SLEEPING || l == LOOK_STOPPED ||
	    l == LOOK_COMPUTING || l == LOOK_HOLDING || sc != NULL)) {
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
void
gcell_draw(const struct tui *tu, const struct ggeom *g, int y, int x,
    unsigned i, unsigned j)
{
	const struct theme *th = &tu->theme;
	const struct share_cell *sc;
	double done;
	enum look l = cell_look(tu, i, j, &done, &sc);
	WINDOW *w = g->w;
	const char *kl;
	char words[24];

	wmove(w, y, x);
	/* A traced process with fewer threads than the widest: no cell. */
	if (!state_has(tu->shown, i, j)) {
		theme_glyphs(w, " ", g->cw);
		return;
	}
	wattrset(w, th->attr[l]);
	if ((kl = kernel_letter(tu, i, j)) != NULL)
		waddstr(w, kl);
	else if (l == LOOK_SLEEPING && g->cw == 1 && !tu->shown->traced)
		theme_glyphs(w, theme_pie(th, done), 1);
	else
		theme_glyphs(w, theme_glyph(th, l), 1);
	if (g->cw > 1 && sc != NULL) {
		cpu_cell_draw(tu, g, l, sc);
	} else if (g->cw > 1 && !tu->shown->traced && (l == LOOK_SLEEPING ||
	    l == LOOK_STOPPED || l == LOOK_COMPUTING || l == LOOK_HOLDING)) {
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
	/* Step mode: a thread at its gate, waiting for a move, has the
	   gate in its cell's last column (its only one: the state then
	   shows in the details). */
	if (step_gated(tu, i, j)) {
		wattrset(w, th->attr[LOOK_HELD]);
		mvwaddstr(w, y, x + g->cw - 1, theme_glyph(th, LOOK_HELD));
	}
	wattrset(w, A_NORMAL);
	if (i == tu->sel.proc && j == tu->sel.thread)
		select_draw(tu, g, y, x);
}
