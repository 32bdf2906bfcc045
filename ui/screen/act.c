/*
 * act.c: carrying out what a key asked for -- the only place that does.
 *
 * keys.c names the action; the loop (tui.c) reads the keys and calls act().
 * An action changes the screen's state, controls the run (pause, kill) or
 * asks the loop for more: a rerun (t->restart) or a new layout
 * (t->relayout), which the loop does once every key waiting is read, so a
 * burst of keys costs one rerun.  `+` and `>` stop at what this machine
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

/* Pause or resume every child of the run. */
static void
pause_run(struct tui *t, bool pause)
{
	/* The stopped or continued event reaches the model through the
	   sink, as every other does. */
	if (source_control(t->src, pause ? SOURCE_PAUSE : SOURCE_RESUME,
	    0) == -1) {
		state_note(t, "no process left to %s", pause ? "pause" : "resume");
		return;
	}
	t->dirty = true;
}

/* Longest sleeps that ] and [ step through, in milliseconds. */
static const uint32_t sleep_ladder_ms[] = {
	0, 100, 250, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000,
	60000, 120000, 300000, 600000, 1800000, 3600000,
};

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

/* The one way a key starts a run: ask for the run on screen to be replaced
   by a live run of next, if it fits, once the keys waiting have been read
   (a burst of keys costs one rerun).  A replay's rerun runs the
   recording's counts and seed live.  False, with a note, if refused. */
static bool
rerun(struct tui *t, const struct run_config *next)
{
	if (!fits(t, next))
		return false;
	t->opt.run = *next;
	t->batch.on = t->batch.table = false;
	t->predict.state = PREDICT_OFF;
	t->opt.run.held = false;
	t->compare = false;
	t->replay = NULL;
	t->restart = true;
	t->dirty = true;
	return true;
}

/* r: the same counts with a new seed. */
static void
rerun_new_seed(struct tui *t)
{
	struct run_config next = t->opt.run;

	next.seed = duration_random_seed();
	rerun(t, &next);
}

/* Nothing runs behind a replay: say so for a key that acts on processes
   or changes the counts; true if this is a replay. */
static bool
recorded(struct tui *t)
{
	if (t->replay == NULL)
		return false;
	state_note(t, "this is a recording: R runs it live (same seed), r with "
	    "a new seed");
	return true;
}

/* One step of the playback speed, or say it is the last. */
static void
speed(struct tui *t, int by)
{
	if (travel_speed(t, by))
		state_note(t, "playback x%g", t->play.speed_pct / 100.0);
	else
		state_note(t, "x%g is the %s", t->play.speed_pct / 100.0,
		    by < 0 ? "slowest" : "fastest");
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
static void
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
		return;
	}
	if (!procs && by < 0 && *count <= work_min_threads(c->work)) {
		state_note(t, "%s needs %u threads per process", work_name(c->work),
		    work_min_threads(c->work));
		return;
	}
	*count = by < 0 ? *count - 1 : *count + 1;
	if (by > 0 && !room_for(t, &next, procs))
		return;
	rerun(t, &next);
}

/* One step of the longest sleep along the ladder, and rerun. */
static void
step_sleep(struct tui *t, int by)
{
	struct run_config next = t->opt.run;
	uint64_t cur = t->opt.run.sleep_ns, ns;
	size_t i, n = sizeof(sleep_ladder_ms) / sizeof(sleep_ladder_ms[0]);

	for (i = 0; i < n; i++) {
		ns = sleep_ladder_ms[by > 0 ? i : n - 1 - i] * 1000000ull;
		if (by > 0 ? ns > cur : ns < cur) {
			next.sleep_ns = ns;
			rerun(t, &next);
			return;
		}
	}
	state_note(t, "the sleep is already the %s", by > 0 ? "longest" :
	    "shortest");
}

/* The next workload, and rerun; one that needs more threads than a
   process has is passed over, with a note. */
static void
next_work(struct tui *t)
{
	struct run_config next = t->opt.run;
	enum work w = (enum work)((next.work + 1) % WORK_COUNT);

	if (next.nthread < work_min_threads(w)) {
		state_note(t, "%s needs %u threads per process (+ adds one): "
		    "passed over", work_name(w), work_min_threads(w));
		w = (enum work)((w + 1) % WORK_COUNT);
	}
	next.work = w;
	rerun(t, &next);
}

/* g: a new run of the same counts and seed, held at its start while the
   room guesses; g again (or Enter with a full guess) lets it go. */
static void
predict_start(struct tui *t)
{
	unsigned *g;

	if (t->predict.state == PREDICT_GUESS) {
		predict_go(t);
		return;
	}
	if ((g = reallocarray(t->predict.guess, t->opt.run.nproc,
	    sizeof(*g))) == NULL) {
		state_note(t, "no memory for a guess");
		return;
	}
	t->predict.guess = g;
	if (!rerun(t, &t->opt.run))
		return;
	t->predict = (struct predict){ PREDICT_GUESS, g, 0,
	    t->predict.plans };
	t->opt.run.held = true;
	t->relayout = true;
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

/* Enter while guessing: the selected process goes into the guess, or the
   run starts once it is in it or the guess is whole. */
static void
guess_enter(struct tui *t)
{
	if (t->predict.n < t->live.nproc && guess(t, t->sel.proc))
		return;
	predict_go(t);
}

/* v: while predicting, the cells show each thread's planned sleep (or
   stop showing it); else it says what it is for, and changes nothing. */
static void
plans(struct tui *t)
{
	if (t->predict.state == PREDICT_OFF) {
		state_note(t, "v shows the planned sleeps while predicting: g "
		    "first");
		return;
	}
	t->predict.plans = !t->predict.plans;
	state_note(t, t->predict.plans ? "the cells show the planned sleeps "
	    "(v hides them)" : "the planned sleeps hidden");
}

/* Load scene n and run it; say so if there is none. */
static void
load_scene(struct tui *t, unsigned n)
{
	struct run_config next = t->opt.run;

	if (!scene_config(n, &next)) {
		state_note(t, "there is no scene %u: ptviz --scenes lists them",
		    n);
		return;
	}
	if (!rerun(t, &next))
		return;
	t->scene = n;
	state_note(t, "scene %u: %s", n, scene_get(n)->title);
	/* The zombies' scene: the new run is held from its first pump. */
	if (scene_get(n)->zombies)
		t->reap_held = true;
}

/* Move the selection by dp processes and dj threads, within the run. */
static void
select_move(struct tui *t, int dp, int dj)
{
	long p = (long)t->sel.proc + dp, j = (long)t->sel.thread + dj;
	const struct model *m = &t->live;

	p = p < 1 ? 1 : p > (long)m->nproc ? (long)m->nproc : p;
	j = j < 1 ? 1 : j > (long)m->nthread ? (long)m->nthread : j;
	t->sel.proc = (unsigned)p;
	t->sel.thread = (unsigned)j;
}

/* Up or down one row of the timeline: through the threads of an unfolded
   process, from process to process when folded. */
static void
timeline_step(struct tui *t, int by)
{
	const struct model *m = &t->live;
	unsigned i = t->sel.proc;

	if (!timeline_folded(t, i) && (by > 0 ? t->sel.thread < m->nthread :
	    t->sel.thread > 1)) {
		select_move(t, 0, by);
		return;
	}
	if ((by < 0 && i == 1) || (by > 0 && i == m->nproc))
		return;
	t->sel.proc = by > 0 ? i + 1 : i - 1;
	if (!timeline_folded(t, t->sel.proc))
		t->sel.thread = by > 0 ? 1 : m->nthread;
}

/* Kill the selected process. */
static void
kill_selected(struct tui *t)
{
	unsigned i = t->sel.proc;
	int pid;

	if (t->src == NULL || (pid = source_pid(t->src, i)) == 0) {
		state_note(t, "Process-%u has already ended", i);
		return;
	}
	if (model_proc(&t->live, i)->state == ST_ZOMBIE) {
		state_note(t, "Process-%u has already ended: a zombie until z "
		    "releases reaping", i);
		return;
	}
	if (source_control(t->src, SOURCE_KILL, i) == -1)
		state_note(t, "could not kill Process-%u", i);
	else
		state_note(t, "killed Process-%u (pid %d)", i, pid);
}

/* z: hold reaping, or release it; the run on screen and the next ones. */
static void
hold_reaping(struct tui *t)
{
	t->reap_held = !t->reap_held;
	/* The zombie events, and on release the reapings, come through the
	   sink at the next pump. */
	if (t->src != NULL)
		source_control(t->src, t->reap_held ? SOURCE_HOLD_REAP :
		    SOURCE_RELEASE_REAP, 0);
	if (!t->reap_held)
		state_note(t, "reaping released: the zombies are reaped");
}

/* A click or the wheel. */
static void
mouse(struct tui *t)
{
	struct selection sel = t->sel;
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
		if (t->view == VIEW_TIMELINE ? timeline_hit(t, ev.y, ev.x,
		    &sel) : grid_hit(t, ev.y, ev.x, &sel))
			t->sel = sel;
	} else if (ev.bstate & BUTTON4_PRESSED) {
		select_move(t, -1, 0);
#ifdef BUTTON5_PRESSED
	} else if (ev.bstate & BUTTON5_PRESSED) {
		select_move(t, 1, 0);
#endif
	}
}

/* Carry out what a key asked for: the only place that does. */
void
act(struct tui *t, enum action a)
{
	bool tl = t->view == VIEW_TIMELINE;

	switch (a) {
	case ACT_NONE:		break;
	case ACT_QUIT:		t->quit = true; break;
	case ACT_HELP:		t->help = true; break;
	case ACT_SUSPEND:	t->suspend = true; break;
	case ACT_VIEW:
		t->view = (t->view + 1) % VIEW_COUNT;
		t->relayout = true;
		break;
	case ACT_RERUN_NEW:
		rerun_new_seed(t);
		break;
	case ACT_RERUN:
		if (rerun(t, &t->opt.run))
			t->compare = true;
		break;
	case ACT_THREAD_MORE:
	case ACT_THREAD_LESS:
		if (!recorded(t))
			step_count(t, false, a == ACT_THREAD_MORE ? 1 : -1);
		break;
	case ACT_PROC_MORE:
	case ACT_PROC_LESS:
		if (!recorded(t))
			step_count(t, true, a == ACT_PROC_MORE ? 1 : -1);
		break;
	case ACT_SLEEP_MORE:
	case ACT_SLEEP_LESS:
		if (!recorded(t))
			step_sleep(t, a == ACT_SLEEP_MORE ? 1 : -1);
		break;
	case ACT_WORK:
		if (!recorded(t))
			next_work(t);
		break;
	case ACT_PREDICT:
		if (!recorded(t))
			predict_start(t);
		break;
	case ACT_UNGUESS:
		if (t->predict.state == PREDICT_GUESS && t->predict.n > 0)
			t->predict.n--;
		break;
	case ACT_PLANS:
		plans(t);
		break;
	case ACT_BIG:
		t->big = !t->big;
		t->relayout = true;
		state_note(t, t->big ? "big cells: for the back of the room (b: "
		    "back)" : "cells as usual");
		break;
	case ACT_SCENE1: case ACT_SCENE2: case ACT_SCENE3: case ACT_SCENE4:
	case ACT_SCENE5: case ACT_SCENE6: case ACT_SCENE7: case ACT_SCENE8:
	case ACT_SCENE9: case ACT_SCENE10:
		/* While guessing, a digit names a process. */
		if (t->predict.state == PREDICT_GUESS)
			guess(t, (unsigned)(a - ACT_SCENE1) + 1);
		else
			load_scene(t, (unsigned)(a - ACT_SCENE1) + 1);
		break;
	case ACT_PAUSE:
		if (recorded(t))
			break;
		if (t->src == NULL)
			state_note(t, "the run has ended: r or R runs again");
		else
			pause_run(t, !model_stopped(&t->live));
		break;
	case ACT_KILL:
		if (!recorded(t))
			kill_selected(t);
		break;
	case ACT_WRITE:		files_write(t); break;
	case ACT_EXPORT:	files_export(t); break;
	case ACT_STEP_BACK:
		t->play.on = false;
		travel_to(t, t->cursor > 0 ? t->cursor - 1 : 0);
		break;
	case ACT_STEP_FWD:
		t->play.on = false;
		travel_to(t, t->cursor + 1);
		break;
	case ACT_START:		t->play.on = false; travel_to(t, 0); break;
	case ACT_END:		t->play.on = false; travel_to(t, t->hist.n); break;
	case ACT_LIVE:		travel_live(t); break;
	case ACT_PLAY:
		if (t->play.on)
			t->play.on = false;
		else
			travel_play(t);
		break;
	case ACT_SLOWER:
	case ACT_FASTER:
		speed(t, a == ACT_FASTER ? 1 : -1);
		break;
	case ACT_UP:
		if (tl)
			timeline_step(t, -1);
		else
			select_move(t, -1, 0);
		break;
	case ACT_DOWN:
		if (tl)
			timeline_step(t, 1);
		else
			select_move(t, 1, 0);
		break;
	case ACT_LEFT:
		if (tl)
			travel_step(t, -1, timeline_col_ns(t));
		else
			select_move(t, 0, -1);
		break;
	case ACT_RIGHT:
		if (tl)
			travel_step(t, 1, timeline_col_ns(t));
		else
			select_move(t, 0, 1);
		break;
	case ACT_PAGE_UP:	select_move(t, -(int)grid_page(t), 0); break;
	case ACT_PAGE_DOWN:	select_move(t, (int)grid_page(t), 0); break;
	case ACT_FIRST:
		select_move(t, -(int)OPT_MAX_PROCS, -(int)OPT_MAX_THREADS);
		break;
	case ACT_LAST:
		select_move(t, (int)OPT_MAX_PROCS, (int)OPT_MAX_THREADS);
		break;
	case ACT_FOLD:
		if (t->predict.state == PREDICT_GUESS) {
			guess_enter(t);
			break;
		}
		if (!tl)
			break;
		t->fold[t->sel.proc - 1] = timeline_folded(t, t->sel.proc) ?
		    FOLD_OPEN : FOLD_FOLDED;
		t->relayout = true;
		break;
	case ACT_MOUSE:		mouse(t); break;
	case ACT_KERNEL:	kernel_toggle(t); break;
	case ACT_MANY:
		/* A batch's runs are live runs of the counts on screen. */
		if (!recorded(t) && (t->batch.on || fits(t, &t->opt.run)))
			many_toggle(t);
		break;
	case ACT_HOLD_REAP:
		if (!recorded(t))
			hold_reaping(t);
		break;
	}
	t->dirty = true;
}

