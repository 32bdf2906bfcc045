/*
 * picture.c: a run's timeline drawn with cairo, to SVG or PNG.
 *
 * The same walk as the screen's timeline (ui/screen/views/timeline_bars.c)
 * on a surface of pixels instead of cells: the model of the moment shown
 * (history_model_at) gives names, states, ends and ranks; one walk through
 * the events shown ends each phase where the next begins and paints it at
 * once, so memory is one slot a thread whatever the length of the run.  A
 * folded process's busy threads are counted in bins of BIN_PX pixels, each
 * thread's stretch once in a bin, and drawn as levels.  The figures are
 * laid out first (the height depends on the rows), then drawn once on the
 * surface the format asks for.  Text is cairo's own ("DejaVu Sans"): a
 * title line and labels need no shaping.  The ground is the dark of a
 * terminal, so the looks keep the contrast they were chosen for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-svg.h>

#include "event.h"
#include "history.h"
#include "model.h"
#include "model_query.h"
#include "model_traced.h"
#include "palette.h"
#include "picture.h"
#include "run.h"
#include "scene.h"
#include "tasknames.h"
#include "tasktypes.h"
#include "text.h"
#include "work.h"

#define FONT		"DejaVu Sans"
#define MARGIN		32.0
#define LABEL_W		300.0	/* names and states, left of the axis */
#define RANK_W		56.0	/* room right of the axis for a rank */
#define ROW_H		26.0	/* a thread's or an unfolded process's row */
#define FOLD_H		14.0	/* a folded process's row */
#define BAR_H		16.0
#define LINE_H		3.0	/* a wait, a process alive */
#define TEXT_PX		16.0
#define TICK_GAP_PX	96	/* pixels at least from one label to the next */
#define BIN_PX		4	/* a folded row's levels: pixels a bin */

/* How a phase of a thread is drawn, by its state: a bar, or a thin line
   (waiting); as the screen's timeline draws it.  A busy one is counted in
   a folded row's levels. */
struct phase_def {
	bool		 drawn, bar, busy;
	uint8_t		 look;		/* enum look */
};

static const struct phase_def phases[ST_COUNT] = {
	[ST_SLEEPING]	= { true, true, true, LOOK_SLEEPING },
	[ST_COMPUTING]	= { true, true, true, LOOK_COMPUTING },
	[ST_HOLDING]	= { true, true, true, LOOK_HOLDING },
	[ST_WAITING]	= { true, false, false, LOOK_WAITING },
	[ST_MOVE]	= { true, true, true, LOOK_RUNNING },
	[ST_GATE]	= { true, false, false, LOOK_HELD },
};

/* A traced thread's phases, by what the kernel said it does (ST_KSTATE's
   class), each in the look the screen gives it (palette_kclass_look()):
   on a CPU and asleep as bars, as the built-in run's computing and
   sleeping; waiting for anything -- a lock, a child, input or output, a
   signal, a call -- as a line; stopped as a bar of a pause. */
static const struct phase_def kphases[TASKSTATE_CLASSES] = {
	[TASKSTATE_CPU]		= { true, true, true, 0 },
	[TASKSTATE_SLEEP]	= { true, true, true, 0 },
	[TASKSTATE_LOCK]	= { true, false, false, 0 },
	[TASKSTATE_CHILD]	= { true, false, false, 0 },
	[TASKSTATE_IO]		= { true, false, false, 0 },
	[TASKSTATE_SIGNAL]	= { true, false, false, 0 },
	[TASKSTATE_SYSCALL]	= { true, false, false, 0 },
	[TASKSTATE_BLOCKED]	= { true, false, false, 0 },
	[TASKSTATE_STOPPED]	= { true, true, false, 0 },
};

/* A thread followed through the walk: the phase it is in. */
struct slot {
	uint8_t		 state;
	uint8_t		 what;		/* ST_KSTATE: its class */
	uint64_t	 since;
};

/* The picture being drawn: its layout and the walk's state. */
struct pic {
	cairo_t		*cr;
	const struct picture_run *r;
	struct model	 m;
	bool		 folded;
	double		 width, height;
	double		 x0, pw;	/* the axis: left edge, pixels */
	double		 y_axis, y_rows, y_legend;
	uint64_t	 t0, t_end;
	struct slot	*slots;		/* [nproc * nthread] */
	unsigned	*row;		/* [nproc + 1]: rows above process i's */
	int		*last;		/* [nproc * nthread]: a folded
					   thread's last bin counted, -1 */
	int		*bins;		/* folded: [nproc][nbins + 1] steps */
	int		 nbins;
};

/* Paint with xterm-256 colour c, at alpha a. */
static void
paint(cairo_t *cr, short c, double a)
{
	double rgb[3];

	palette_rgb(c, rgb);
	cairo_set_source_rgba(cr, rgb[0], rgb[1], rgb[2], a);
}

/* Text s at x, y (its baseline) in colour c, size px; its width. */
static double
text(cairo_t *cr, double x, double y, const char *s, short c, double px,
    bool bold)
{
	cairo_text_extents_t e;

	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL, bold ?
	    CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, px);
	paint(cr, c, 1);
	cairo_move_to(cr, x, y);
	cairo_show_text(cr, s);
	cairo_text_extents(cr, s, &e);
	return e.x_advance;
}

/* The x of time t, on the axis. */
static double
xof(const struct pic *p, uint64_t t)
{
	if (t <= p->t0)
		return p->x0;
	if (t >= p->t_end)
		return p->x0 + p->pw;
	return p->x0 + (double)(t - p->t0) / (double)(p->t_end - p->t0) *
	    p->pw;
}

/* The top of process i's row, and of its thread j's (0: its own). */
static double
row_y(const struct pic *p, unsigned i, unsigned j)
{
	if (p->folded)
		return p->y_rows + (i - 1) * FOLD_H;
	return p->y_rows + (p->row[i - 1] + j) * ROW_H;
}

/* How the phase a thread is in is drawn. */
static const struct phase_def *
phase_of(const struct slot *s)
{
	static const struct phase_def none;

	if (s->state != ST_KSTATE)
		return &phases[s->state];
	return s->what < TASKSTATE_CLASSES ? &kphases[s->what] : &none;
}

/* A box of colour c from t1 to t2 (one pixel at least), h high, centred in
   the row whose top is y and whose height is rh. */
static void
span(struct pic *p, uint64_t t1, uint64_t t2, double y, double rh,
    double h, short c)
{
	double x1 = xof(p, t1), x2 = xof(p, t2);

	if (x2 - x1 < 1)
		x2 = x1 + 1;
	paint(p->cr, c, 1);
	cairo_rectangle(p->cr, x1, y + (rh - h) / 2, x2 - x1, h);
	cairo_fill(p->cr);
}

/* A folded thread's busy stretch from t1 to t2 into process i's bins:
   each bin it touches counted once (the stretches of one thread never
   overlap, but two may meet in a bin: `last` is the last bin counted). */
static void
bins_add(struct pic *p, unsigned i, uint64_t t1, uint64_t t2, int *last)
{
	int *b = &p->bins[(size_t)(i - 1) * (size_t)(p->nbins + 1)];
	int b1 = (int)((xof(p, t1) - p->x0) / BIN_PX);
	int b2 = (int)((xof(p, t2) - p->x0) / BIN_PX);

	if (b2 >= p->nbins)
		b2 = p->nbins - 1;
	if (b1 <= *last)
		b1 = *last + 1;
	if (b1 > b2)
		return;
	b[b1]++;
	b[b2 + 1]--;
	*last = b2;
}

/* The phase of thread j of process i that ends at `end`: painted on its
   row, or counted in its process's bins when folded. */
static void
phase_end(struct pic *p, unsigned i, unsigned j, struct slot *s,
    uint64_t end, int *last, bool deadlock)
{
	const struct phase_def *d = phase_of(s);
	enum look l = deadlock ? LOOK_DEADLOCK : s->state == ST_KSTATE ?
	    palette_kclass_look(s->what) : (enum look)d->look;

	if (p->folded) {
		if (d->busy)
			bins_add(p, i, s->since, end, last);
		return;
	}
	if (d->drawn)
		span(p, s->since, end, row_y(p, i, j), ROW_H, d->bar ? BAR_H :
		    LINE_H, palette_paint(l));
}

/* The one walk through the events shown: every phase that ended. */
static void
phases_walk(struct pic *p)
{
	const struct model *m = &p->m;
	size_t k, n;

	for (k = 0; k < p->r->k; k++) {
		const struct event *ev = history_at(p->r->hist, k);

		if (ev->thread == 0 || ev->proc == 0 || ev->proc > m->nproc ||
		    ev->thread > model_proc_threads(m, ev->proc) ||
		    ev->state >= ST_COUNT)
			continue;
		n = (size_t)(ev->proc - 1) * m->nthread + (ev->thread - 1);
		phase_end(p, ev->proc, ev->thread, &p->slots[n], ev->t_ns,
		    &p->last[n], false);
		p->slots[n] = (struct slot){ ev->state, ev->what, ev->t_ns };
	}
}

/* A mark of look l at time t on the row whose top is y: done a square,
   lost a cross, the others a disc. */
static void
mark(struct pic *p, uint64_t t, double y, double rh, enum look l)
{
	double x = xof(p, t), c = y + rh / 2, r = BAR_H / 2 - 1;

	paint(p->cr, palette_paint(l), 1);
	if (l == LOOK_DONE) {
		cairo_rectangle(p->cr, x, c - r, 2 * r, 2 * r);
		cairo_fill(p->cr);
	} else if (l == LOOK_LOST || l == LOOK_FAILED) {
		cairo_set_line_width(p->cr, 3);
		cairo_move_to(p->cr, x, c - r);
		cairo_line_to(p->cr, x + 2 * r, c + r);
		cairo_move_to(p->cr, x + 2 * r, c - r);
		cairo_line_to(p->cr, x, c + r);
		cairo_stroke(p->cr);
	} else {
		cairo_arc(p->cr, x + r, c, r, 0, 6.2832);
		cairo_fill(p->cr);
	}
}

/* The name of thread j of process i: "Thread-2", or a traced thread's
   as its events named it. */
static void
thread_name(const struct pic *p, unsigned i, unsigned j, char *buf,
    size_t len)
{
	const char *n = p->m.traced && p->r->names != NULL ?
	    tasknames_get(p->r->names, i, j) : NULL;

	if (n != NULL)
		snprintf(buf, len, "%s", n);
	else
		snprintf(buf, len, "Thread-%u", j);
}

/* A thread's row after the walk: its name, a triangle where it began
   (running, as the screen's ▶), the phase going on up to its end or the
   moment, and its end's mark, with its rank if done. */
static void
thread_row(struct pic *p, unsigned i, unsigned j, struct slot *s,
    int *last)
{
	const struct model_thread *tr = model_thread(&p->m, i, j);
	/* A traced thread that ended is done: its program says no more. */
	enum look l = p->m.traced && tr->t_done != 0 ? LOOK_DONE :
	    palette_thread_look(&p->m, i, j);
	double y = row_y(p, i, j), x;
	uint64_t end = tr->t_done != 0 ? tr->t_done : p->t_end;
	char buf[32], name[TASKNAMES_MAX + 1];

	phase_end(p, i, j, s, end, last, s->state == ST_WAITING &&
	    tr->deadlocked);
	if (p->folded)
		return;
	thread_name(p, i, j, name, sizeof(name));
	text(p->cr, MARGIN + 22, y + ROW_H - 8, name, palette_of(LOOK_DIM).fg,
	    TEXT_PX - 2, false);
	if (tr->t_running != 0) {
		x = xof(p, tr->t_running);
		paint(p->cr, palette_paint(LOOK_RUNNING), 1);
		cairo_move_to(p->cr, x, y + 5);
		cairo_line_to(p->cr, x + 9, y + ROW_H / 2);
		cairo_line_to(p->cr, x, y + ROW_H - 5);
		cairo_close_path(p->cr);
		cairo_fill(p->cr);
	}
	if (tr->t_done == 0 && l != LOOK_DEADLOCK)
		return;
	mark(p, end, y, ROW_H, l);
	if (l != LOOK_DONE || tr->rank == 0)
		return;
	snprintf(buf, sizeof(buf), "%u", tr->rank);
	text(p->cr, xof(p, end) + BAR_H + 2, y + ROW_H - 8, buf,
	    palette_of(LOOK_TITLE).fg, TEXT_PX - 2, true);
}

/* A folded process's levels: in each bin, how many of its threads were
   busy, as a bar of that share of the row. */
static void
levels_row(struct pic *p, unsigned i)
{
	const int *b = &p->bins[(size_t)(i - 1) * (size_t)(p->nbins + 1)];
	double y = row_y(p, i, 0) + FOLD_H - 1, h;
	int c, n = 0;

	paint(p->cr, palette_paint(LOOK_SLEEPING), 1);
	for (c = 0; c < p->nbins; c++) {
		n += b[c];
		if (n <= 0)
			continue;
		h = (FOLD_H - 2) * n / model_proc_threads(&p->m, i);
		cairo_rectangle(p->cr, p->x0 + c * BIN_PX, y - h, BIN_PX, h);
	}
	cairo_fill(p->cr);
}

/* Process i's row: its name and state, its life as a thin line, and the
   mark of an end that was not done (and of a zombie's). */
static void
proc_row(struct pic *p, unsigned i)
{
	const struct model_proc *pr = model_proc(&p->m, i);
	const char *word;
	enum look l = palette_proc_look(&p->m, i, &word);
	double y = row_y(p, i, 0), rh = p->folded ? FOLD_H : ROW_H;
	double px = p->folded ? FOLD_H - 3 : TEXT_PX;
	char name[TASKNAMES_MAX + 32];

	snprintf(name, sizeof(name), "%s ", p->folded ? "▸" : "▾");
	text_proc_name(&p->m, p->r->names, i, name + strlen(name),
	    sizeof(name) - strlen(name));
	text(p->cr, MARGIN, y + rh - (p->folded ? 3 : 8), name,
	    palette_of(LOOK_TITLE).fg, px, !p->folded);
	text(p->cr, MARGIN + LABEL_W - 80, y + rh - (p->folded ? 3 : 8),
	    word, palette_paint(l == LOOK_DONE ? LOOK_DIM : l), px, false);
	if (pr->t_forked == 0)
		return;
	span(p, pr->t_forked, pr->reaped ? pr->t_end : p->t_end, y, rh,
	    p->folded ? 1 : LINE_H, palette_of(LOOK_DIM).fg);
	if (pr->t_zombie != 0)
		mark(p, pr->t_zombie, y, rh, LOOK_ZOMBIE);
	if (pr->reaped && l != LOOK_DONE)
		mark(p, pr->t_end, y, rh, l);
}

/* Every row, after the walk. */
static void
rows_draw(struct pic *p)
{
	unsigned i, j;
	size_t n;

	for (i = 1; i <= p->m.nproc; i++) {
		proc_row(p, i);
		for (j = 1; j <= model_proc_threads(&p->m, i); j++) {
			n = (size_t)(i - 1) * p->m.nthread + (j - 1);
			thread_row(p, i, j, &p->slots[n], &p->last[n]);
		}
		if (p->folded)
			levels_row(p, i);
	}
}

/* The spans when every child was stopped (a pause), as bands across the
   rows, up to the moment shown. */
static void
stops_draw(struct pic *p)
{
	uint64_t from = 0;
	bool open = false;
	size_t k;

	paint(p->cr, palette_paint(LOOK_STOPPED), 0.25);
	for (k = 0; k < p->r->k && p->m.stops > 0; k++) {
		const struct event *ev = history_at(p->r->hist, k);

		if (ev->state == ST_MSTOPPED && ev->proc == 0 && !open) {
			from = ev->t_ns;
			open = true;
		} else if (ev->state == ST_MCONTINUED && ev->proc == 0 &&
		    open) {
			cairo_rectangle(p->cr, xof(p, from), p->y_axis,
			    xof(p, ev->t_ns) - xof(p, from) + 1,
			    p->y_legend - p->y_axis);
			open = false;
		}
	}
	if (open)
		cairo_rectangle(p->cr, xof(p, from), p->y_axis,
		    xof(p, p->t_end) - xof(p, from) + 1,
		    p->y_legend - p->y_axis);
	cairo_fill(p->cr);
}

/* The axis: seconds at steps a reader counts in, with faint lines down
   through the rows. */
static void
axis_draw(struct pic *p)
{
	uint64_t span_ns = p->t_end - p->t0, unit, step, t;
	short dim = palette_of(LOOK_DIM).fg;
	char label[32];
	double x;

	unit = span_ns / (uint64_t)p->pw + 1;
	step = text_tick_ns(unit, TICK_GAP_PX);
	text(p->cr, MARGIN, p->y_axis - 8, "time (s)", dim, TEXT_PX, false);
	cairo_set_line_width(p->cr, 1);
	for (t = 0; t <= span_ns; t += step) {
		x = xof(p, p->t0 + t);
		text_secs((double)t, 3, true, label, sizeof(label));
		text(p->cr, x + 3, p->y_axis - 8, label, dim, TEXT_PX, false);
		paint(p->cr, dim, 0.25);
		cairo_move_to(p->cr, x + 0.5, p->y_axis - 24);
		cairo_line_to(p->cr, x + 0.5, p->y_legend - 8);
		cairo_stroke(p->cr);
	}
}

/* One entry of the legend at *x: a swatch of look l (a bar h high), a
   word; the next entry's x. */
static double
legend_item(struct pic *p, double x, enum look l, double h,
    const char *word)
{
	double y = p->y_legend + 8;

	paint(p->cr, palette_paint(l), 1);
	cairo_rectangle(p->cr, x, y + (ROW_H - h) / 2, 28, h);
	cairo_fill(p->cr);
	return x + 36 + text(p->cr, x + 36, y + ROW_H - 8, word,
	    palette_of(LOOK_TITLE).fg, TEXT_PX, false) + 28;
}

/* The legend, from the table of phases and the marks drawn: a traced
   program's by the kernel's classes, named as --json names them. */
static void
legend_draw(struct pic *p)
{
	double x = legend_item(p, MARGIN, LOOK_RUNNING, BAR_H / 2,
	    p->m.traced ? "born" : "started");
	unsigned s;

	for (s = 0; s < ST_COUNT && !p->m.traced; s++)
		/* Moves and gates only where the run has them. */
		if (phases[s].drawn && (s != ST_MOVE || (work_flags(
		    p->r->cfg->work) & WORK_ITERATIONS)) && (s != ST_GATE ||
		    p->m.gates > 0))
			x = legend_item(p, x, (enum look)phases[s].look,
			    phases[s].bar ? BAR_H : LINE_H, state_name(s));
	for (s = 0; s < TASKSTATE_CLASSES && p->m.traced; s++)
		if (kphases[s].drawn)
			x = legend_item(p, x, palette_kclass_look(s),
			    kphases[s].bar ? BAR_H : LINE_H,
			    kstate_class_name(s));
	x = legend_item(p, x, LOOK_DONE, BAR_H, p->m.traced ? "ended" :
	    "done, and its rank");
	x = legend_item(p, x, LOOK_LOST, BAR_H, "lost");
	x = legend_item(p, x, LOOK_DIM, LINE_H, "a process alive");
	/* A pause of every child: the built-in run's alone. */
	if (!p->m.traced)
		x = legend_item(p, x, LOOK_STOPPED, ROW_H, "stopped");
	if (p->folded)
		legend_item(p, x, LOOK_SLEEPING, BAR_H / 2,
		    "folded: how many busy");
}

/* A traced program's title and figures: its command line, the
   processes and threads it made and how long it ran. */
static void
traced_title(const struct pic *p, char *title, size_t tlen, char *line,
    size_t llen)
{
	const struct model *m = &p->m;
	char *const *a;
	char elapsed[32];
	unsigned i, n = 0;
	size_t at;

	at = (size_t)snprintf(title, tlen, "ptviz --");
	for (a = p->r->command; *a != NULL && at < tlen; a++)
		at += (size_t)snprintf(title + at, tlen - at, " %s", *a);
	for (i = 1; i <= m->nproc; i++)
		n += model_proc_threads(m, i);
	snprintf(line, llen, "%u processes, %u threads · %s s", m->nproc, n,
	    text_secs((double)model_elapsed(m, p->t_end), 2, false, elapsed,
	    sizeof(elapsed)));
}

/* The built-in run's title and figures: counts, sleep, workload, seed;
   threads done, elapsed, concurrency. */
static void
run_title(const struct pic *p, char *title, size_t tlen, char *line,
    size_t llen)
{
	const struct run_config *c = p->r->cfg;
	const struct model *m = &p->m;
	char secs[32], elapsed[32];

	snprintf(title, tlen, "ptviz — %u processes × %u threads — "
	    "sleep ≤ %s s — workload %s — seed %llu", c->nproc, c->nthread,
	    text_secs((double)c->sleep_ns, 3, true, secs, sizeof(secs)),
	    work_name(c->work), (unsigned long long)c->seed);
	snprintf(line, llen, "%u of %u threads done · %s s · "
	    "concurrency %.2f×", m->threads_done, m->nproc * m->nthread,
	    text_secs((double)model_elapsed(m, p->t_end), 2, false, elapsed,
	    sizeof(elapsed)), model_concurrency(m, p->t_end));
}

/* The title, the run's figures and the scene's caption. */
static void
title_draw(struct pic *p)
{
	char title[512], line[256];
	short fg = palette_of(LOOK_TITLE).fg, key = palette_of(LOOK_KEY).fg;
	double y = MARGIN + 28;

	if (p->m.traced)
		traced_title(p, title, sizeof(title), line, sizeof(line));
	else
		run_title(p, title, sizeof(title), line, sizeof(line));
	text(p->cr, MARGIN, y, title, fg, 30, true);
	text(p->cr, MARGIN, y + 34, line, palette_of(LOOK_DIM).fg, 22, false);
	if (p->r->scene == NULL)
		return;
	text(p->cr, MARGIN, y + 70, p->r->scene->watch, key, 22, true);
	text(p->cr, MARGIN, y + 100, p->r->scene->ask, key, 22, false);
}

/* The moment shown and the run's start: the axis's ends. */
static void
times(struct pic *p)
{
	const struct picture_run *r = p->r;
	uint64_t last = r->k > 0 ? history_at(r->hist, r->k - 1)->t_ns : 0;

	p->t_end = r->now != 0 ? r->now : p->m.main_state == ST_MDONE ?
	    p->m.t_main_done : last;
	p->t0 = p->m.t0 != 0 ? p->m.t0 : r->k > 0 ?
	    history_at(r->hist, 0)->t_ns : p->t_end;
	if (p->t_end <= p->t0)
		p->t_end = p->t0 + 1;
}

/* Where everything goes, once the model of the moment is known. */
static void
layout(struct pic *p)
{
	const struct model *m = &p->m;
	double top = MARGIN + 28 + 34 + (p->r->scene != NULL ? 66 : 0);
	unsigned i;

	for (i = 1; i <= m->nproc; i++)
		p->row[i] = p->row[i - 1] + 1 + model_proc_threads(m, i);
	p->folded = p->row[m->nproc] > PICTURE_ROWS;
	p->width = PICTURE_WIDTH;
	p->x0 = MARGIN + LABEL_W;
	p->pw = p->width - p->x0 - MARGIN - RANK_W;
	p->nbins = (int)(p->pw / BIN_PX) + 1;
	p->y_axis = top + 60;
	p->y_rows = p->y_axis + 4;
	p->y_legend = p->y_rows + (p->folded ? m->nproc * FOLD_H :
	    p->row[m->nproc] * ROW_H) + 12;
	p->height = p->y_legend + ROW_H + 16 + MARGIN;
}

/* Draw the whole picture on cr. */
static void
draw(struct pic *p)
{
	paint(p->cr, PALETTE_GROUND, 1);
	cairo_paint(p->cr);
	title_draw(p);
	stops_draw(p);
	axis_draw(p);
	phases_walk(p);
	rows_draw(p);
	legend_draw(p);
}

/* Draw p on a surface of format f at path; 0, or -1 with why. */
static int
surface_write(struct pic *p, const char *path, enum picture_format f,
    char *why, size_t whylen)
{
	cairo_surface_t *s = f == PICTURE_SVG ?
	    cairo_svg_surface_create(path, p->width, p->height) :
	    cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)p->width,
	    (int)p->height);
	cairo_status_t st = cairo_surface_status(s);

	/* A browser shows an SVG of pixels at the PNG's size; of points, a
	   third larger. */
	if (st == CAIRO_STATUS_SUCCESS && f == PICTURE_SVG)
		cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
	if (st == CAIRO_STATUS_SUCCESS) {
		p->cr = cairo_create(s);
		draw(p);
		st = cairo_status(p->cr);
		cairo_destroy(p->cr);
	}
	if (st == CAIRO_STATUS_SUCCESS && f == PICTURE_PNG)
		st = cairo_surface_write_to_png(s, path);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	snprintf(why, whylen, "%s", st == CAIRO_STATUS_NO_MEMORY ?
	    strerror(ENOMEM) : st == CAIRO_STATUS_WRITE_ERROR ?
	    "cannot write it" : cairo_status_to_string(st));
	errno = st == CAIRO_STATUS_NO_MEMORY ? ENOMEM : EIO;
	return -1;
}

int
picture_write(const char *path, enum picture_format f,
    const struct picture_run *r, char *why, size_t whylen)
{
	struct pic p = { .r = r };
	size_t n, i;
	int rc = -1;

	if ((r->command != NULL ? model_init_traced(&p.m) : model_init(&p.m,
	    r->cfg->nproc, r->cfg->nthread)) == -1 || (r->command == NULL &&
	    model_work(&p.m, r->cfg) == -1)) {
		model_free(&p.m);
		snprintf(why, whylen, "%s", strerror(errno));
		return -1;
	}
	busy_set_cpus(&p.m.sums, r->cfg->cpus);
	/* A traced program's model grows as it goes: its room is known at
	   the moment shown. */
	history_model_at(r->hist, r->k, &p.m);
	n = (size_t)p.m.nproc * p.m.nthread + 1;
	p.row = calloc((size_t)p.m.nproc + 1, sizeof(*p.row));
	p.slots = calloc(n, sizeof(*p.slots));
	p.last = reallocarray(NULL, n, sizeof(*p.last));
	snprintf(why, whylen, "%s", strerror(ENOMEM));
	errno = ENOMEM;
	if (p.row != NULL && p.slots != NULL && p.last != NULL) {
		for (i = 0; i < n; i++)
			p.last[i] = -1;
		times(&p);
		layout(&p);
		p.bins = p.folded ? calloc((size_t)p.m.nproc *
		    (size_t)(p.nbins + 1), sizeof(*p.bins)) : NULL;
		if (!p.folded || p.bins != NULL)
			rc = surface_write(&p, path, f, why, whylen);
	}
	free(p.row);
	free(p.slots);
	free(p.last);
	free(p.bins);
	model_free(&p.m);
	return rc;
}
