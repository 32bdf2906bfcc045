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
#include "../../../src/work.h"
#include "../base/state.h"
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
};

/* The footer shows these in this order, as many as fit: quit and help
   first, so that they show on the narrowest screen. */
static const struct binding bindings[] = {
	{ { 'q', 'Q', CTRL('c') }, { nav_quit }, { 0 }, "q", "quit",
	  "quit (also Ctrl-C): kill and reap the children", 0 },
	{ { '?' }, { nav_help }, { 0 }, "?", "help",
	  "show this help; any key closes it", 0 },
	{ { 't', '\t' }, { nav_view }, { 0 }, "t", "timeline",
	  "switch between the grid and the timeline (also Tab)", 0 },
	{ { 'r' }, { act_rerun_new }, { 0 }, "r", "new seed",
	  "rerun with a new seed", 0 },
	{ { 'R' }, { act_rerun }, { 0 }, "R", "same seed",
	  "rerun with the same seed", 0 },
	{ { '+', '=', '-' }, { act_threads }, { 1, 1, -1 }, "+ -", "threads",
	  "one thread more / fewer per process (reruns, same seed)",
	  KEY_LIVE | KEY_RUN },
	{ { '>', '<' }, { act_procs }, { 1, -1 }, "> <", "processes",
	  "one process more / fewer (reruns, same seed)",
	  KEY_LIVE | KEY_RUN },
	{ { ']', '[' }, { act_sleep }, { 1, -1 }, "] [", "sleep",
	  "longer / shorter longest sleep (reruns, same seed)",
	  KEY_LIVE | KEY_RUN },
	{ { 'W' }, { act_work }, { 0 }, "W", "work",
	  "next workload: %s (reruns, same seed)",
	  KEY_LIVE | KEY_RUN | KEY_WORKS },
	{ { ' ' }, { act_pause }, { 0 }, "space", "pause",
	  "pause / resume every child (SIGSTOP / SIGCONT)",
	  KEY_LIVE | KEY_RUN },
	{ { 'k' }, { act_kill }, { 0 }, "k", "kill",
	  "kill the selected cell's process (SIGKILL)", KEY_LIVE | KEY_RUN },
	{ { '1', '2', '3', '4', '5', '6', '7', '8', '9', '0' },
	  { lesson_digit }, { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, "1-9 0", "scene",
	  "load a ready scene of a lesson, with its caption (ptviz --scenes "
	  "lists them)", 0 },
	{ { 'g' }, { lesson_predict }, { 0 }, "g", "predict",
	  "predict: the run waits at its start while the room guesses the "
	  "order (digits or Enter); Enter or g starts it",
	  KEY_LIVE | KEY_RUN },
	{ { 'v', KEY_BACKSPACE, 127 },
	  { lesson_plans, lesson_unguess, lesson_unguess }, { 0 }, "v Bksp",
	  NULL,
	  "predict: show / hide each thread's planned sleep; take back the "
	  "last guess", KEY_LIVE },
	{ { 'm' }, { act_many }, { 0 }, "m", "many runs",
	  "many runs: 20 runs with this seed, then who finished where, how "
	  "often (m again stops)", KEY_LIVE | KEY_RUN },
	{ { 'b' }, { nav_big }, { 0 }, "b", "big cells",
	  "big cells: twice as wide and tall, for the back of a room", 0 },
	{ { 'z' }, { act_hold_reap }, { 0 }, "z", "hold reaping",
	  "hold / release reaping: a child that ends stays a zombie until "
	  "z again", KEY_LIVE | KEY_RUN },
	{ { 'K' }, { nav_kernel }, { 0 }, "K", "kernel letters",
	  "kernel letters: cells show the state /proc gives (S R T D Z)",
	  KEY_LIVE },
	{ { 'w' }, { nav_write }, { 0 }, "w", "write",
	  "write the run to ptviz-SEED-TIME.jsonl (ptviz --replay reads it)",
	  0 },
	{ { 'e' }, { nav_export }, { 0 }, "e", "export",
	  "export the run as a Chrome trace (Perfetto, speedscope)", 0 },
	{ { ',', '.' }, { nav_step }, { -1, 1 }, ", .", "step",
	  "time: one event back / forward", KEY_TIME },
	{ { 'p' }, { nav_play }, { 0 }, "p", "play",
	  "time: play the run from the cursor / stop playing", KEY_TIME },
	{ { 's', 'f' }, { nav_speed }, { -1, 1 }, "s f", "speed",
	  "time: play slower / faster (x0.1 to x4)", KEY_TIME },
	{ { '{', '}' }, { nav_jump }, { 0, 1 }, "{ }", "start end",
	  "time: jump to the start / the end of the run", KEY_TIME },
	{ { 'L' }, { nav_live }, { 0 }, "L", "live",
	  "time: back to live, following the run as it goes", KEY_TIME },
	{ { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, 'u', 'j', 'h', 'l',
	    KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END },
	  { nav_move, NULL, NULL, NULL, NULL, NULL, NULL, NULL, nav_page,
	    nav_page, nav_ends, nav_ends },
	  { MOVE_UP, MOVE_DOWN, MOVE_LEFT, MOVE_RIGHT, MOVE_UP, MOVE_DOWN,
	    MOVE_LEFT, MOVE_RIGHT, -1, 1, -1, 1 }, "arrows", "select",
	  "select: arrows or h j l, u up; PgUp PgDn Home End; in the "
	  "timeline left / right move the time", 0 },
	{ { '\r', '\n', KEY_ENTER }, { lesson_enter }, { 0 }, "Enter", NULL,
	  "timeline: fold / unfold the selected process", 0 },
	{ { KEY_MOUSE }, { nav_mouse }, { 0 }, "mouse", NULL,
	  "click a cell to select it; the wheel moves up and down", 0 },
	{ { CTRL('z') }, { nav_suspend }, { 0 }, "Ctrl-Z", NULL,
	  "suspend: the children stop with ptviz; fg resumes both", 0 },
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
	return (b->fn[k] != NULL ? b->fn[k] : b->fn[0])(t, b->arg[k]);
}

/* Add binding b to the footer at *x if it fits; false once full. */
static bool
footer_add(const struct tui *t, const struct binding *b, int *x)
{
	WINDOW *w = t->lay.footer;
	int len = (int)(strlen(b->name) + 1 + strlen(b->label));

	if (*x + len > getmaxx(w))
		return false;
	wattrset(w, t->theme.attr[LOOK_KEY]);
	mvwaddstr(w, 0, *x, b->name);
	wattrset(w, A_NORMAL);
	waddch(w, ' ');
	waddstr(w, b->label);
	*x += len + 2;
	return true;
}

void
keys_draw_footer(const struct tui *t)
{
	bool travel = state_travelling(t);
	int x = 0, pass;
	size_t i;

	werase(t->lay.footer);
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
} figures[] = {
	{ "elapsed", "time since the run started" },
	{ "done N/M", "threads finished, of all; a done cell's number is "
	  "the order it finished in" },
	{ "concurrency", "threads' busy time (asleep, computing, holding a "
	  "lock)" },
	{ "", "/ time elapsed: how many were busy at once, on average;" },
	{ "", "time spent stays counted, even a killed process's;" },
	{ "", "computing counts no more than the CPUs ptviz may use" },
	{ "busy now", "threads busy at this moment (computing: at most the "
	  "CPUs)" },
	{ "pid state", "a process's id, and where it is: forked, starting "
	  "its threads, joining them, done" },
};

#define NFIGURES	(sizeof(figures) / sizeof(figures[0]))

/* The help's last line: where a teacher finds the lesson. */
static const char lesson[] = "A lesson in steps: " SCENE_GUIDE
    " (man ptviz: Scenes)";

void
keys_draw_help(const struct tui *t)
{
	int lines = (int)(NBINDINGS + NFIGURES) + 6, cols = 0, y, x, len;
	char help[256];
	WINDOW *w;
	size_t i;

	for (i = 0; i < NBINDINGS; i++) {
		len = 10 + (int)strlen(help_of(&bindings[i], help,
		    sizeof(help)));
		cols = len > cols ? len : cols;
	}
	cols += 4;
	if (cols > COLS)
		cols = COLS;
	if (lines > LINES)
		lines = LINES;
	if ((w = newwin(lines, cols, (LINES - lines) / 2,
	    (COLS - cols) / 2)) == NULL)
		return;
	werase(w);
	box(w, 0, 0);
	wattrset(w, t->theme.attr[LOOK_TITLE]);
	mvwaddstr(w, 0, 2, " ptviz keys ");
	for (i = 0, y = 1; i < NBINDINGS && y < lines - 1; i++, y++) {
		wattrset(w, t->theme.attr[LOOK_KEY]);
		mvwaddstr(w, y, 2, bindings[i].name);
		wattrset(w, A_NORMAL);
		wmove(w, y, 12);
		theme_put(w, help_of(&bindings[i], help, sizeof(help)));
	}
	x = 2;
	if (++y < lines - 1)
		theme_legend(w, &t->theme, y, x);
	for (i = 0, y += 2; i < NFIGURES && y < lines - 1; i++, y++) {
		wattrset(w, t->theme.attr[LOOK_TITLE]);
		mvwaddstr(w, y, 2, figures[i].name);
		wattrset(w, A_NORMAL);
		wmove(w, y, 15);
		theme_put(w, figures[i].meaning);
	}
	if (y < lines - 1) {
		wattrset(w, t->theme.attr[LOOK_TITLE]);
		wmove(w, y, 2);
		theme_put(w, lesson);
	}
	wattrset(w, t->theme.attr[LOOK_DIM]);
	if (lines > 2)
		mvwaddstr(w, lines - 1, 2, " any key closes ");
	wattrset(w, A_NORMAL);
	/* Re-box the right edge that long lines may have overwritten. */
	for (y = 1; y < lines - 1; y++)
		mvwaddch(w, y, cols - 1, ACS_VLINE);
	wnoutrefresh(w);
	delwin(w);
}
