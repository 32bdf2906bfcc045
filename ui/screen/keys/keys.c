/*
 * keys.c: the keys of the screen, from one table that binds each key to
 * its handler (act.c) and generates both the footer and the help overlay,
 * so the three can never disagree.  A row is a line of the help: its keys,
 * each key's handler and argument, its name, its label in the footer and
 * where it applies.  The loop (tui.c) hands each key to keys_do() and does
 * what the handler's reaction asks.
 *
 * `k` kills (DESIGN.md section 5), so of vi's hjkl only h, j and l move;
 * up is the arrow or `u`.  Ctrl-C arrives as a key (the terminal is in raw
 * mode, so it never sends SIGINT to the children, which share its process
 * group) and quits exactly as `q` does.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/scene.h"
#include "../../../src/words.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/typing.h"
#include "act.h"
#include "lesson.h"
#include "nav.h"
#include "keys.h"

#define CTRL(c)		((c) & 0x1f)
#define MAX_KEYS	12

/* What a row of the table is, beside its keys and handler. */
enum {
	KEY_TIME	= 1 << 0,	/* a key of time travel: first in the
					   footer while travelling */
	KEY_LIVE	= 1 << 1,	/* acts on the processes or the counts:
					   not in the footer of a replay */
	KEY_RUN		= 1 << 2,	/* ... and refused in a replay, before
					   its handler, with the same words */
	KEY_WORKS	= 1 << 3,	/* its help has %s: the workloads'
					   names, from their table */
	KEY_TRACED	= 1 << 4,	/* a traced program's alone: not in
					   the built-in program's footer */
};

struct binding {
	int		 keys[MAX_KEYS];	/* 0 ends the list */
	key_handler	*fn[MAX_KEYS];		/* each key's handler, or
						   fn[0] for them all */
	int		 arg[MAX_KEYS];		/* each key's argument */
	const char	*name;			/* as shown */
	const char	*label;			/* in the footer; NULL: not */
	const char	*help;
	unsigned	 flags;			/* KEY_* */
	const char	*untraced;		/* a traced program (--
						   COMMAND): why it does not
						   apply, the note; NULL: it
						   does */
	const char	*traced_label;		/* its footer label for a
						   traced program, if other */
};

/* Why the built-in program's keys do not apply to a traced one. */
static const char not_traced[] = "does not apply to a traced program: its "
    "counts, sleeps, work and order are its own";

/* The footer shows these in this order, as many as fit: quit and help
   first, so that they show on the narrowest screen. */
static const struct binding bindings[] = {
	{ { 'q', 'Q', CTRL('c') }, { nav_quit }, { 0 }, "q", "quit",
	  "quit (also Ctrl-C): kill and reap the children", 0, NULL, NULL },
	{ { '?' }, { nav_help }, { 0 }, "?", "help",
	  "show this help; space or PgDn turns its pages, any other key "
	  "closes it", 0, NULL, NULL },
	{ { 't', '\t' }, { nav_view }, { 0 }, "t", "timeline",
	  "switch between the grid and the timeline (also Tab)",
	  0, NULL, NULL },
	{ { 'r' }, { act_rerun_new }, { 0 }, "r", "new seed",
	  "rerun with a new seed", 0, NULL, "run again" },
	{ { 'R' }, { act_rerun }, { 0 }, "R", "same seed",
	  "rerun with the same seed", 0, NULL, "" },
	{ { '+', '=', '-' }, { act_threads }, { 1, 1, -1 }, "+ -", "threads",
	  "one thread more / fewer per process (reruns, same seed)",
	  KEY_LIVE | KEY_RUN, not_traced, NULL },
	{ { '>', '<' }, { act_procs }, { 1, -1 }, "> <", "processes",
	  "one process more / fewer (reruns, same seed)",
	  KEY_LIVE | KEY_RUN, not_traced, NULL },
	{ { ']', '[' }, { act_sleep }, { 1, -1 }, "] [", "sleep",
	  "longer / shorter longest sleep (reruns, same seed)",
	  KEY_LIVE | KEY_RUN, not_traced, NULL },
	{ { 'W' }, { act_work }, { 0 }, "W", "work",
	  "next workload: %s (reruns, same seed)",
	  KEY_LIVE | KEY_RUN | KEY_WORKS, not_traced, NULL },
	{ { ' ' }, { act_pause }, { 0 }, "space", "pause",
	  "pause / resume every child (SIGSTOP / SIGCONT)",
	  KEY_LIVE | KEY_RUN, NULL, NULL },
	{ { 'k' }, { act_kill }, { 0 }, "k", "kill",
	  "kill the selected cell's process (SIGKILL)", KEY_LIVE | KEY_RUN,
	  NULL, NULL },
	{ { '1', '2', '3', '4', '5', '6', '7', '8', '9', '0' },
	  { lesson_digit }, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "1-9 0", "scene",
	  "load a ready scene of a lesson, with its caption (ptviz --scenes "
	  "lists them); in step mode, process N's next thread makes a move",
	  0, not_traced, NULL },
	{ { 'g' }, { lesson_predict }, { 0 }, "g", "predict",
	  "predict: the run waits at its start while the room guesses the "
	  "order (digits or Enter); g lets it go",
	  KEY_LIVE | KEY_RUN, not_traced, NULL },
	{ { 'S' }, { act_step }, { 0 }, "S", "step mode",
	  "step mode: each thread stops before each move until Enter (the "
	  "selected one) or a digit (a process's next) lets it make one; S "
	  "again lets every thread go", KEY_LIVE | KEY_RUN, not_traced,
	  NULL },
	{ { 'v', KEY_BACKSPACE, 127 },
	  { lesson_plans, lesson_unguess, lesson_unguess }, { 0 }, "v Bksp",
	  NULL,
	  "predict: show / hide each thread's planned sleep; take back the "
	  "last guess", KEY_LIVE, not_traced, NULL },
	{ { 'm' }, { act_many }, { 0 }, "m", "many runs",
	  "many runs: 20 runs with this seed, then who finished where, how "
	  "often (m again stops)", KEY_LIVE | KEY_RUN, not_traced, NULL },
	{ { 'b' }, { nav_big }, { 0 }, "b", "big cells",
	  "big cells: twice as wide and tall, for the back of a room", 0,
	  NULL, NULL },
	{ { 'z' }, { act_hold_reap }, { 0 }, "z", "hold reaping",
	  "hold / release reaping: a child that ends stays a zombie until "
	  "z again", KEY_LIVE | KEY_RUN, "holding the reaping of a traced "
	  "program is not built yet", NULL },
	{ { 'i' }, { act_type }, { 0 }, "i", "type",
	  "a traced program: type a line to it (Enter sends it, Esc leaves; "
	  "Ctrl-C and Ctrl-D go to it)", KEY_LIVE | KEY_TRACED, NULL, NULL },
	{ { 'K' }, { nav_kernel }, { 0 }, "K", "kernel letters",
	  "kernel letters: cells show the state /proc gives (S R T D Z)",
	  KEY_LIVE, NULL, NULL },
	{ { 'c' }, { nav_code }, { 0 }, "c", NULL,
	  "the code pane: the lines each thread runs, how many threads are "
	  "on each, the selected thread's marked", 0, NULL, NULL },
	{ { 'w' }, { nav_write }, { 0 }, "w", "write",
	  "write the run to ptviz-SEED-TIME.jsonl (ptviz --replay reads it)",
	  0, NULL, NULL },
	{ { 'e' }, { nav_export }, { 0 }, "e", "export",
	  "export the run as a Chrome trace (Perfetto, speedscope)", 0,
	  NULL, NULL },
	{ { 'd' }, { nav_picture }, { 0 }, "d", NULL,
	  "draw the moment shown to ptviz-SEED-TIME.svg and .png", 0,
	  NULL, NULL },
	{ { ',', '.' }, { nav_step }, { -1, 1 }, ", .", "step",
	  "time: one event back / forward", KEY_TIME, NULL, NULL },
	{ { 'p' }, { nav_play }, { 0 }, "p", "play",
	  "time: play the run from the cursor / stop playing",
	  KEY_TIME, NULL, NULL },
	{ { 's', 'f' }, { nav_speed }, { -1, 1 }, "s f", "speed",
	  "time: play slower / faster (x0.1 to x4)", KEY_TIME, NULL, NULL },
	{ { '{', '}' }, { nav_jump }, { 0, 1 }, "{ }", "start end",
	  "time: jump to the start / the end of the run",
	  KEY_TIME, NULL, NULL },
	{ { 'L' }, { nav_live }, { 0 }, "L", "live",
	  "time: back to live, following the run as it goes",
	  KEY_TIME, NULL, NULL },
	{ { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, 'u', 'j', 'h', 'l',
	    KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END },
	  { nav_move, NULL, NULL, NULL, NULL, NULL, NULL, NULL, nav_page,
	    nav_page, nav_ends, nav_ends },
	  { MOVE_UP, MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN,
	    MOVE_LEFT, MOVE_RIGHT, -1, 1, -1, 1 }, "arrows", "select",
	  "select: arrows or h j l, u up; PgUp PgDn Home End; in the "
	  "timeline left / right move the time", 0, NULL, NULL },
	{ { '\r', '\n', KEY_ENTER }, { lesson_enter }, { 0 }, "Enter", NULL,
	  "step mode: the selected thread makes one move; timeline: fold / "
	  "unfold the selected process", 0, NULL, NULL },
	{ { KEY_MOUSE }, { nav_mouse }, { 0 }, "mouse", NULL,
	  "click a cell to select it; the wheel moves up and down",
	  0, NULL, NULL },
	{ { CTRL('z') }, { nav_suspend }, { 0 }, "Ctrl-Z", NULL,
	  "suspend: the children stop with ptviz; fg resumes both",
	  0, NULL, NULL },
};

#define NBINDINGS	(sizeof(bindings) / sizeof(bindings[0]))

/* A row's help line, in buf: the workloads' names where it asks for
   them (KEY_WORKS). */
static const char *
help_of(const struct binding *b, char *buf, size_t len)
{
	const char *at = strstr(b->help, "%s");
	char names[160];

	if (!(b->flags & KEY_WORKS) || at == NULL)
		return b->help;
	work_names(names, sizeof(names), ", ");
	snprintf(buf, len, "%.*s%s%s", (int)(at - b->help), b->help, names,
	    at + 2);
	return buf;
}

/* The row of key, and its place in the row; NULL if none. */
static const struct binding *
find(int key, size_t *at)
{
	size_t i, k;

	for (i = 0; i < NBINDINGS; i++)
		for (k = 0; k < MAX_KEYS && bindings[i].keys[k] != 0; k++)
			if (bindings[i].keys[k] == key) {
				*at = k;
				return &bindings[i];
			}
	return NULL;
}

key_handler *
keys_handler(int key)
{
	size_t k;
	const struct binding *b = find(key, &k);

	return b == NULL ? NULL : b->fn[k] != NULL ? b->fn[k] : b->fn[0];
}

unsigned
keys_do(struct tui *t, int key)
{
	size_t k;
	const struct binding *b = find(key, &k);

	if (b == NULL)
		return REACT_NONE;
	/* Nothing runs behind a replay. */
	if ((b->flags & KEY_RUN) && t->replay != NULL) {
		state_note(t, "this is a recording: R runs it live (same "
		    "seed), r with a new seed");
		return REACT_NONE;
	}
	if (b->untraced != NULL && t->opt.command != NULL) {
		state_note(t, "%s: %s", b->name, b->untraced);
		return REACT_NONE;
	}
	return (b->fn[k] != NULL ? b->fn[k] : b->fn[0])(t, b->arg[k]);
}

/* Add binding b to the footer at *x if it fits; false once full. */
static bool
footer_add(const struct tui *t, const struct binding *b, int *x)
{
	WINDOW *w = t->lay.footer;
	const char *label = t->opt.command != NULL && b->traced_label !=
	    NULL ? b->traced_label : b->label;
	int len = (int)(strlen(b->name) + 1 + strlen(label));

	/* Not for a traced program: left out of its footer; nor a traced
	   program's key out of the built-in one's. */
	if (t->opt.command != NULL && (b->untraced != NULL || *label == '\0'))
		return true;
	if (t->opt.command == NULL && (b->flags & KEY_TRACED))
		return true;
	if (*x + len > getmaxx(w))
		return false;
	wattrset(w, t->theme.attr[LOOK_KEY]);
	mvwaddstr(w, 0, *x, b->name);
	wattrset(w, A_NORMAL);
	waddch(w, ' ');
	waddstr(w, label);
	*x += len + 2;
	return true;
}

void
keys_draw_footer(const struct tui *t)
{
	bool travel = state_travelling(t);
	char line[300];
	int x = 0, pass;
	size_t i;

	werase(t->lay.footer);
	/* A line typed to the program: it and how it ends, alone. */
	if (typing_prompt(t, line, sizeof(line)) != NULL) {
		wattrset(t->lay.footer, t->theme.attr[LOOK_KEY]);
		mvwaddstr(t->lay.footer, 0, 0, line);
		wattrset(t->lay.footer, A_NORMAL);
		waddstr(t->lay.footer, "_   Enter send  Esc leave  Ctrl-C "
		    "Ctrl-D to it");
		return;
	}
	/* Quit and help, then the keys of time first while travelling in
	   it, the run's keys first while live. */
	for (i = 0; i < 2; i++)
		footer_add(t, &bindings[i], &x);
	for (pass = 0; pass < 2; pass++) {
		for (i = 2; i < NBINDINGS; i++) {
			const struct binding *b = &bindings[i];

			/* Pass 0: the keys that matter now; 1: the rest. */
			if (b->label == NULL ||
			    (((b->flags & KEY_TIME) != 0) == travel) !=
			    (pass == 0) ||
			    ((b->flags & KEY_LIVE) && t->replay != NULL))
				continue;
			if (!footer_add(t, b, &x))
				return;
		}
	}
}

/* What each figure of the screen means, in words a student follows. */
static const struct {
	const char	*name, *meaning;
	bool		 traced;	/* a traced program's figure, not the
					   built-in program's */
} figures[] = {
	{ "elapsed", "time since the run started; a run held by g starts "
	  "when it is let go", false },
	{ "done N/M", "threads finished, of all; a done cell's number is "
	  "the order it finished in", false },
	{ "concurrency", "threads' busy time (asleep, computing, holding a "
	  "lock, making moves; not at a gate of step mode)", false },
	{ "", "/ time elapsed: how many were busy at once, on average;",
	  false },
	{ "", "time spent stays counted, even a killed process's;", false },
	{ "", "computing counts no more than the CPUs ptviz may use;",
	  false },
	{ "", "step mode: the time held at the gates (nothing could move) "
	  "is left out", false },
	{ "held", "step mode: the time every thread stood at its gate, "
	  "blocked or ended, waiting for the room", false },
	{ "busy now", "threads busy at this moment (computing: at most the "
	  "CPUs)", false },
	{ "N moves", "step mode: the moves let go by a key so far; K at "
	  "their gates: the threads that wait for one", false },
	{ "N%", "a computing thread's share of a CPU over the last "
	  "second; its glyph says whether it is on one now or waits for one",
	  false },
	{ "pid state", "a process's id, and where it is: forked, starting "
	  "its threads, joining them, done", false },
	{ "place", "a done process's place in the finishing order; after R, "
	  "where it was before", false },
	{ "elapsed", "time since the command started", true },
	{ "processes", "alive: born, not yet ended (pid state: born, or "
	  "exec once it ran another program); ended: exited, failed (a "
	  "status not 0) or killed", true },
	{ "threads", "alive and ended, of every process: each thread is "
	  "counted from its birth, however short its life", true },
	{ "exit N", "how a process ended, at the end of its row: its exit "
	  "status, or the signal that killed it", true },
	{ "cells", "what the kernel said each thread did when last sampled "
	  "(every 100 ms): shorter waits may not show", true },
};

#define NFIGURES	(sizeof(figures) / sizeof(figures[0]))

/* The help's last line: where a teacher finds the lesson. */
static const char lesson[] = "A lesson in steps: " SCENE_GUIDE
    " (man ptviz: Scenes)";

/*
 * The help as rows, each wrapped to the box: a key's line (its text goes
 * on below its name), the legend, a figure, the lesson.  What does not
 * fit the screen goes on on the next page: space or PgDn turn it.
 */
enum { HELP_KEY, HELP_BLANK, HELP_LEGEND, HELP_TLEGEND, HELP_FIGURE,
    HELP_LESSON };

#define HELP_ROWS	256
#define HELP_KEY_X	12	/* a key's text, after its name */
#define HELP_FIG_X	15	/* a figure's meaning, after its name */

struct help_row {
	uint8_t		 kind;		/* HELP_* */
	uint8_t		 of;		/* the binding, figure or legend entry */
	bool		 first;		/* the first line of its text */
	uint16_t	 off, len;	/* the line, in its text */
};

#define HELP_PAGES	32

struct help_box {
	struct help_row	 row[HELP_ROWS];
	int		 n, cols, lines, per, pages;
	int		 start[HELP_PAGES + 1];	/* each page's first row, and
						   n after the last */
};

/* Cut the rows into pages of `per`, never a key's or a figure's lines
   apart when they fit on one. */
static void
help_pages(struct help_box *hb)
{
	int r, k, y = 0;

	hb->pages = 1;
	hb->start[0] = 0;
	for (r = 0; r < hb->n; r = k) {
		for (k = r + 1; k < hb->n && !hb->row[k].first; k++)
			;
		if (y > 0 && (y + k - r > hb->per) &&
		    hb->pages < HELP_PAGES) {
			hb->start[hb->pages++] = r;
			y = 0;
		}
		y += k - r;
		/* An entry longer than a page: a page of it at a time. */
		while (y > hb->per && hb->pages < HELP_PAGES) {
			hb->start[hb->pages++] = k - (y - hb->per);
			y -= hb->per;
		}
	}
	hb->start[hb->pages] = hb->n;
}

/* The text of row r (a binding's help, a figure's meaning), in buf. */
static const char *
help_text(const struct help_row *r, char *buf, size_t len)
{
	if (r->kind == HELP_KEY)
		return help_of(&bindings[r->of], buf, len);
	if (r->kind == HELP_FIGURE)
		return figures[r->of].meaning;
	return lesson;
}

/* Add a row, if there is room for it. */
static void
help_push(struct help_box *hb, int kind, unsigned of, bool first,
    size_t off, size_t len)
{
	if (hb->n < HELP_ROWS)
		hb->row[hb->n++] = (struct help_row){ (uint8_t)kind,
		    (uint8_t)of, first, (uint16_t)off, (uint16_t)len };
}

/* Add the lines text makes, `width` wide (at least 8: a screen too small
   for the help shows none), as rows of kind (and of). */
static void
help_add(struct help_box *hb, int kind, unsigned of, const char *text,
    int width)
{
	struct words_line l[16];
	size_t n, i;

	n = words_wrap(text, width < 8 ? 8 : width, width < 8 ? 8 : width, l,
	    16);
	for (i = 0; i < n && i < 16; i++)
		help_push(hb, kind, of, i == 0, l[i].off, l[i].len);
}

/* Lay the help out for this screen -- a traced program's figures and
   legend, or the built-in program's: its rows, the box, its pages. */
static void
help_layout(struct help_box *hb, bool traced)
{
	char help[256];
	size_t i;
	int len, k;

	hb->n = 0;
	hb->cols = 0;
	for (i = 0; i < NBINDINGS; i++) {
		len = HELP_KEY_X + 2 + words_cols(help_of(&bindings[i], help,
		    sizeof(help)));
		hb->cols = len > hb->cols ? len : hb->cols;
	}
	/* Margins too thin to show what is behind would only clutter. */
	if (hb->cols > COLS || COLS - hb->cols < 16)
		hb->cols = COLS;
	/* A traced program's own keys are not the built-in program's. */
	for (i = 0; i < NBINDINGS; i++)
		if (traced || !(bindings[i].flags & KEY_TRACED))
			help_add(hb, HELP_KEY, (unsigned)i, help_of(
			    &bindings[i], help, sizeof(help)), hb->cols -
			    HELP_KEY_X - 2);
	help_push(hb, HELP_BLANK, 0, true, 0, 0);
	/* The legend: as many entries on a row as fit. */
	if (traced)
		help_push(hb, HELP_TLEGEND, 0, true, 0, 0);
	for (k = 0; k < theme_legend_count() && !traced; ) {
		help_push(hb, HELP_LEGEND, (unsigned)k, true, 0, 0);
		len = theme_legend_from(NULL, NULL, 0, 0, k, hb->cols - 4);
		k = len > k ? len : k + 1;
	}
	help_push(hb, HELP_BLANK, 0, true, 0, 0);
	for (i = 0; i < NFIGURES; i++) {
		if (figures[i].traced != traced)
			continue;
		k = hb->n;
		help_add(hb, HELP_FIGURE, (unsigned)i, figures[i].meaning,
		    hb->cols - HELP_FIG_X - 2);
		/* A figure without a name goes on the one before. */
		if (figures[i].name[0] == '\0' && k < hb->n)
			hb->row[k].first = false;
	}
	help_add(hb, HELP_LESSON, 0, lesson, hb->cols - 4);
	hb->lines = hb->n + 2 < LINES ? hb->n + 2 : LINES;
	hb->per = hb->lines > 2 ? hb->lines - 2 : 1;
	help_pages(hb);
}

/* Draw row r of the help at y of w. */
static void
help_row_draw(const struct tui *t, WINDOW *w, int y, const struct help_row *r)
{
	const struct theme *th = &t->theme;
	char buf[256];
	const char *text;
	int x = r->kind == HELP_KEY ? HELP_KEY_X : r->kind == HELP_FIGURE ?
	    HELP_FIG_X : 2;

	if (r->kind == HELP_BLANK)
		return;
	if (r->kind == HELP_LEGEND) {
		theme_legend_from(w, th, y, 2, r->of, getmaxx(w) - 4);
		return;
	}
	if (r->kind == HELP_TLEGEND) {
		theme_legend(w, th, y, 2, true);
		return;
	}
	if (r->first && r->kind != HELP_LESSON) {
		wattrset(w, th->attr[r->kind == HELP_KEY ? LOOK_KEY :
		    LOOK_TITLE]);
		mvwaddstr(w, y, 2, r->kind == HELP_KEY ? bindings[r->of].name :
		    figures[r->of].name);
	}
	wattrset(w, r->kind == HELP_LESSON ? th->attr[LOOK_TITLE] : A_NORMAL);
	text = help_text(r, buf, sizeof(buf));
	mvwaddnstr(w, y, x, text + r->off, r->len);
	wattrset(w, A_NORMAL);
}

unsigned
keys_help_key(struct tui *t, int key)
{
	struct help_box hb;

	help_layout(&hb, t->opt.command != NULL);
	if (key == ' ' || key == KEY_NPAGE) {
		if (t->help_page + 1 < (unsigned)hb.pages) {
			t->help_page++;
			return REACT_DRAW;
		}
	} else if (key == KEY_PPAGE) {
		if (t->help_page > 0)
			t->help_page--;
		return REACT_DRAW;
	}
	t->help = false;
	t->help_page = 0;
	return REACT_DRAW;
}

void
keys_draw_help(const struct tui *t)
{
	struct help_box hb;
	char foot[96];
	WINDOW *w;
	int y, page;

	help_layout(&hb, t->opt.command != NULL);
	page = (int)t->help_page < hb.pages ? (int)t->help_page : 0;
	if ((w = newwin(hb.lines, hb.cols, (LINES - hb.lines) / 2,
	    (COLS - hb.cols) / 2)) == NULL)
		return;
	werase(w);
	box(w, 0, 0);
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, 0, 2, " ptviz keys ");
	for (y = 0; y < hb.per && hb.start[page] + y < hb.start[page + 1];
	    y++)
		help_row_draw(t, w, y + 1, &hb.row[hb.start[page] + y]);
	wattrset(w, t->theme.attr[LOOK_DIM]);
	if (hb.pages > 1 && page + 1 < hb.pages)
		snprintf(foot, sizeof(foot), " page %d/%d: space or PgDn for "
		    "more, any other key closes ", page + 1, hb.pages);
	else if (hb.pages > 1)
		snprintf(foot, sizeof(foot), " page %d/%d: PgUp back, any other "
		    "key closes ", page + 1, hb.pages);
	else
		snprintf(foot, sizeof(foot), " any key closes ");
	if (hb.lines > 2 && words_cols(foot) + 4 <= hb.cols)
		mvwaddstr(w, hb.lines - 1, 2, foot);
	wattrset(w, A_NORMAL);
	wnoutrefresh(w);
	delwin(w);
}
