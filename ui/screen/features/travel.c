/*
 * travel.c: the moment the screen shows -- the newest while it follows the
 * run, else any moment of the run's history, still or playing back.
 *
 * The model of a moment is the model of the history's first k events.
 * Moving forward applies the events in between to the model the screen
 * already has; moving back builds it again from the start (a pure model
 * makes that cheap: see make bench).  Playback runs a clock of its own,
 * the run's time scaled by the speed, and shows the events up to it.
 */
#include <stdbool.h>

#include "../../../src/event.h"
#include "../../../src/history.h"
#include "../base/state.h"
#include "travel.h"

/* Follow the run again: the live model, the newest moment. */
void
travel_live(struct tui *t)
{
	t->following = true;
	t->play.on = false;
	t->shown = &t->live;
	t->cursor = t->hist.n;
}

/* Show the moment after the first k events of the history; the end of a
   run that has ended is the live screen. */
void
travel_to(struct tui *t, size_t k)
{
	if (k >= t->hist.n && t->src == NULL) {
		travel_live(t);
		return;
	}
	if (k > t->hist.n)
		k = t->hist.n;
	/* Forward from where the model is, or built again from the start. */
	if (k < t->at_k) {
		history_model_at(&t->hist, k, &t->at);
		t->at_k = k;
	}
	for (; t->at_k < k; t->at_k++)
		model_apply(&t->at, history_at(&t->hist, t->at_k));
	t->following = false;
	t->shown = &t->at;
	t->cursor = k;
	t->now = k > 0 ? history_at(&t->hist, k - 1)->t_ns : t->live.t0;
}

/* Show the moment `when` (the run's clock): the events up to it. */
void
travel_to_time(struct tui *t, uint64_t when)
{
	travel_to(t, history_find(&t->hist, when));
	t->now = when;
}

/* Speeds of playback, in percent of the run's own. */
static const unsigned speeds[] = { 10, 25, 50, 100, 200, 400 };
#define NSPEEDS		(sizeof(speeds) / sizeof(speeds[0]))

/*
 * The moment shown, each frame: the newest while following the run, the
 * playback clock while playing.  Playback that reaches the newest event
 * of a run still going follows it live; of a run that has ended, stops.
 */
bool
travel_advance(struct tui *t)
{
	uint64_t when, end;
	size_t k;

	if (t->following) {
		t->cursor = t->hist.n;
		t->now = t->live_now;
		return false;
	}
	if (!t->play.on)
		return false;
	when = t->play.t_run + (t->wall - t->play.t_wall) *
	    t->play.speed_pct / 100;
	end = t->hist.n > 0 ? history_at(&t->hist, t->hist.n - 1)->t_ns : 0;
	if (when >= end && t->src != NULL && when >= t->live_now) {
		travel_live(t);
		t->now = t->live_now;
		return true;
	}
	if (when >= end && t->src == NULL) {
		travel_to(t, t->hist.n);
		t->play.on = false;
		return true;
	}
	/* Forward only: in a history taken from rings read in turn, times
	   are not quite in order, and a step back would build the model of
	   that moment again from the start, every frame. */
	k = history_find(&t->hist, when);
	travel_to(t, k > t->cursor ? k : t->cursor);
	t->now = when;
	return true;
}

/* Start playing from the moment shown (the start, if that is now). */
void
travel_play(struct tui *t)
{
	if (t->following || t->cursor == t->hist.n)
		travel_to(t, 0);
	/* A history with nothing in it to play: still live. */
	if (t->following)
		return;
	t->play.on = true;
	t->play.t_run = t->now;
	t->play.t_wall = now_ns();
}

bool
travel_speed(struct tui *t, int by)
{
	size_t i = 0;

	while (i + 1 < NSPEEDS && speeds[i] < t->play.speed_pct)
		i++;
	if ((by < 0 && i == 0) || (by > 0 && i + 1 == NSPEEDS))
		return false;
	/* Keep the moment shown where it is as the clock changes pace. */
	if (t->play.on) {
		t->play.t_run = t->now;
		t->play.t_wall = now_ns();
	}
	t->play.speed_pct = speeds[by < 0 ? i - 1 : i + 1];
	return true;
}

/* The moment shown moved by `cols` columns of the timeline's axis. */
void
travel_step(struct tui *t, int by, uint64_t step_ns)
{
	uint64_t d = step_ns, when = t->now, t0 = t->live.t0;

	t->play.on = false;
	if (by < 0)
		when = when - t0 > d ? when - d : t0;
	else
		when += d;
	if (t->src != NULL && when >= t->live_now) {
		travel_live(t);
		return;
	}
	travel_to_time(t, when);
}

