/*
 * many.c: many runs on the screen (m): the same configuration run again
 * and again with the same seed, so that only the scheduler differs, and
 * what they show together -- how often each process finished 1st, 2nd,
 * ..., how many different orders appeared, the wall times against the
 * planned critical path -- counted by src/stats.c as --runs does.
 *
 * The runs are ordinary runs of the screen, drawn as they go; when one
 * ends, many_run_ended() counts it and asks for the next.  What the batch
 * shows is drawn by views/batch.c.
 */
#include <stdio.h>
#include <string.h>

#include "../../../src/stats.h"
#include "../base/state.h"
#include "many.h"

#define MANY_RUNS	20	/* runs of a batch started with m */

/* m: start a batch of MANY_RUNS, or stop the one going and show it. */
unsigned
many_toggle(struct tui *t)
{
	struct batch *b = &t->batch;

	if (b->on) {
		b->on = false;
		b->table = b->st.runs > 0;
		return REACT_DRAW;
	}
	stats_free(&b->st);
	if (stats_init(&b->st, t->opt.run.nproc) == -1) {
		state_note(t, "no memory for many runs");
		return REACT_DRAW;
	}
	b->want = MANY_RUNS;
	b->on = true;
	b->table = false;
	return REACT_RERUN | REACT_LAYOUT;
}

unsigned
many_run_ended(struct tui *t)
{
	struct batch *b = &t->batch;
	uint64_t critical;

	if (!b->on || !model_finished(&t->live))
		return REACT_NONE;
	if (!stats_critical_ns(&t->opt.run, &critical))
		critical = 0;
	if (stats_add(&b->st, &t->live, critical) == -1) {
		b->on = false;
		state_note(t, "no memory for many runs");
		return REACT_DRAW;
	}
	if (b->st.runs < b->want)
		return REACT_RERUN;
	b->on = false;
	b->table = true;
	return REACT_DRAW;
}
