/*
 * lesson.c: the handlers of the lessons' keys: predict, then reveal (g,
 * the digits, Enter, Backspace, v), and the scenes (the digits).
 */
#include <stdlib.h>
#include <string.h>

#include "../../../src/scene.h"
#include "../../../src/source.h"
#include "../base/state.h"
#include "../features/step.h"
#include "act.h"
#include "lesson.h"

/* The notes of a prediction's run: while it goes, and once it ended. */
static const char run_goes[] = "the run goes: watch who finishes first";
static const char run_ended[] = "the run has ended: compare the guess "
    "with its order and each row's place";

/* The guess is in: let the held run go. */
static void
predict_go(struct tui *t)
{
	if (t->src == NULL || source_control(t->src, SOURCE_GO, 0) == -1) {
		state_note(t, "the run has ended: g predicts another");
		return;
	}
	t->predict.state = PREDICT_RUN;
	state_note(t, "%s", run_goes);
}

void
lesson_run_ended(struct tui *t)
{
	/* A note a key left since says something else: it stays. */
	if (t->predict.state == PREDICT_RUN && (t->note[0] == '\0' ||
	    strcmp(t->note, run_goes) == 0))
		state_note(t, "%s", run_ended);
}

/* g: a new run of the same counts and seed, held at its start while the
   room guesses; g again (or Enter with a full guess) lets it go. */
unsigned
lesson_predict(struct tui *t, int arg)
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
	if (act_start(t, &t->opt.run) == REACT_NONE)
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
lesson_unguess(struct tui *t, int arg)
{
	(void)arg;
	if (t->predict.state == PREDICT_GUESS && t->predict.n > 0)
		t->predict.n--;
	return REACT_NONE;
}

/* v: while predicting, the cells show each thread's planned sleep (or
   stop showing it); else it says what it is for, and changes nothing. */
unsigned
lesson_plans(struct tui *t, int arg)
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
	if (act_start(t, &next) == REACT_NONE)
		return REACT_NONE;
	t->scene = n;
	state_note(t, "scene %u: %s", n, scene_get(n)->title);
	/* A scene sets its own hold: the zombies' scene holds reaping from
	   its run's first pump, every other lets it go -- a hold left from
	   scene 10 would keep the next scene from ever finishing. */
	t->reap_held = scene_get(n)->zombies;
	return REACT_RERUN;
}

/* A digit: scene n -- or, while guessing, process n into the guess; in
   step mode, process n's next thread makes a move. */
unsigned
lesson_digit(struct tui *t, int n)
{
	if (t->predict.state == PREDICT_GUESS) {
		guess(t, (unsigned)n);
		return REACT_NONE;
	}
	if (step_keys(t))
		return step_process(t, (unsigned)n);
	return load_scene(t, (unsigned)n);
}

/* Enter: while guessing, the selected process goes into the guess, or
   the run starts once it is in it or the guess is whole; in step mode
   the selected thread makes a move; else what the view does with it. */
unsigned
lesson_enter(struct tui *t, int arg)
{
	(void)arg;
	if (t->predict.state != PREDICT_GUESS && step_keys(t))
		return step_thread(t, t->sel.proc, t->sel.thread);
	if (t->predict.state != PREDICT_GUESS)
		return t->view->enter(t);
	if (t->predict.n >= t->live.nproc || !guess(t, t->sel.proc))
		predict_go(t);
	return REACT_NONE;
}
