/*
 * act.c: the handlers of the keys that act on the run: rerun it, change
 * its counts, sleep or workload, pause it, kill a process, hold reaping,
 * many runs.  (lesson.c has the lessons' keys, nav.c the screen's.)
 *
 * keys.c's table names a handler for every key, with an argument (which
 * way, which scene); the loop (tui.c) reads the keys and calls them.  A
 * handler changes the screen's state, controls the run or acts through a
 * feature, and returns what the loop must do then (state.h's REACT_*): a
 * rerun or a new layout are done once every key waiting is read, so a
 * burst of keys costs one rerun.  A key that acts on the run's processes
 * or counts is refused in a replay by the table (keys.c), before its
 * handler.  Every key that starts a run goes through act_start(), which
 * asks first whether this machine can hold it; `+` and `>` stop at what
 * it allows (src/limits.h), saying so in the header.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/duration.h"
#include "../../../src/event.h"
#include "../../../src/limits.h"
#include "../../../src/scene.h"
#include "../../../src/source.h"
#include "../../../src/steps.h"
#include "../../../src/work.h"
#include "../base/state.h"
#include "../features/many.h"
#include "../features/step.h"
#include "../features/typing.h"
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

	/* The screen keeps every event: their memory too. */
	if (limits_run_fits(c->nproc, c->nthread, why, sizeof(why)) &&
	    limits_events_fit(work_run_events(c->work, c->nproc, c->nthread,
	    c->iterations), why, sizeof(why)))
		return true;
	state_note(t, "%s", why);
	return false;
}

/* The one way a key starts a run: the run on screen is to be replaced by
   a live run of next, if it fits -- REACT_RERUN, done once the keys
   waiting have been read (the last counts win).  A replay's rerun runs
   the recording's counts and seed live.  REACT_NONE, with a note, if
   refused. */
unsigned
act_start(struct tui *t, const struct run_config *next)
{
	/* Ran before ptviz, and goes on after it: not ptviz's to run. */
	if (t->opt.attach != 0) {
		state_note(t, "a program attached to cannot be run again by "
		    "ptviz (q lets it go on)");
		return REACT_NONE;
	}
	/* A traced program's counts are its own: nothing to check first. */
	if (t->opt.command == NULL && !fits(t, next))
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
	return act_start(t, &next);
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
			return act_start(t, &next);
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
	return act_start(t, &next);
}

/* r: the same counts with a new seed. */
unsigned
act_rerun_new(struct tui *t, int arg)
{
	struct run_config next = t->opt.run;

	(void)arg;
	next.seed = duration_random_seed();
	return act_start(t, &next);
}

/* R: the same counts and seed, to compare with the run before. */
unsigned
act_rerun(struct tui *t, int arg)
{
	unsigned r = act_start(t, &t->opt.run);

	(void)arg;
	if (r == REACT_NONE)
		return r;
	/* A traced program has no seed, nor places to compare: its run
	   again is all R can be. */
	if (t->opt.command != NULL)
		state_note(t, "R runs the command again, as r does: a traced "
		    "program has no seed to keep, nor an order to compare");
	else if (r & REACT_RERUN)
		t->compare = true;
	return r;
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
	/* Held at the gate, nothing goes to pause, and the clock stands. */
	if (t->live.main_state == ST_MHELD) {
		state_note(t, "the run waits at the gate: g lets it go");
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

/* S: step mode on or off, for the run on screen and the next ones; the
   code pane comes with it. */
unsigned
act_step(struct tui *t, int arg)
{
	unsigned react;

	(void)arg;
	react = step_toggle(t);
	if (!step_on(t) || t->code)
		return react;
	t->code = true;
	return react | REACT_LAYOUT;
}

/* m: many runs of the counts on screen -- live runs, so they must fit --
   or stop the batch going. */
unsigned
act_many(struct tui *t, int arg)
{
	(void)arg;
	if (!t->batch.on && (t->opt.run.steps & STEPS_ON)) {
		state_note(t, "many runs go by themselves: S leaves step mode "
		    "first");
		return REACT_NONE;
	}
	if (!t->batch.on && !fits(t, &t->opt.run))
		return REACT_NONE;
	return many_toggle(t);
}

/* i: a line typed to a traced program. */
unsigned
act_type(struct tui *t, int arg)
{
	(void)arg;
	return typing_start(t);
}
