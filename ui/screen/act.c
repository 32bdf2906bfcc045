/*
 * act.c: the handlers of the keys: what each key does.
 *
 * keys.c's table names a handler for every key, with an argument (which
 * way, which scene); the loop (tui.c) reads the keys and calls them.  A
 * handler changes the screen's state, controls the run (pause, kill) or
 * acts through a feature, and returns what the loop must do then
 * (state.h's REACT_*): a rerun or a new layout are done once every key
 * waiting is read, so a burst of keys costs one rerun.  A key that acts
 * on the run's processes or counts is refused in a replay by the table
 * (keys.c), before its handler.  `+` and `>` stop at what this machine
 * allows (src/limits.h), saying so in the header.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/duration.h"
#include "../../src/limits.h"
#include "../../src/scene.h"
#include "../../src/source.h"
#include "features/files.h"
#include "features/kernel.h"
#include "features/many.h"
#include "features/travel.h"
#include "views/grid.h"
#include "views/timeline.h"
#include "state.h"
#include "act.h"

/* Longest sleeps that ] and [ step through, in milliseconds. */
static const uint32_t sleep_ladder_ms[] = {
	0, 100, 250, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000,
	60000, 120000, 300000, 600000, 1800000, 3600000,
};

/* Could a live run of c start now?  Every key that starts one asks this
   first, so that a run this machine cannot hold is refused as the command
   line refuses it -- the same words, in the header -- and the screen stays
   as it was.  (source_live() asks it again, for every run.) */
static bool
fits(struct tui *t, const struct run_config *c)
{
	char why[sizeof(t->note)];

	if (limits_run_fits(c->nproc, c->nthread, why, sizeof(why)))
		return true;
	state_note(t, "%s", why);
	return false;
}

/* The one way a key starts a run: the run on screen is to be replaced by
   a live run of next, if it fits -- REACT_RERUN, done once the keys
   waiting have been read (the last counts win).  A replay's rerun runs
   the recording's counts and seed live.  REACT_NONE, with a note, if
   refused. */
static unsigned
rerun(struct tui *t, const struct run_config *next)
{
	if (!fits(t, next))
		return REACT_NONE;
	t->opt.run = *next;
	t->batch.on = t->batch.table = false;
	t->predict.state = PREDICT_OFF;
	t->opt.run.held = false;
	t->compare = false;
	t->replay = NULL;
	return REACT_RERUN;
}

/* Would next fit this machine now?  The run going is ended before the
   next starts, so its tasks do not count.  If not, say in the header the
   most it allows of the count that grew -- or, when even the run on
   screen would not fit now, why next does not. */
static bool
room_for(struct tui *t, const struct run_config *next, bool procs)
{
	struct limits_sample s;
	struct limits l;
	char msg[sizeof(t->note)];
	unsigned most;

	limits_sample(&s);
	if (limits_fit(&s, next->nproc, next->nthread, &l))
		return true;
	most = procs ? limits_most_procs(&s, next->nthread, OPT_MAX_PROCS,
	    &l) : limits_most_threads(&s, next->nproc, OPT_MAX_THREADS, &l);
	if (most >= (procs ? t->opt.run.nproc : t->opt.run.nthread))
		limits_most_note(msg, sizeof(msg), &l, most, procs);
	else if (!limits_fit(&s, next->nproc, next->nthread, &l))
		limits_refusal(msg, sizeof(msg), &l, next->nproc,
		    next->nthread);
	state_note(t, "%s", msg);
	return false;
}

/* Change the processes (procs) or the threads per process by one, within
   1..max and what this machine allows (src/limits.h), and rerun; say so if
   it cannot. */
static unsigned
step_count(struct tui *t, bool procs, int by)
{
	struct run_config next = t->opt.run, *c = &next;
	unsigned *count = procs ? &c->nproc : &c->nthread;
	unsigned max = procs ? OPT_MAX_PROCS : OPT_MAX_THREADS;

	if ((by < 0 && *count <= 1) || (by > 0 && *count >= max)) {
		state_note(t, "%u %s is the %s", *count, procs ?
		    (*count == 1 ? "process" : "processes") :
		    (*count == 1 ? "thread per process" :
		    "threads per process"), by < 0 ? "least" : "most");
		return REACT_NONE;
	}
	if (!procs && by < 0 && *count <= work_min_threads(c->work)) {
		state_note(t, "%s needs %u threads per process",
		    work_name(c->work), work_min_threads(c->work));
		return REACT_NONE;
	}
	*count = by < 0 ? *count - 1 : *count + 1;
	if (by > 0 && !room_for(t, &next, procs))
		return REACT_NONE;
	return rerun(t, &next);
}

/* + -: one thread more or fewer per process. */
unsigned
act_threads(struct tui *t, int by)
{
	return step_count(t, false, by);
}

/* > <: one process more or fewer. */
unsigned
act_procs(struct tui *t, int by)
{
	return step_count(t, true, by);
}

/* ] [: one step of the longest sleep along the ladder, and rerun. */
unsigned
act_sleep(struct tui *t, int by)
{
	struct run_config next = t->opt.run;
	uint64_t cur = t->opt.run.sleep_ns, ns;
	size_t i, n = sizeof(sleep_ladder_ms) / sizeof(sleep_ladder_ms[0]);

	for (i = 0; i < n; i++) {
		ns = sleep_ladder_ms[by > 0 ? i : n - 1 - i] * 1000000ull;
		if (by > 0 ? ns > cur : ns < cur) {
			next.sleep_ns = ns;
			return rerun(t, &next);
		}
	}
	state_note(t, "the sleep is already the %s", by > 0 ? "longest" :
	    "shortest");
	return REACT_NONE;
}

/* W: the next workload, and rerun; one that needs more threads than a
   process has is passed over, with a note. */
unsigned
act_work(struct tui *t, int arg)
{
	struct run_config next = t->opt.run;
	enum work w = (enum work)((next.work + 1) % WORK_COUNT);

	(void)arg;
	if (next.nthread < work_min_threads(w)) {
		state_note(t, "%s needs %u threads per process (+ adds one): "
		    "passed over", work_name(w), work_min_threads(w));
		w = (enum work)((w + 1) % WORK_COUNT);
	}
	next.work = w;
	return rerun(t, &next);
}

/* r: the same counts with a new seed. */
unsigned
act_rerun_new(struct tui *t, int arg)
{
	struct run_config next = t->opt.run;

	(void)arg;
	next.seed = duration_random_seed();
	return rerun(t, &next);
}

/* R: the same counts and seed, to compare with the run before. */
unsigned
act_rerun(struct tui *t, int arg)
{
	unsigned r = rerun(t, &t->opt.run);

	(void)arg;
	if (r & REACT_RERUN)
		t->compare = true;
	return r;
}

/* The guess is in: let the held run go. */
static void
predict_go(struct tui *t)
{
	if (t->src == NULL || source_control(t->src, SOURCE_GO, 0) == -1) {
		state_note(t, "the run has ended: g predicts another");
		return;
	}
	t->predict.state = PREDICT_RUN;
	state_note(t, "the run goes: watch who finishes first");
}

/* g: a new run of the same counts and seed, held at its start while the
   room guesses; g again (or Enter with a full guess) lets it go. */
unsigned
act_predict(struct tui *t, int arg)
{
	unsigned *g;

	(void)arg;
	if (t->predict.state == PREDICT_GUESS) {
		predict_go(t);
		return REACT_NONE;
	}
	if ((g = reallocarray(t->predict.guess, t->opt.run.nproc,
	    sizeof(*g))) == NULL) {
		state_note(t, "no memory for a guess");
		return REACT_NONE;
	}
	t->predict.guess = g;
	if (rerun(t, &t->opt.run) == REACT_NONE)
		return REACT_NONE;
	t->predict = (struct predict){ PREDICT_GUESS, g, 0,
	    t->predict.plans };
	t->opt.run.held = true;
	return REACT_RERUN | REACT_LAYOUT;
}

/* Add process i to the guess, unless it is in it; true if added. */
static bool
guess(struct tui *t, unsigned i)
{
	unsigned k;

	if (i < 1 || i > t->live.nproc)
		return false;
	for (k = 0; k < t->predict.n; k++)
		if (t->predict.guess[k] == i)
			return false;
	t->predict.guess[t->predict.n++] = i;
	return true;
}

/* Backspace: take back the last guess. */
unsigned
act_unguess(struct tui *t, int arg)
{
	(void)arg;
	if (t->predict.state == PREDICT_GUESS && t->predict.n > 0)
		t->predict.n--;
	return REACT_NONE;
}

/* v: while predicting, the cells show each thread's planned sleep (or
   stop showing it); else it says what it is for, and changes nothing. */
unsigned
act_plans(struct tui *t, int arg)
{
	(void)arg;
	if (t->predict.state == PREDICT_OFF) {
		state_note(t, "v shows the planned sleeps while predicting: g "
		    "first");
		return REACT_NONE;
	}
	t->predict.plans = !t->predict.plans;
	state_note(t, t->predict.plans ? "the cells show the planned sleeps "
	    "(v hides them)" : "the planned sleeps hidden");
	return REACT_NONE;
}

/* Load scene n and run it; say so if there is none. */
static unsigned
load_scene(struct tui *t, unsigned n)
{
	struct run_config next = t->opt.run;

	if (!scene_config(n, &next)) {
		state_note(t, "there is no scene %u: ptviz --scenes lists them",
		    n);
		return REACT_NONE;
	}
	if (rerun(t, &next) == REACT_NONE)
		return REACT_NONE;
	t->scene = n;
	state_note(t, "scene %u: %s", n, scene_get(n)->title);
	/* The zombies' scene: the new run is held from its first pump. */
	if (scene_get(n)->zombies)
		t->reap_held = true;
	return REACT_RERUN;
}

/* A digit: scene n -- or, while guessing, process n into the guess. */
unsigned
act_digit(struct tui *t, int n)
{
	if (t->predict.state == PREDICT_GUESS) {
		guess(t, (unsigned)n);
		return REACT_NONE;
	}
	return load_scene(t, (unsigned)n);
}

/* Enter: while guessing, the selected process goes into the guess, or
   the run starts once it is in it or the guess is whole; else what the
   view does with it. */
unsigned
act_enter(struct tui *t, int arg)
{
	(void)arg;
	if (t->predict.state != PREDICT_GUESS)
		return t->view->enter(t);
	if (t->predict.n >= t->live.nproc || !guess(t, t->sel.proc))
		predict_go(t);
	return REACT_NONE;
}

/* Space: pause or resume every child of the run. */
unsigned
act_pause(struct tui *t, int arg)
{
	bool pause = !model_stopped(&t->live);

	(void)arg;
	if (t->src == NULL) {
		state_note(t, "the run has ended: r or R runs again");
		return REACT_NONE;
	}
	/* The stopped or continued event reaches the model through the
	   sink, as every other does. */
	if (source_control(t->src, pause ? SOURCE_PAUSE : SOURCE_RESUME,
	    0) == -1)
		state_note(t, "no process left to %s", pause ? "pause" :
		    "resume");
	return REACT_NONE;
}

/* k: kill the selected process. */
unsigned
act_kill(struct tui *t, int arg)
{
	unsigned i = t->sel.proc;
	int pid;

	(void)arg;
	if (t->src == NULL || (pid = source_pid(t->src, i)) == 0) {
		state_note(t, "Process-%u has already ended", i);
		return REACT_NONE;
	}
	if (model_proc(&t->live, i)->state == ST_ZOMBIE) {
		state_note(t, "Process-%u has already ended: a zombie until z "
		    "releases reaping", i);
		return REACT_NONE;
	}
	if (source_control(t->src, SOURCE_KILL, i) == -1)
		state_note(t, "could not kill Process-%u", i);
	else
		state_note(t, "killed Process-%u (pid %d)", i, pid);
	return REACT_NONE;
}

/* z: hold reaping, or release it; the run on screen and the next ones. */
unsigned
act_hold_reap(struct tui *t, int arg)
{
	(void)arg;
	t->reap_held = !t->reap_held;
	/* The zombie events, and on release the reapings, come through the
	   sink at the next pump. */
	if (t->src != NULL)
		source_control(t->src, t->reap_held ? SOURCE_HOLD_REAP :
		    SOURCE_RELEASE_REAP, 0);
	if (!t->reap_held)
		state_note(t, "reaping released: the zombies are reaped");
	return REACT_NONE;
}

/* m: many runs of the counts on screen -- live runs, so they must fit --
   or stop the batch going. */
unsigned
act_many(struct tui *t, int arg)
{
	(void)arg;
	if (!t->batch.on && !fits(t, &t->opt.run))
		return REACT_NONE;
	return many_toggle(t);
}

/* K: the kernel's letters in the cells, or ptviz's glyphs again. */
unsigned
act_kernel(struct tui *t, int arg)
{
	(void)arg;
	kernel_toggle(t);
	return REACT_NONE;
}

/* w: the run to a recording; e: to a Chrome trace. */
unsigned
act_write(struct tui *t, int arg)
{
	(void)arg;
	files_write(t);
	return REACT_NONE;
}

unsigned
act_export(struct tui *t, int arg)
{
	(void)arg;
	files_export(t);
	return REACT_NONE;
}

/* b: big cells, for the back of a room. */
unsigned
act_big(struct tui *t, int arg)
{
	(void)arg;
	t->big = !t->big;
	state_note(t, t->big ? "big cells: for the back of the room (b: "
	    "back)" : "cells as usual");
	return REACT_LAYOUT;
}

/* t, Tab: the next view of the body. */
unsigned
act_view(struct tui *t, int arg)
{
	static const struct view_ops *const views[] = { &grid_view,
	    &timeline_view };
	size_t i, n = sizeof(views) / sizeof(views[0]);

	(void)arg;
	for (i = 0; i < n && views[i] != t->view; i++)
		;
	t->view = views[(i + 1) % n];
	return REACT_LAYOUT;
}

/* , .: one event back or forward. */
unsigned
act_step(struct tui *t, int by)
{
	t->play.on = false;
	travel_to(t, by < 0 ? (t->cursor > 0 ? t->cursor - 1 : 0) :
	    t->cursor + 1);
	return REACT_NONE;
}

/* { }: the start or the end of the run. */
unsigned
act_jump(struct tui *t, int to_end)
{
	t->play.on = false;
	travel_to(t, to_end ? t->hist.n : 0);
	return REACT_NONE;
}

/* L: back to live. */
unsigned
act_live(struct tui *t, int arg)
{
	(void)arg;
	travel_live(t);
	return REACT_NONE;
}

/* p: play from the moment shown, or stop playing. */
unsigned
act_play(struct tui *t, int arg)
{
	(void)arg;
	if (t->play.on)
		t->play.on = false;
	else
		travel_play(t);
	return REACT_NONE;
}

/* s f: one step of the playback speed, or say it is the last. */
unsigned
act_speed(struct tui *t, int by)
{
	if (travel_speed(t, by))
		state_note(t, "playback x%g", t->play.speed_pct / 100.0);
	else
		state_note(t, "x%g is the %s", t->play.speed_pct / 100.0,
		    by < 0 ? "slowest" : "fastest");
	return REACT_NONE;
}

/* The arrows, h j l u: as the view moves (dir: MOVE_UP ...). */
unsigned
act_move(struct tui *t, int dir)
{
	static const int dy[] = { [MOVE_UP] = -1, [MOVE_DOWN] = 1,
	    [MOVE_LEFT] = 0, [MOVE_RIGHT] = 0 };
	static const int dx[] = { [MOVE_UP] = 0, [MOVE_DOWN] = 0,
	    [MOVE_LEFT] = -1, [MOVE_RIGHT] = 1 };

	t->view->arrow(t, dy[dir], dx[dir]);
	return REACT_NONE;
}

/* PgUp PgDn: a page of the view; Home End: the first or the last cell. */
unsigned
act_page(struct tui *t, int by)
{
	t->view->page(t, by);
	return REACT_NONE;
}

unsigned
act_ends(struct tui *t, int by)
{
	state_select(t, by * (int)OPT_MAX_PROCS, by * (int)OPT_MAX_THREADS);
	return REACT_NONE;
}

/* A click selects what is under it; the wheel moves up and down. */
unsigned
act_mouse(struct tui *t, int arg)
{
	struct selection sel = t->sel;
	MEVENT ev;

	(void)arg;
	if (getmouse(&ev) != OK)
		return REACT_NONE;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		if (t->view->hit(t, ev.y, ev.x, &sel))
			t->sel = sel;
	} else if (ev.bstate & BUTTON4_PRESSED) {
		state_select(t, -1, 0);
#ifdef BUTTON5_PRESSED
	} else if (ev.bstate & BUTTON5_PRESSED) {
		state_select(t, 1, 0);
#endif
	}
	return REACT_NONE;
}

/* ?: the help, over the screen until a key. */
unsigned
act_help(struct tui *t, int arg)
{
	(void)arg;
	t->help = true;
	return REACT_NONE;
}

/* q, Ctrl-C: quit; Ctrl-Z: give the shell back. */
unsigned
act_quit(struct tui *t, int arg)
{
	(void)t;
	(void)arg;
	return REACT_QUIT;
}

unsigned
act_suspend(struct tui *t, int arg)
{
	(void)t;
	(void)arg;
	return REACT_SUSPEND;
}
