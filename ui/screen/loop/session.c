/*
 * session.c: the run on the screen -- a live run, a traced program (ptviz
 * -- COMMAND) or a recording read as it comes -- started in place of the
 * one shown (a rerun keeps the run before to compare, R), its events into
 * the live model and the history, and its end.
 *
 * A traced program's model starts empty and grows with each birth
 * (src/model_traced.h); the timeline's folds grow with it, and the name
 * the tracer gives with each birth, exec and end is kept under its event
 * (base/names.h), since the tracer forgets a task once it has ended.  Its
 * input and output are /dev/null while the screen is up: the program
 * must not write over the screen, nor read the keys meant for ptviz.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/cpus.h"
#include "../../../src/event.h"
#include "../../../src/history.h"
#include "../../../src/model_traced.h"
#include "../../../src/ptyout.h"
#include "../../../src/source.h"
#include "../base/state.h"
#include "../features/files.h"
#include "../features/kernel.h"
#include "../features/step.h"
#include "../features/travel.h"
#include "layout.h"
#include "session.h"

/* Give up while curses is active: leave it, then say why. */
_Noreturn void
session_fatal(struct tui *t, const char *what)
{
	int saved = errno;

	endwin();
	source_free(t->src);
	fprintf(stderr, "ptviz: %s: %s\n", what, strerror(saved));
	exit(1);
}

/* Room in the timeline's folds for a traced program's processes born
   so far (a built-in run's are made at its start). */
static void
fold_room(struct tui *t, unsigned nproc)
{
	unsigned cap = t->fold_cap != 0 ? t->fold_cap : 8;
	uint8_t *fold;

	if (nproc <= t->fold_cap)
		return;
	while (cap < nproc)
		cap *= 2;
	if ((fold = realloc(t->fold, cap)) == NULL)
		session_fatal(t, "cannot hold the model");
	memset(fold + t->fold_cap, FOLD_AUTO, cap - t->fold_cap);
	t->fold = fold;
	t->fold_cap = cap;
}

/* A traced program's event ev, just kept as the history's last: the
   name of its task then (name), if it is a birth, an exec or an end. */
static void
name_told(struct tui *t, const struct event *ev, const char *name)
{
	if (ev->proc == 0 || ev->state == ST_KSTATE || name == NULL)
		return;
	if (names_add(&t->names, t->hist.n - 1, ev->proc, ev->thread,
	    name) == -1)
		session_fatal(t, "cannot keep the names of the tasks");
}

/* Each event goes to the live model and, if the model took it, to the
   history. */
static void
sink(void *ctx, const struct event *ev)
{
	struct tui *t = ctx;
	const char *name = NULL;

	if (!model_apply(&t->live, ev))
		return;
	if (history_add(&t->hist, ev) == -1)
		session_fatal(t, "cannot keep the run's history");
	if (t->live.traced) {
		fold_room(t, t->live.nproc);
		name = source_name(t->src, ev->proc, ev->thread);
		name_told(t, ev, name);
	}
	/* The recording is what --json prints: names as it gives them. */
	files_record_event(t, ev, name);
}

void
session_stop(struct tui *t)
{
	if (t->src != NULL)
		t->end_ns = source_now(t->src);
	session_output(t);
	/* Nothing reads a line typed to a program that has ended. */
	t->typing.on = false;
	source_free(t->src);
	t->src = NULL;
}

/* A recording is shown as it is read: once its first events are in, it
   plays from its start, as fast as it ran. */
static void
replay_start(struct tui *t)
{
	t->play.speed_pct = 100;
	t->play_due = true;
}

/* The events read so far: play them once there are some. */
void
session_play(struct tui *t)
{
	if (!t->play_due || t->hist.n == 0)
		return;
	t->play_due = false;
	t->wall = now_ns();
	t->live_now = source_now(t->src);
	travel_play(t);
}

/* The recording was read to its end, or refused part way: leave with its
   line then (the screen cannot hold a bad run); the reaction. */
unsigned
session_ended(struct tui *t)
{
	const char *why = source_error(t->src);

	if (why == NULL)
		return REACT_NONE;
	snprintf(t->refused, sizeof(t->refused), "%s", why);
	return REACT_QUIT;
}

/* Keep reading a recording that has more now: true if the loop must not
   sleep.  Keys are still read between pumps. */
bool
session_loading(const struct tui *t)
{
	struct pollfd p;

	return t->replay != NULL && t->src != NULL &&
	    source_arm(t->src, &p) < 0;
}

/* The models of the run about to start, empty, and the folds of its
   processes: a built-in run's shape is known now, a traced program's
   grows (fold_room()). */
static void
models_init(struct tui *t, const struct run_config *c)
{
	uint8_t *fold;

	if (t->opt.command != NULL) {
		if (model_init_traced(&t->live) == -1 ||
		    model_init_traced(&t->at) == -1)
			session_fatal(t, "cannot hold the model");
		names_clear(&t->names);
		output_clear(&t->output);
		if (t->fold_cap != 0)
			memset(t->fold, FOLD_AUTO, t->fold_cap);
		return;
	}
	if (model_init(&t->live, c->nproc, c->nthread) == -1 ||
	    model_init(&t->at, c->nproc, c->nthread) == -1 ||
	    model_work(&t->live, c) == -1 || model_work(&t->at, c) == -1 ||
	    (fold = realloc(t->fold, c->nproc)) == NULL)
		session_fatal(t, "cannot hold the model");
	t->fold = fold;
	memset(t->fold, FOLD_AUTO, c->nproc);
}

/* The source of the run to start: the recording, the traced program or
   a live run; NULL, and why in why[], if it could not start. */
static struct source *
source_start(struct tui *t, char *why, size_t whylen)
{
	if (t->replay != NULL)
		return source_recording(t->replay, sink, t);
	if (t->opt.attach != 0)
		return source_attached(t->opt.attach, sink, t, why, whylen);
	if (t->opt.command != NULL)
		return (t->opt.poll ? source_polled : source_traced)(
		    t->opt.command, TRACER_OUT_PTY, sink, t, why, whylen);
	return source_live(&t->opt.run, sink, t, why, whylen);
}

bool
session_output(struct tui *t)
{
	char line[PTYOUT_LINE];
	uint64_t t_ns, dropped;
	bool any = false;

	if (t->src == NULL)
		return false;
	while (source_output(t->src, line, sizeof(line), &t_ns)) {
		output_add(&t->output, t->hist.n, t_ns, line);
		any = true;
	}
	/* Lost on the program's terminal, before they could be taken. */
	dropped = source_output_dropped(t->src);
	t->output.dropped += dropped - t->output.dropped_src;
	t->output.dropped_src = dropped;
	return any;
}

bool
session_traced(const struct tui *t)
{
	return t->src != NULL && t->replay == NULL && t->opt.command != NULL;
}

void
session_start(struct tui *t)
{
	const struct run_config *c = &t->opt.run;
	char why[sizeof(t->note)];
	const char *call;
	int error;

	/* A live run is on this machine's CPUs, whatever a recording that
	   came before said. */
	if (t->replay == NULL)
		t->opt.run.cpus = cpus_usable();
	/* The first run's --record and --trace end with it. */
	if (t->runs++ > 0)
		files_first_run_done(t);
	session_stop(t);
	/* R after a run that ended: keep it, to show what moved. */
	model_free(&t->prev);
	if (t->compare && !t->live.traced && model_finished(&t->live) &&
	    t->live.nproc == c->nproc && t->live.nthread == c->nthread) {
		t->prev = t->live;
		t->live = (struct model){ 0 };
	}
	t->compare = false;
	model_free(&t->live);
	model_free(&t->at);
	models_init(t, c);
	step_new_run(t);
	/* A recording before version 3 does not say on how many CPUs it
	   was made (0). */
	busy_set_cpus(&t->live.sums, c->cpus);
	busy_set_cpus(&t->at.sums, t->live.sums.cpus);
	t->at_k = 0;
	history_clear(&t->hist);
	travel_live(t);
	state_select(t, 0, 0);
	t->scroll.tl_top = 0;
	/* The body's height follows the counts. */
	layout_build(t);
	/* The kernel view's files of /proc stay out of the new children. */
	kernel_free(t);
	t->play_due = false;
	t->src = source_start(t, why, sizeof(why));
	/* Only this run waits at its start (g); a rerun goes at once. */
	t->opt.run.held = false;
	/* Held before the first pump: no child of the new run is reaped. */
	if (t->src != NULL && t->replay == NULL && t->reap_held)
		source_control(t->src, SOURCE_HOLD_REAP, 0);
	if (t->src == NULL && t->replay != NULL)
		state_note(t, "cannot replay the run: %s", strerror(errno));
	else if (t->src == NULL)
		state_note(t, "%s", why);
	else if ((call = source_start_error(t->src, &error)) != NULL)
		state_note(t, "%s: %s", call, strerror(error));
	else if (t->replay != NULL)
		replay_start(t);
}
