/*
 * grid.c: the process x thread grid, a view of the body.
 *
 * One row per process (name, pid, state) and one cell per thread.  The
 * width of a cell follows the terminal: wide cells show a glyph, a fill
 * growing in eighths of a column while the thread sleeps and the finishing
 * rank once done; as threads multiply the cells narrow down to the glyph
 * alone, one column each.  When rows or columns still do not fit, the grid
 * scrolls to keep the selected cell in view.  Drawing and mouse hits share
 * one geometry, computed from the window size alone (grid_geom.c).  This
 * file draws the heading, each row's name, pid and state and, after its
 * cells (grid_cell.c), the place it finished; and it is the view's ops.
 *
 * A traced program's row is its process in the tree -- indented under
 * the one it was born of -- by the name the kernel gave it ("sh → sleep"
 * once it ran another program), and ends with how it ended ("exit 3",
 * "killed by SIGKILL"); its cells are born as its threads are.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/text.h"
#include "../base/state.h"
#include "grid.h"
#include "grid_cell.h"
#include "grid_geom.h"

#define SPACED_LOG_KEEP	24	/* lines the log keeps below spaced rows */

/* The column header: labels, and thread numbers where they fit. */
static void
head_draw(const struct tui *t, const struct ggeom *g)
{
	WINDOW *w = g->w;
	unsigned j;
	int x, free_x, nw;
	char num[12];
	bool big;

	wattrset(w, t->theme.attr[LOOK_DIM]);
	mvwaddstr(w, 0, 2, "process");
	if (g->pid_x != 0)
		mvwaddstr(w, 0, g->pid_x + GGEOM_PID_W - 3, "pid");
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
	    t->scroll.left_thread + g->ncols > state_columns(t->shown))
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
place_draw(const struct tui *t, const struct ggeom *g, int y, unsigned i)
{
	WINDOW *w = g->w;
	int x = g->cells_x + (int)g->ncols * g->step + 1;
	char buf[96], *comma;
	bool moved;

	if (t->shown->traced && model_proc(t->shown, i)->reaped) {
		text_traced_end(model_proc(t->shown, i)->wstatus, buf,
		    sizeof(buf));
		moved = false;
	} else if (!state_place(t, i, buf, sizeof(buf), &moved)) {
		return;
	}
	while (theme_width(buf) > getmaxx(w) - x &&
	    (comma = strrchr(buf, ',')) != NULL)
		*comma = '\0';
	if (theme_width(buf) > getmaxx(w) - x)
		return;
	wattrset(w, moved ? t->theme.attr[LOOK_KEY] : A_NORMAL);
	mvwaddstr(w, y, x, buf);
	wattrset(w, A_NORMAL);
}

/* How deep process i is in a traced program's tree: 0 for COMMAND. */
static unsigned
depth(const struct model *m, unsigned i)
{
	unsigned d = 0;

	/* A parent is always born before its child: this ends. */
	while ((i = model_proc(m, i)->parent) != 0)
		d++;
	return d > 0 ? d - 1 : 0;
}

/* A traced process's name at the moment shown, in buf: under its parent,
   "sh → sleep" once an exec renamed it (COMMAND, whose first name is
   ptviz's own, only by the program it runs). */
static void
traced_label(const struct tui *t, unsigned i, char *buf, size_t len)
{
	const char *first = names_of(&t->names, i, 0, t->cursor, true);
	const char *now = names_of(&t->names, i, 0, t->cursor, false);
	const struct theme *th = &t->theme;
	unsigned d = depth(t->shown, i);
	bool child = model_proc(t->shown, i)->parent != 0;
	char became[48] = "";

	if (first == NULL)
		first = now = "?";
	if (i == 1)
		first = now;
	if (strcmp(first, now) != 0)
		snprintf(became, sizeof(became), " %s %s",
		    theme_sym(th, SYM_BECAME), now);
	snprintf(buf, len, "%*s%s%s%s%s", (int)(d < 6 ? 2 * d : 12), "",
	    child ? theme_sym(th, SYM_TREE) : "", child ? " " : "", first,
	    became);
}

/* The name of row i at y: "Process-2", or a traced process's. */
static void
label_draw(const struct tui *t, const struct ggeom *g, int y, unsigned i)
{
	const struct theme *th = &t->theme;
	WINDOW *w = g->w;
	char buf[96];
	size_t n;

	/* Tall cells: "Process" and its number in big digits. */
	if (t->shown->traced)
		traced_label(t, i, buf, sizeof(buf));
	else
		snprintf(buf, sizeof(buf), g->tall > 1 ? "Process" :
		    "Process-%u", i);
	/* A name deep in the tree loses its end: the column is fixed. */
	for (n = strlen(buf); n > 0 && theme_width(buf) > g->name_w; ) {
		/* The last character, all its bytes. */
		while (n > 1 && ((unsigned char)buf[n - 1] & 0xc0) == 0x80)
			n--;
		buf[--n] = '\0';
	}
	wattrset(w, i == t->sel.proc ? th->attr[LOOK_TITLE] : A_NORMAL);
	mvwaddstr(w, y, 2, buf);
	if (i == t->sel.proc)
		theme_reverse(w, y, 2, theme_width(buf));
	if (g->tall > 1 && !t->shown->traced)
		theme_big(w, th, y, 2 + 8, i);
}

/* One process row at window row y. */
static void
row_draw(const struct tui *t, const struct ggeom *g, int y, unsigned i)
{
	const struct model_proc *p = model_proc(t->shown, i);
	const struct theme *th = &t->theme;
	WINDOW *w = g->w;
	const char *word;
	enum look l = palette_proc_look(t->shown, i, &word);
	char buf[64];
	unsigned j;

	label_draw(t, g, y, i);
	if (g->pid_x != 0 && p->pid > 0) {
		wattrset(w, th->attr[LOOK_DIM]);
		snprintf(buf, sizeof(buf), "%*d", GGEOM_PID_W, p->pid);
		mvwaddstr(w, y, g->pid_x, buf);
	}
	wattrset(w, l == LOOK_DONE ? A_NORMAL : th->attr[l]);
	mvwaddstr(w, y, g->state_x, word);
	wattrset(w, A_NORMAL);
	for (j = 0; j < g->ncols; j++) {
		gcell_draw(t, g, y, g->cells_x + (int)j * g->step, i,
		    t->scroll.left_thread + j);
		if (g->tall > 1)
			gcell_lower(t, g, y + 1, g->cells_x + (int)j * g->step,
			    i, t->scroll.left_thread + j);
	}
	if (t->scroll.left_thread + g->ncols <= state_columns(t->shown)) {
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
	struct ggeom g;

	if (w == NULL)
		return;
	ggeom_make(t, w, &g);
	ggeom_follow(t, &g);
}

/* PgUp, PgDn: the process rows the grid shows at once. */
static void
grid_page(struct tui *t, WINDOW *w, int by)
{
	struct ggeom g;
	int rows = 1;

	if (w != NULL) {
		ggeom_make(t, w, &g);
		rows = (int)g.nrows;
	}
	state_select(t, by * rows, 0);
}

void
grid_shown(const struct tui *t, WINDOW *w, unsigned *rows, unsigned *cols)
{
	struct ggeom g;

	*rows = *cols = 0;
	if (w == NULL)
		return;
	ggeom_make(t, w, &g);
	*rows = g.nrows;
	*cols = g.ncols;
}

static void
grid_draw(const struct tui *t, WINDOW *w)
{
	const struct theme *th = &t->theme;
	struct ggeom g;
	unsigned r, i;

	ggeom_make(t, w, &g);
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
		theme_legend(w, th, getmaxy(w) - 1, 2,
		    t->shown->traced);
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
	struct ggeom g;
	unsigned row, col;

	if (w == NULL || !wmouse_trafo(w, &y, &x, FALSE))
		return false;
	ggeom_make(t, w, &g);
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
	if (col <= state_threads(t->shown, row) &&
	    col < t->scroll.left_thread + g.ncols)
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
