/*
 * keys.c: the keys of the screen, from one table that maps each key to an
 * action and generates both the footer and the help overlay, so the three
 * can never disagree.  A key only names an action: the loop (tui.c) alone
 * carries actions out, so this file calls nothing of the screen's.
 *
 * `k` kills (DESIGN.md section 5), so of vi's hjkl only h, j and l move;
 * up is the arrow or `u`.  Ctrl-C arrives as a key (the terminal is in raw
 * mode, so it never sends SIGINT to the children, which share its process
 * group) and quits exactly as `q` does.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/scene.h"
#include "state.h"
#include "keys.h"

#define CTRL(c)		((c) & 0x1f)
#define MAX_KEYS	12

struct binding {
	int		 keys[MAX_KEYS];	/* 0 ends the list */
	enum action	 act[MAX_KEYS];		/* each key's action, or
						   act[0] for them all */
	const char	*name;			/* as shown */
	const char	*label;			/* in the footer; NULL: not */
	const char	*help;
	bool		 time;			/* a key of time travel */
	bool		 live;			/* acts on the processes or
						   the counts: not in the
						   footer of a replay */
};

/* The footer shows these in this order, as many as fit: quit and help
   first, so that they show on the narrowest screen. */
static const struct binding bindings[] = {
	{ { 'q', 'Q', CTRL('c') }, { ACT_QUIT }, "q", "quit",
	  "quit (also Ctrl-C): kill and reap the children", false, false },
	{ { '?' }, { ACT_HELP }, "?", "help",
	  "show this help; any key closes it", false, false },
	{ { 't', '\t' }, { ACT_VIEW }, "t", "timeline",
	  "switch between the grid and the timeline (also Tab)", false, false },
	{ { 'r' }, { ACT_RERUN_NEW }, "r", "new seed",
	  "rerun with a new seed", false, false },
	{ { 'R' }, { ACT_RERUN }, "R", "same seed",
	  "rerun with the same seed", false, false },
	{ { '+', '=', '-' }, { ACT_THREAD_MORE, ACT_THREAD_MORE,
	  ACT_THREAD_LESS }, "+ -", "threads",
	  "one thread more / fewer per process (reruns, same seed)", false,
	  true },
	{ { '>', '<' }, { ACT_PROC_MORE, ACT_PROC_LESS }, "> <",
	  "processes", "one process more / fewer (reruns, same seed)", false,
	  true },
	{ { ']', '[' }, { ACT_SLEEP_MORE, ACT_SLEEP_LESS }, "] [", "sleep",
	  "longer / shorter longest sleep (reruns, same seed)", false,
	  true },
	{ { 'W' }, { ACT_WORK }, "W", "work",
	  "next workload: sleep, cpu, mutex, global-mutex, semaphore, "
	  "barrier, deadlock (reruns, same seed)", false, true },
	{ { ' ' }, { ACT_PAUSE }, "space", "pause",
	  "pause / resume every child (SIGSTOP / SIGCONT)", false,
	  true },
	{ { 'k' }, { ACT_KILL }, "k", "kill",
	  "kill the selected cell's process (SIGKILL)", false,
	  true },
	{ { '1', '2', '3', '4', '5', '6', '7', '8', '9', '0' },
	  { ACT_SCENE1, ACT_SCENE2, ACT_SCENE3, ACT_SCENE4, ACT_SCENE5,
	    ACT_SCENE6, ACT_SCENE7, ACT_SCENE8, ACT_SCENE9, ACT_SCENE10 },
	  "1-9 0", "scene",
	  "load a ready scene of a lesson, with its caption (ptviz --scenes "
	  "lists them)", false, false },
	{ { 'g' }, { ACT_PREDICT }, "g", "predict",
	  "predict: the run waits at its start while the room guesses the "
	  "order (digits or Enter); Enter or g starts it", false, true },
	{ { 'v', KEY_BACKSPACE, 127 }, { ACT_PLANS, ACT_UNGUESS, ACT_UNGUESS },
	  "v Bksp", NULL,
	  "predict: show / hide each thread's planned sleep; take back the "
	  "last guess", false, true },
	{ { 'm' }, { ACT_MANY }, "m", "many runs",
	  "many runs: 20 runs with this seed, then who finished where, how "
	  "often (m again stops)", false, true },
	{ { 'b' }, { ACT_BIG }, "b", "big cells",
	  "big cells: twice as wide and tall, for the back of a room",
	  false, false },
	{ { 'z' }, { ACT_HOLD_REAP }, "z", "hold reaping",
	  "hold / release reaping: a child that ends stays a zombie until "
	  "z again", false, true },
	{ { 'K' }, { ACT_KERNEL }, "K", "kernel letters",
	  "kernel letters: cells show the state /proc gives (S R T D Z)",
	  false, true },
	{ { 'w' }, { ACT_WRITE }, "w", "write",
	  "write the run to ptviz-SEED-TIME.jsonl (ptviz --replay reads it)",
	  false, false },
	{ { 'e' }, { ACT_EXPORT }, "e", "export",
	  "export the run as a Chrome trace (Perfetto, speedscope)",
	  false, false },
	{ { ',', '.' }, { ACT_STEP_BACK, ACT_STEP_FWD }, ", .", "step",
	  "time: one event back / forward", true, false },
	{ { 'p' }, { ACT_PLAY }, "p", "play",
	  "time: play the run from the cursor / stop playing", true, false },
	{ { 's', 'f' }, { ACT_SLOWER, ACT_FASTER }, "s f", "speed",
	  "time: play slower / faster (x0.1 to x4)", true, false },
	{ { '{', '}' }, { ACT_START, ACT_END }, "{ }", "start end",
	  "time: jump to the start / the end of the run", true, false },
	{ { 'L' }, { ACT_LIVE }, "L", "live",
	  "time: back to live, following the run as it goes", true, false },
	{ { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, 'u', 'j', 'h', 'l',
	    KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END },
	  { ACT_UP, ACT_DOWN, ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN,
	    ACT_LEFT, ACT_RIGHT, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_FIRST,
	    ACT_LAST }, "arrows", "select",
	  "select: arrows or h j l, u up; PgUp PgDn Home End; in the "
	  "timeline left / right move the time", false, false },
	{ { '\r', '\n', KEY_ENTER }, { ACT_FOLD }, "Enter", NULL,
	  "timeline: fold / unfold the selected process", false, false },
	{ { KEY_MOUSE }, { ACT_MOUSE }, "mouse", NULL,
	  "click a cell to select it; the wheel moves up and down",
	  false, false },
	{ { CTRL('z') }, { ACT_SUSPEND }, "Ctrl-Z", NULL,
	  "suspend: the children stop with ptviz; fg resumes both",
	  false, false },
};

#define NBINDINGS	(sizeof(bindings) / sizeof(bindings[0]))

enum action
keys_action(int key)
{
	size_t i, k;

	for (i = 0; i < NBINDINGS; i++) {
		for (k = 0; k < MAX_KEYS && bindings[i].keys[k] != 0; k++) {
			if (bindings[i].keys[k] != key)
				continue;
			return bindings[i].act[k] != ACT_NONE ?
			    bindings[i].act[k] : bindings[i].act[0];
		}
	}
	return ACT_NONE;
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
			    (b->time == travel) != (pass == 0) ||
			    (b->live && t->replay != NULL))
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
	{ "concurrency", "time every thread spent busy (asleep, computing, "
	  "holding a lock) / time elapsed:" },
	{ "", "how many threads were busy at once, on average" },
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
	WINDOW *w;
	size_t i;

	for (i = 0; i < NBINDINGS; i++) {
		len = 10 + (int)strlen(bindings[i].help);
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
		theme_put(w, bindings[i].help);
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
