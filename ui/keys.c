/*
 * keys.c: the keys of the screen, from one table that dispatches them and
 * generates both the footer and the help overlay, so the three can never
 * disagree.
 *
 * `+` and `>` stop at what this machine allows (src/limits.h), saying so in
 * the header, as they stop at the most the command line allows.
 *
 * `k` kills (DESIGN.md section 5), so of vi's hjkl only h, j and l move;
 * up is the arrow or `u`.  Ctrl-C arrives as a key (the terminal is in raw
 * mode, so it never sends SIGINT to the children, which share its process
 * group) and quits exactly as `q` does.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "../src/duration.h"
#include "../src/limits.h"
#include "../src/spawn.h"
#include "view.h"

#define CTRL(c)		((c) & 0x1f)
#define MAX_KEYS	12

typedef void key_fn(struct tui *t, int key);

struct binding {
	int		 keys[MAX_KEYS];	/* 0 ends the list */
	const char	*name;			/* as shown */
	const char	*label;			/* in the footer; NULL: not */
	const char	*help;
	key_fn		*fn;
};

static key_fn key_quit, key_help, key_rerun, key_threads, key_procs,
    key_sleep, key_pause, key_kill, key_move, key_mouse;

/* The footer shows these in this order, as many as fit: quit and help
   first, so that they show on the narrowest screen. */
static const struct binding bindings[] = {
	{ { 'q', 'Q', CTRL('c') }, "q", "quit",
	  "quit (also Ctrl-C): kill and reap the children", key_quit },
	{ { '?' }, "?", "help",
	  "show this help; any key closes it", key_help },
	{ { 'r' }, "r", "new seed",
	  "rerun with a new seed", key_rerun },
	{ { 'R' }, "R", "same seed",
	  "rerun with the same seed", key_rerun },
	{ { '+', '=', '-' }, "+ -", "threads",
	  "one thread more / fewer per process (reruns, same seed)",
	  key_threads },
	{ { '>', '.', '<', ',' }, "> <", "processes",
	  "one process more / fewer (reruns, same seed)", key_procs },
	{ { ']', '[' }, "] [", "sleep",
	  "longer / shorter longest sleep (reruns, same seed)", key_sleep },
	{ { ' ' }, "space", "pause",
	  "pause / resume every child (SIGSTOP / SIGCONT)", key_pause },
	{ { 'k' }, "k", "kill",
	  "kill the selected cell's process (SIGKILL)", key_kill },
	{ { KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, 'u', 'j', 'h', 'l',
	    KEY_PPAGE, KEY_NPAGE, KEY_HOME, KEY_END }, "arrows", "select",
	  "select a cell: arrows or h j l, u up; PgUp PgDn Home End",
	  key_move },
	{ { KEY_MOUSE }, "mouse", NULL,
	  "click a cell to select it; the wheel moves up and down",
	  key_mouse },
};

#define NBINDINGS	(sizeof(bindings) / sizeof(bindings[0]))

/* Longest sleeps that ] and [ step through, in milliseconds. */
static const uint32_t sleep_ladder_ms[] = {
	0, 100, 250, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000,
	60000, 120000, 300000, 600000, 1800000, 3600000,
};

static void
key_quit(struct tui *t, int key)
{
	t->quit = true;
}

static void
key_help(struct tui *t, int key)
{
	t->help = true;
}

static void
key_rerun(struct tui *t, int key)
{
	if (key == 'r')
		t->opt.run.seed = duration_random_seed();
	tui_restart(t);
}

/* Would nproc x nthread fit this machine now?  The run going is ended
   before the next starts, so its tasks do not count.  If not, say in the
   header the most it allows of the count that grew. */
static bool
room_for(struct tui *t, unsigned nproc, unsigned nthread, bool procs)
{
	struct limits_sample s;
	struct limits l;
	char note[sizeof(t->note)];
	unsigned most;

	limits_sample(&s);
	if (limits_fit(&s, nproc, nthread, &l))
		return true;
	most = procs ? limits_most_procs(&s, nthread, OPT_MAX_PROCS, &l) :
	    limits_most_threads(&s, nproc, OPT_MAX_THREADS, &l);
	limits_most_note(note, sizeof(note), &l, most, procs);
	tui_note(t, "%s", note);
	return false;
}

/* Change the processes (procs) or the threads per process by one, within
   1..max and what this machine allows, and rerun; say so if it cannot. */
static void
step_count(struct tui *t, bool procs, int by)
{
	struct run_config *c = &t->opt.run;
	unsigned *count = procs ? &c->nproc : &c->nthread;
	unsigned max = procs ? OPT_MAX_PROCS : OPT_MAX_THREADS;

	if ((by < 0 && *count <= 1) || (by > 0 && *count >= max)) {
		tui_note(t, "%u %s is the %s", *count, procs ?
		    (*count == 1 ? "process" : "processes") :
		    (*count == 1 ? "thread per process" :
		    "threads per process"), by < 0 ? "least" : "most");
		return;
	}
	if (by > 0 && !room_for(t, c->nproc + procs, c->nthread + !procs,
	    procs))
		return;
	*count = by < 0 ? *count - 1 : *count + 1;
	tui_restart(t);
}

static void
key_threads(struct tui *t, int key)
{
	step_count(t, false, key == '-' ? -1 : 1);
}

static void
key_procs(struct tui *t, int key)
{
	step_count(t, true, key == '<' || key == ',' ? -1 : 1);
}

static void
key_sleep(struct tui *t, int key)
{
	uint64_t cur = t->opt.run.sleep_ns, ns;
	size_t i, n = sizeof(sleep_ladder_ms) / sizeof(sleep_ladder_ms[0]);

	for (i = 0; i < n; i++) {
		ns = key == ']' ? sleep_ladder_ms[i] * 1000000ull :
		    sleep_ladder_ms[n - 1 - i] * 1000000ull;
		if (key == ']' ? ns > cur : ns < cur) {
			t->opt.run.sleep_ns = ns;
			tui_restart(t);
			return;
		}
	}
	tui_note(t, "the sleep is already the %s", key == ']' ? "longest" :
	    "shortest");
}

static void
key_pause(struct tui *t, int key)
{
	if (t->run == NULL) {
		tui_note(t, "the run has ended: r or R runs again");
		return;
	}
	tui_pause(t, !t->paused);
}

static void
key_kill(struct tui *t, int key)
{
	int pid;

	if (t->run == NULL || (pid = run_pid(t->run, t->sel_proc)) == 0) {
		tui_note(t, "Process-%u has already ended", t->sel_proc);
		return;
	}
	if (run_signal(t->run, t->sel_proc, SIGKILL) == -1)
		tui_note(t, "could not kill Process-%u", t->sel_proc);
	else
		tui_note(t, "killed Process-%u (pid %d)", t->sel_proc, pid);
}

static void
key_move(struct tui *t, int key)
{
	int page = t->lay.grid != NULL ? getmaxy(t->lay.grid) - 1 : 1;

	switch (key) {
	case KEY_UP: case 'u':		grid_move(t, -1, 0); break;
	case KEY_DOWN: case 'j':	grid_move(t, 1, 0); break;
	case KEY_LEFT: case 'h':	grid_move(t, 0, -1); break;
	case KEY_RIGHT: case 'l':	grid_move(t, 0, 1); break;
	case KEY_PPAGE:			grid_move(t, -page, 0); break;
	case KEY_NPAGE:			grid_move(t, page, 0); break;
	case KEY_HOME:			grid_move(t, -(int)OPT_MAX_PROCS,
					    -(int)OPT_MAX_THREADS); break;
	case KEY_END:			grid_move(t, (int)OPT_MAX_PROCS,
					    (int)OPT_MAX_THREADS); break;
	}
}

static void
key_mouse(struct tui *t, int key)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		grid_click(t, ev.y, ev.x);
	else if (ev.bstate & BUTTON4_PRESSED)
		grid_move(t, -1, 0);
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		grid_move(t, 1, 0);
#endif
}

bool
keys_dispatch(struct tui *t, int key)
{
	size_t i, k;

	for (i = 0; i < NBINDINGS; i++) {
		for (k = 0; k < MAX_KEYS && bindings[i].keys[k] != 0; k++) {
			if (bindings[i].keys[k] == key) {
				bindings[i].fn(t, key);
				return true;
			}
		}
	}
	return false;
}

void
keys_draw_footer(struct tui *t)
{
	WINDOW *w = t->lay.footer;
	int x = 0, len, maxx = getmaxx(w);
	size_t i;

	werase(w);
	for (i = 0; i < NBINDINGS; i++) {
		const struct binding *b = &bindings[i];

		if (b->label == NULL)
			continue;
		len = (int)(strlen(b->name) + 1 + strlen(b->label));
		if (x + len > maxx)
			break;
		wattrset(w, t->theme.attr[LOOK_KEY]);
		mvwaddstr(w, 0, x, b->name);
		wattrset(w, A_NORMAL);
		waddch(w, ' ');
		waddstr(w, b->label);
		x += len + 2;
	}
}

void
keys_draw_help(struct tui *t)
{
	int lines = (int)NBINDINGS + 4, cols = 0, y, x, len;
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
