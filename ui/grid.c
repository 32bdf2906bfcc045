/*
 * grid.c: the header and the process x thread grid.
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

#include "../src/duration.h"
#include "../src/event.h"
#include "../src/recording.h"
#include "../src/scene.h"
#include "../src/text.h"
#include "../src/work.h"
#include "view.h"

#define CELL_MAX	10	/* widest cell, gap excluded */
#define BIG		2	/* big cells: how many times as large */
#define PID_MIN_COLS	64	/* narrower: no pid column */
#define STATE_W		8	/* "starting" */
#define PID_W		7

struct geom {
	int		 name_w;	/* "Process-N" at its widest */
	int		 pid_x;		/* 0: no pid column */
	int		 state_x;
	int		 cells_x;	/* first column of the first cell */
	int		 cw;		/* a cell, gap excluded */
	int		 step;		/* from one cell to the next */
	unsigned	 ncols;		/* thread columns shown */
	unsigned	 nrows;		/* process rows shown */
	int		 pitch;		/* lines from one row to the next */
	int		 tall;		/* lines of a cell: 1, or BIG */
};

/* Where everything goes in a grid window of this size. */
static void
geometry(const struct tui *t, struct geom *g)
{
	const struct model *m = t->shown;
	int w = getmaxx(t->lay.body), h = getmaxy(t->lay.body), avail, x;

	g->name_w = 8 + theme_digits(m->nproc);
	x = 2 + g->name_w + 1;
	g->pid_x = w >= PID_MIN_COLS ? x : 0;
	if (g->pid_x != 0)
		x += PID_W + 1;
	g->state_x = x;
	g->cells_x = x + STATE_W + 1;
	avail = w - g->cells_x;
	if (avail < 1)
		avail = 1;
	for (g->cw = t->big ? BIG * CELL_MAX : CELL_MAX; g->cw > 1; g->cw--)
		if ((int)m->nthread * (g->cw + 1) - 1 <= avail)
			break;
	/* One column each, and no gap, is the last resort. */
	g->step = g->cw + 1;
	if (g->cw == 1 && (int)m->nthread * 2 - 1 > avail)
		g->step = 1;
	g->ncols = (unsigned)((avail + g->step - g->cw) / g->step);
	if (g->ncols > m->nthread)
		g->ncols = m->nthread;
	if (g->ncols < 1)
		g->ncols = 1;
	/* Room to spare: a blank line between rows, easier on a projector;
	   big cells are BIG lines tall when they all fit so. */
	g->tall = t->big && h - 1 >= (BIG + 1) * (int)m->nproc - 1 ? BIG : 1;
	g->pitch = g->tall > 1 ? BIG + 1 : h - 1 >= 2 * (int)m->nproc ? 2 : 1;
	g->nrows = h > 1 ? (unsigned)(h - 1) / (unsigned)g->pitch : 1;
}

/* Scroll so that the selected cell is in view. */
static void
follow(struct tui *t, const struct geom *g)
{
	const struct model *m = t->shown;

	if (t->sel.proc < t->top_proc)
		t->top_proc = t->sel.proc;
	if (t->sel.proc >= t->top_proc + g->nrows)
		t->top_proc = t->sel.proc - g->nrows + 1;
	if (t->top_proc + g->nrows > m->nproc + 1)
		t->top_proc = m->nproc >= g->nrows ? m->nproc - g->nrows + 1 : 1;
	if (t->sel.thread < t->left_thread)
		t->left_thread = t->sel.thread;
	if (t->sel.thread >= t->left_thread + g->ncols)
		t->left_thread = t->sel.thread - g->ncols + 1;
	if (t->left_thread + g->ncols > m->nthread + 1)
		t->left_thread = m->nthread - g->ncols + 1;
}

bool
tui_predict_lines(const struct tui *t, char *l1, size_t n1, char *l2,
    size_t n2)
{
	const struct predict *pr = &t->predict;
	const struct model *m = t->shown;
	unsigned k, i, right = 0, known = 0;
	size_t used;

	if (pr->state == PREDICT_OFF)
		return false;
	if (pr->state == PREDICT_GUESS)
		snprintf(l1, n1, "in which order will they finish? Type "
		    "process numbers or Enter on a row; v: the plans; g: go");
	else
		snprintf(l1, n1, "the guess beside the run: a place is right "
		    "when the process finished there.");
	snprintf(l2, n2, "guess:");
	for (k = 0; k < m->nproc; k++) {
		used = strlen(l2);
		if (k < pr->n)
			snprintf(l2 + used, n2 - used, " %u", pr->guess[k]);
		else
			snprintf(l2 + used, n2 - used, " _");
	}
	if (pr->state == PREDICT_GUESS)
		return true;
	used = strlen(l2);
	snprintf(l2 + used, n2 - used, "   the run:");
	/* The real order: the processes by the order of their "done". */
	for (k = 1; k <= m->nproc; k++) {
		for (i = 1; i <= m->nproc; i++)
			if (model_proc(m, i)->done_rank == k)
				break;
		used = strlen(l2);
		if (i > m->nproc) {
			snprintf(l2 + used, n2 - used, " _");
			continue;
		}
		snprintf(l2 + used, n2 - used, " %u", i);
		known++;
		right += k <= pr->n && pr->guess[k - 1] == i;
	}
	used = strlen(l2);
	if (known > 0)
		snprintf(l2 + used, n2 - used, "   %u of %u place%s right%s",
		    right, known, known == 1 ? "" : "s",
		    model_finished(m) ? "" : " so far");
	return true;
}

bool
tui_place_was(const struct tui *t, unsigned i, char *buf, size_t len)
{
	const struct model_proc *a, *b;
	char now[16], was[16];
	int64_t da, db;

	if (t->prev.procs == NULL || t->prev.nproc != t->shown->nproc ||
	    t->prev.nthread != t->shown->nthread)
		return false;
	a = model_proc(&t->prev, i);
	b = model_proc(t->shown, i);
	if (a->done_rank == 0 || b->done_rank == 0 ||
	    a->done_rank == b->done_rank)
		return false;
	da = (int64_t)(a->t_done - t->prev.t0);
	db = (int64_t)(b->t_done - t->shown->t0);
	snprintf(buf, len, "%s, was %s, %.3f s %s", text_ordinal(b->done_rank,
	    now, sizeof(now)), text_ordinal(a->done_rank, was, sizeof(was)),
	    (double)(db > da ? db - da : da - db) / 1e9,
	    db > da ? "later" : "sooner");
	return true;
}

int
tui_moved(const struct tui *t)
{
	bool moved[RUN_MAX_PROCS];

	if (t->prev.procs == NULL || !model_finished(t->shown) ||
	    t->prev.nproc != t->shown->nproc ||
	    t->prev.nthread != t->shown->nthread)
		return -1;
	return (int)model_moved(&t->prev, t->shown, moved);
}

/* The first deadlock of a process not yet reaped, in words, with how many
   processes are deadlocked, and what k does when it can (a live run);
   false if none is. */
static bool
deadlock_text(const struct model *m, bool can_kill, char *buf, size_t len)
{
	unsigned i, n = 0, first = 0;
	size_t used;

	if (m->deadlocks == 0)
		return false;
	for (i = 1; i <= m->nproc; i++) {
		if (model_proc(m, i)->cycle == 0 || model_proc(m, i)->reaped)
			continue;
		if (n++ == 0)
			first = i;
	}
	if (n == 0 || !text_deadlock(m, first, buf, len))
		return false;
	used = strlen(buf);
	if (n > 1)
		snprintf(buf + used, len - used, " (and %u more)", n - 1);
	used = strlen(buf);
	if (can_kill)
		snprintf(buf + used, len - used, ": k on it kills it");
	return true;
}

/* The two lines below the note: "TITLE ▸ l1", then l2 under l1. */
static void
header_pair(const struct tui *t, const char *title, const char *l1,
    const char *l2)
{
	WINDOW *w = t->lay.header;

	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, 3, 0, title);
	theme_put(w, t->theme.utf8 ? " ▸ " : " > ");
	wattrset(w, A_NORMAL);
	theme_put(w, l1);
	wattrset(w, t->theme.attr[LOOK_KEY]);
	wmove(w, 4, (int)strlen(title) + 3);
	theme_put(w, l2);
	wattrset(w, A_NORMAL);
}

/* A scene's caption, on the header's lines below the note: what to
   watch, then what to ask. */
static void
caption_draw(const struct tui *t)
{
	const struct scene *sc = tui_caption(t);
	WINDOW *w = t->lay.header;
	char line[64], l1[256], l2[256];

	if (getmaxy(w) < 5)
		return;
	if (many_lines(t, l1, sizeof(l1), l2, sizeof(l2))) {
		header_pair(t, "Many", l1, l2);
		return;
	}
	if (tui_predict_lines(t, l1, sizeof(l1), l2, sizeof(l2))) {
		header_pair(t, "Predict", l1, l2);
		return;
	}
	if (sc == NULL)
		return;
	snprintf(line, sizeof(line), "Scene %u %s ", t->scene,
	    t->theme.utf8 ? "▸" : ">");
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, 3, 0, line);
	wattrset(w, A_NORMAL);
	theme_put(w, sc->watch);
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	wmove(w, 4, (int)strlen(line) - (t->theme.utf8 ? 2 : 0));
	theme_put(w, sc->ask);
	wattrset(w, A_NORMAL);
}

/* A replay being read, or cut short: how far, or where it stops. */
static bool
replay_status(const struct tui *t, char *buf, size_t len)
{
	const struct recording_info *ri;
	char w[RECORDING_WARNINGS][160];
	unsigned n;

	if (t->replay == NULL)
		return false;
	ri = recording_get(t->replay);
	if (!ri->ended && !ri->failed) {
		/* kB under a megabyte, tenths of MB under ten. */
		uint64_t most = ri->size != 0 ? ri->size : ri->bytes;
		double unit = most < 1000000 ? 1e3 : 1e6;
		int d = most >= 1000000 && most < 10000000 ? 1 : 0;
		const char *u = most < 1000000 ? "kB" : "MB";

		if (ri->size != 0)
			snprintf(buf, len, "reading %s: %.*f of %.*f %s",
			    ri->name, d, (double)ri->bytes / unit, d,
			    (double)ri->size / unit, u);
		else
			snprintf(buf, len, "reading %s: %.*f %s", ri->name, d,
			    (double)ri->bytes / unit, u);
		return true;
	}
	/* The last warning says where the run stops, if it was cut. */
	if ((n = recording_warnings(t->replay, w)) == 0)
		return false;
	snprintf(buf, len, "%s", w[n - 1]);
	return true;
}

/* The header's third line: what goes on beside the run (a deadlock, a
   replay still read, reaping held) and the note of the last key. */
static void
header_notes(const struct tui *t, WINDOW *w)
{
	const struct model *m = t->shown;
	const struct theme *th = &t->theme;
	char line[512];
	int moved;

	/* A note has a line of its own: the status line leaves it little
	   room at 120 columns.  A deadlock still going comes first. */
	wmove(w, 2, 0);
	if (deadlock_text(m, t->replay == NULL && t->src != NULL, line,
	    sizeof(line))) {
		wattrset(w, th->attr[LOOK_DEADLOCK]);
		theme_put(w, line);
		wattrset(w, A_NORMAL);
		theme_put(w, "  ");
	}
	/* R: the same plan again; the header says whether the schedule
	   was the same, so a room never waits for a change that came. */
	if ((moved = tui_moved(t)) >= 0 && t->note[0] == '\0') {
		if (moved > 0)
			snprintf(line, sizeof(line), "same seed as the run "
			    "before, another schedule: %d of %u processes "
			    "finished in other places", moved, m->nproc);
		else
			snprintf(line, sizeof(line), "same seed as the run "
			    "before, the same order: every process finished "
			    "in its place");
		wattrset(w, th->attr[LOOK_KEY]);
		theme_put(w, line);
		theme_put(w, "  ");
	}
	if (replay_status(t, line, sizeof(line))) {
		wattrset(w, th->attr[LOOK_KEY]);
		theme_put(w, line);
		wattrset(w, A_NORMAL);
		theme_put(w, "  ");
	}
	if (t->reap_held && t->replay == NULL) {
		wattrset(w, th->attr[LOOK_ZOMBIE]);
		theme_put(w, "reaping held: ended children stay zombies "
		    "(z releases)");
		wattrset(w, A_NORMAL);
		theme_put(w, "  ");
	}
	wattrset(w, th->attr[LOOK_KEY]);
	theme_put(w, t->note);
	wattrset(w, A_NORMAL);
}

void
grid_draw_header(const struct tui *t)
{
	const struct model *m = t->shown;
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.header;
	uint64_t el = model_elapsed(m, t->now);
	char sleep[32], secs[32], total[32], line[512], work[32];
	const char *dash = th->utf8 ? "—" : "-", *dot = th->utf8 ? "·" : "|";
	const char *state = "starting";

	theme_secs(sleep, sizeof(sleep), t->opt.run.sleep_ns, 3, true);
	if (t->opt.run.work == WORK_SEMAPHORE)
		snprintf(work, sizeof(work), "semaphore of %u",
		    t->opt.run.permits);
	else
		snprintf(work, sizeof(work), "%s", work_name(t->opt.run.work));
	snprintf(line, sizeof(line), "ptviz %s %s%s%s%u process%s %s %u "
	    "thread%s %s %s %s %s s %s seed %llu", dash,
	    t->replay != NULL ? "replay of " : "",
	    t->replay != NULL ? recording_get(t->replay)->name : "",
	    t->replay != NULL ? (th->utf8 ? " — " : " - ") : "", m->nproc,
	    m->nproc == 1 ? "" : "es", th->utf8 ? "×" : "x", m->nthread,
	    m->nthread == 1 ? "" : "s", dash, work, th->utf8 ? "≤" : "<=",
	    sleep, dash, (unsigned long long)t->opt.run.seed);
	werase(w);
	wattrset(w, th->attr[LOOK_TITLE]);
	wmove(w, 0, 0);
	theme_put(w, line);
	wattrset(w, A_NORMAL);
	if (m->main_state == ST_MDONE)
		state = "finished";
	else if (model_stopped(m))
		state = "stopped";
	else if (m->main_state == ST_MRUNNING ||
	    m->main_state == ST_MCONTINUED)
		state = "running";
	wmove(w, 1, 0);
	if (tui_travelling(t)) {
		/* A moment of the past: where in the run, and how it moves. */
		theme_secs(secs, sizeof(secs), el, 3, false);
		theme_secs(total, sizeof(total), model_elapsed(&t->live,
		    t->live_now), 3, false);
		snprintf(line, sizeof(line), "at %s s of %s s  %s  event "
		    "%zu/%zu  %s  ", secs, total, dot, t->cursor, t->hist.n,
		    dot);
		wattrset(w, th->attr[LOOK_KEY]);
		theme_put(w, line);
		wattrset(w, A_NORMAL);
	} else {
		theme_secs(secs, sizeof(secs), el, 1, false);
		snprintf(line, sizeof(line), "elapsed %s s  %s  ", secs, dot);
		theme_put(w, line);
	}
	snprintf(line, sizeof(line), "threads done %u/%u  %s  concurrency "
	    "%.2f%s  %s  %s  ", m->threads_done, m->nproc * m->nthread, dot,
	    model_concurrency(m, t->now), th->utf8 ? "×" : "x", dot, state);
	theme_put(w, line);
	if (kernel_letters(t))
		theme_put(w, "cells: the kernel's letters  ");
	if (tui_travelling(t)) {
		snprintf(line, sizeof(line), "%s %s%g  ", t->play.on ?
		    (th->utf8 ? "▶ playing" : "> playing") : "time stopped",
		    th->utf8 ? "×" : "x", t->play.speed_pct / 100.0);
		wattrset(w, th->attr[LOOK_KEY]);
		theme_put(w, line);
		wattrset(w, A_NORMAL);
	}
	header_notes(t, w);
	caption_draw(t);
}

/* The pie glyph of a one-column sleeping cell, by how far it has slept. */
static const char *
pie(const struct theme *th, double frac)
{
	/* Never the empty circle: that is a thread not started yet. */
	static const char *const p[] = { "◔", "◑", "◕", "●" };
	int i = (int)(frac * 4);

	if (!th->utf8)
		return theme_glyph(th, LOOK_SLEEPING);
	return p[i < 0 ? 0 : i > 3 ? 3 : i];
}

/* The words after the glyph of a cell: its rank, why it ended, or what it
   waits for ("T3": the thread that holds it). */
static void
cell_words(const struct model *m, unsigned i, unsigned j, enum look l,
    uint64_t plan, int room, char *buf, size_t len)
{
	const struct model_thread *t = model_thread(m, i, j);
	static const char *const waits[OBJ_COUNT] = {
		[OBJ_CPU] = "cpu", [OBJ_MUTEX] = "mutex",
		[OBJ_GMUTEX] = "mutex", [OBJ_SEM] = "sem",
		[OBJ_BARRIER] = "barrier",
	};
	unsigned hp, h;

	buf[0] = '\0';
	if (l == LOOK_DONE)
		snprintf(buf, len, room > theme_digits(t->rank) ? " %u" : "%u",
		    t->rank);
	else if (l == LOOK_LOST)
		snprintf(buf, len, " lost");
	else if (l == LOOK_FAILED)
		snprintf(buf, len, " failed");
	else if (plan != 0 && (l == LOOK_RUNNING || l == LOOK_NEW))
		snprintf(buf, len, " %.2fs", (double)plan / 1e9);
	else if ((l == LOOK_WAITING || l == LOOK_DEADLOCK) &&
	    (h = model_holder(m, i, t, &hp)) != 0 && hp == i)
		snprintf(buf, len, " T%u", h);
	else if ((l == LOOK_WAITING || l == LOOK_DEADLOCK) &&
	    (h = model_holder(m, i, t, &hp)) != 0)
		snprintf(buf, len, " P%u", hp);
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
	WINDOW *w = t->lay.body;

	if (g->step == g->cw) {
		theme_reverse(w, y, x, g->cw);
		return;
	}
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, y, x - 1, t->theme.utf8 ? "▕" : "[");
	mvwaddstr(w, y, x + g->cw, t->theme.utf8 ? "▏" : "]");
	wattrset(w, A_NORMAL);
}

/* The lower line of a big cell: its fill, or its colour. */
static void
cell_lower(const struct tui *tu, const struct geom *g, int y, int x,
    unsigned i, unsigned j)
{
	const struct theme *th = &tu->theme;
	enum look l = theme_thread_look(tu->shown, i, j);
	WINDOW *w = tu->lay.body;

	wmove(w, y, x);
	/* Under the glyph a blank, so that the two bars line up. */
	if (l == LOOK_SLEEPING || l == LOOK_STOPPED || l == LOOK_COMPUTING ||
	    l == LOOK_HOLDING) {
		waddch(w, ' ');
		theme_fill(w, th, l, model_progress(tu->shown, i, j, tu->now),
		    g->cw - 1);
		return;
	}
	wattrset(w, th->attr[l]);
	theme_glyphs(w, " ", g->cw);
	wattrset(w, A_NORMAL);
}

/* Draw thread j of process i as a cell at y, x. */
static void
cell_draw(const struct tui *tu, const struct geom *g, int y, int x, unsigned i,
    unsigned j)
{
	const struct theme *th = &tu->theme;
	enum look l = theme_thread_look(tu->shown, i, j);
	WINDOW *w = tu->lay.body;
	double done = model_progress(tu->shown, i, j, tu->now);
	const char *kl;
	char words[24];

	wmove(w, y, x);
	wattrset(w, th->attr[l]);
	if ((kl = kernel_letter(tu, i, j)) != NULL)
		waddstr(w, kl);
	else if (l == LOOK_SLEEPING && g->cw == 1)
		theme_glyphs(w, pie(th, done), 1);
	else
		theme_glyphs(w, theme_glyph(th, l), 1);
	if (g->cw > 1 && (l == LOOK_SLEEPING || l == LOOK_STOPPED ||
	    l == LOOK_COMPUTING || l == LOOK_HOLDING)) {
		theme_fill(w, th, l, done, g->cw - 1);
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
	WINDOW *w = t->lay.body;
	unsigned j;
	int x, free_x;
	char num[12];

	wattrset(w, t->theme.attr[LOOK_DIM]);
	mvwaddstr(w, 0, 2, "process");
	if (g->pid_x != 0)
		mvwaddstr(w, 0, g->pid_x + PID_W - 3, "pid");
	mvwaddstr(w, 0, g->state_x, "state");
	free_x = g->cells_x;
	for (j = 0; j < g->ncols; j++) {
		unsigned tj = t->left_thread + j;

		x = g->cells_x + (int)j * g->step;
		snprintf(num, sizeof(num), "%u", tj);
		/* Narrow cells: number only every tenth, where it fits. */
		if (x < free_x || (g->cw < (int)strlen(num) && tj % 10 != 0 &&
		    tj != 1))
			continue;
		if (x + (int)strlen(num) > getmaxx(w))
			break;
		wattrset(w, t->theme.attr[tj == t->sel.thread ? LOOK_TITLE :
		    LOOK_DIM]);
		mvwaddstr(w, 0, x, num);
		free_x = x + (int)strlen(num) + 1;
	}
	wattrset(w, t->theme.attr[LOOK_DIM]);
	if (t->left_thread > 1)
		mvwaddstr(w, 0, g->cells_x - 2, t->theme.utf8 ? "‹" : "<");
	wattrset(w, A_NORMAL);
}

/* One process row at window row y. */
static void
row_draw(const struct tui *t, const struct geom *g, int y, unsigned i)
{
	const struct model_proc *p = model_proc(t->shown, i);
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	const char *word;
	enum look l = theme_proc_look(t->shown, i, &word);
	char buf[64];
	unsigned j;

	snprintf(buf, sizeof(buf), "Process-%u", i);
	wattrset(w, i == t->sel.proc ? th->attr[LOOK_TITLE] : A_NORMAL);
	mvwaddstr(w, y, 2, buf);
	if (i == t->sel.proc)
		theme_reverse(w, y, 2, (int)strlen(buf));
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
		    t->left_thread + j);
		if (g->tall > 1)
			cell_lower(t, g, y + 1, g->cells_x + (int)j * g->step,
			    i, t->left_thread + j);
	}
	if (t->left_thread + g->ncols <= t->shown->nthread) {
		wattrset(w, th->attr[LOOK_DIM]);
		mvwaddstr(w, y, getmaxx(w) - 1, th->utf8 ? "›" : ">");
		wattrset(w, A_NORMAL);
	} else if (tui_place_was(t, i, buf, sizeof(buf))) {
		/* After R: where it finished the run before. */
		wattrset(w, th->attr[LOOK_KEY]);
		wmove(w, y, g->cells_x + (int)g->ncols * g->step + 1);
		theme_put(w, buf);
		wattrset(w, A_NORMAL);
	}
}

void
grid_scroll(struct tui *t)
{
	struct geom g;

	if (t->lay.body == NULL)
		return;
	geometry(t, &g);
	follow(t, &g);
}

unsigned
grid_page(const struct tui *t)
{
	struct geom g;

	if (t->lay.body == NULL)
		return 1;
	geometry(t, &g);
	return g.nrows;
}

void
grid_shown(const struct tui *t, unsigned *rows, unsigned *cols)
{
	struct geom g;

	*rows = *cols = 0;
	if (t->lay.body == NULL)
		return;
	geometry(t, &g);
	*rows = g.nrows;
	*cols = g.ncols;
}

void
grid_draw(const struct tui *t)
{
	const struct theme *th = &t->theme;
	WINDOW *w = t->lay.body;
	struct geom g;
	unsigned r, i;

	geometry(t, &g);
	werase(w);
	head_draw(t, &g);
	for (r = 0; r < g.nrows && t->top_proc + r <= t->shown->nproc; r++)
		row_draw(t, &g, 1 + (int)r * g.pitch, t->top_proc + r);
	/* The legend on the last line, if the rows leave it and a blank
	   line above it. */
	if (1 + (int)r * g.pitch + 1 < getmaxy(w) &&
	    t->top_proc + r > t->shown->nproc)
		theme_legend(w, th, getmaxy(w) - 1, 2);
	wattrset(w, th->attr[LOOK_DIM]);
	if (t->top_proc > 1)
		mvwaddstr(w, 1, 0, th->utf8 ? "↑" : "^");
	i = t->top_proc + g.nrows;
	if (i <= t->shown->nproc)
		mvwaddstr(w, 1 + ((int)g.nrows - 1) * g.pitch, 0,
		    th->utf8 ? "↓" : "v");
	wattrset(w, A_NORMAL);
}

bool
grid_hit(const struct tui *t, int y, int x, struct selection *sel)
{
	WINDOW *w = t->lay.body;
	struct geom g;
	unsigned row, col;

	if (w == NULL || !wmouse_trafo(w, &y, &x, FALSE))
		return false;
	geometry(t, &g);
	if (y < 1 || (unsigned)(y - 1) / (unsigned)g.pitch >= g.nrows)
		return false;
	row = t->top_proc + (unsigned)(y - 1) / (unsigned)g.pitch;
	if (row > t->shown->nproc)
		return false;
	sel->proc = row;
	/* A click on the name selects the row and keeps the column. */
	if (x < g.cells_x || (x - g.cells_x) % g.step >= g.cw)
		return true;
	col = t->left_thread + (unsigned)((x - g.cells_x) / g.step);
	if (col <= t->shown->nthread && col < t->left_thread + g.ncols)
		sel->thread = col;
	return true;
}
