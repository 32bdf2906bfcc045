/*
 * session.c: the run on the screen -- a live run, or a recording read as
 * it comes -- started in place of the one shown (a rerun keeps the run
 * before to compare, R), its events into the live model and the history,
 * and its end.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../src/cpus.h"
#include "../../../src/event.h"
#include "../../../src/history.h"
#include "../../../src/source.h"
#include "../base/state.h"
#include "../features/files.h"
#include "../features/kernel.h"
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

/* Each event goes to the live model and, if the model took it, to the
   history. */
static void
sink(void *ctx, const struct event *ev)
{
	struct tui *t = ctx;

	if (!model_apply(&t->live, ev))
		return;
	if (history_add(&t->hist, ev) == -1)
		session_fatal(t, "cannot keep the run's history");
	files_record_event(t, ev);
}

void
session_stop(struct tui *t)
{
	if (t->src != NULL)
		t->end_ns = source_now(t->src);
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

void
session_start(struct tui *t)
{
	const struct run_config *c = &t->opt.run;
	char why[sizeof(t->note)];
	const char *call;
	uint8_t *fold;
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
	if (t->compare && model_finished(&t->live) &&
	    t->live.nproc == c->nproc && t->live.nthread == c->nthread) {
		t->prev = t->live;
		t->live = (struct model){ 0 };
	}
	t->compare = false;
	model_free(&t->live);
	model_free(&t->at);
	if (model_init(&t->live, c->nproc, c->nthread) == -1 ||
	    model_init(&t->at, c->nproc, c->nthread) == -1 ||
	    model_work(&t->live, c) == -1 || model_work(&t->at, c) == -1 ||
	    (fold = realloc(t->fold, c->nproc)) == NULL)
		session_fatal(t, "cannot hold the model");
	t->fold = fold;
	/* A recording before version 3 does not say on how many CPUs it
	   was made (0). */
	busy_set_cpus(&t->live.sums, c->cpus);
	busy_set_cpus(&t->at.sums, t->live.sums.cpus);
	memset(t->fold, FOLD_AUTO, c->nproc);
	t->at_k = 0;
	history_clear(&t->hist);
	travel_live(t);
	if (t->sel.proc < 1 || t->sel.proc > c->nproc)
		t->sel.proc = t->sel.proc < 1 ? 1 : c->nproc;
	if (t->sel.thread < 1 || t->sel.thread > c->nthread)
		t->sel.thread = t->sel.thread < 1 ? 1 : c->nthread;
	t->scroll.tl_top = 0;
	/* The body's height follows the counts. */
	layout_build(t);
	/* The kernel view's files of /proc stay out of the new children. */
	kernel_free(t);
	t->play_due = false;
	t->src = t->replay != NULL ? source_recording(t->replay, sink, t) :
	    source_live(c, sink, t, why, sizeof(why));
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
