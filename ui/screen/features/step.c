/*
 * step.c: step mode on the screen (see step.h).
 */
#include <stdio.h>

#include "../../../src/event.h"
#include "../../../src/model_query.h"
#include "../../../src/source.h"
#include "../../../src/steps.h"
#include "../../../src/text.h"
#include "../base/state.h"
#include "step.h"
#include "travel.h"

bool
step_keys(const struct tui *t)
{
	return (t->opt.run.steps & STEPS_ON) && t->replay == NULL &&
	    t->opt.command == NULL && t->opt.attach == 0;
}

bool
step_on(const struct tui *t)
{
	return step_keys(t) && t->src != NULL;
}

/* A step key when the run is not live in step mode: say why nothing
   moves; true if so. */
static bool
not_stepping(struct tui *t)
{
	if (step_on(t))
		return false;
	if (step_keys(t))
		state_note(t, "the run has ended: R runs it again, stepped (S "
		    "leaves step mode, and the digits load scenes again)");
	else
		state_note(t, "S puts the run in step mode first");
	return true;
}

void
step_new_run(struct tui *t)
{
	t->step = (struct stepping){ .due = false };
}

unsigned
step_toggle(struct tui *t)
{
	unsigned mode = (t->opt.run.steps & STEPS_ON) ? 0 :
	    STEPS_ON | (t->opt.run.steps & STEPS_TIMED);

	if (t->opt.command != NULL || t->opt.attach != 0) {
		state_note(t, "step mode is for ptviz's own program: a traced "
		    "program's threads have no gates");
		return REACT_NONE;
	}
	if (t->replay != NULL) {
		state_note(t, "step mode steps a live run: R runs this "
		    "recording's counts live first");
		return REACT_NONE;
	}
	if (t->batch.on) {
		state_note(t, "many runs go by themselves: m stops them "
		    "before step mode");
		return REACT_NONE;
	}
	t->opt.run.steps = (t->opt.run.steps & STEPS_TIMED) | mode;
	if (t->src == NULL || source_step_mode(t->src, mode) == -1) {
		state_note(t, mode ? "step mode: the run has ended; R runs it "
		    "again, stepped" : "step mode off for the next run");
		return REACT_DRAW;
	}
	state_note(t, mode ? "step mode: every thread stops before its "
	    "next move; Enter or a digit lets one go" : "step mode off: "
	    "every thread goes freely");
	return REACT_DRAW;
}

bool
step_gated(const struct tui *t, unsigned i, unsigned j)
{
	return state_has(t->shown, i, j) && !t->shown->traced &&
	    model_thread(t->shown, i, j)->gated;
}

/* Why thread j of process i cannot move now, in a note. */
static void
refuse(struct tui *t, unsigned i, unsigned j)
{
	const struct model_thread *th = model_thread(&t->live, i, j);
	const struct model_proc *p = model_proc(&t->live, i);
	char what[96];
	unsigned h, hp;

	if (p->state == ST_KILLED || p->state == ST_FAILED ||
	    p->state == ST_ZOMBIE || p->state == ST_EXITED)
		state_note(t, "Process-%u has ended: its threads make no "
		    "more moves", i);
	else if (th->state == ST_DONE || th->state == ST_LOST ||
	    th->state == ST_TFAILED)
		state_note(t, "Process-%u Thread-%u has finished: it has no "
		    "move left", i, j);
	else if (th->state == ST_WAITING &&
	    (h = model_holder(&t->live, i, th, &hp)) != 0)
		state_note(t, "Process-%u Thread-%u is blocked: it waits for "
		    "%s, held by Process-%u Thread-%u; it moves once that "
		    "lets go", i, j, text_object(&t->live, i, j, what,
		    sizeof(what)), hp, h);
	else if (th->state == ST_WAITING)
		state_note(t, "Process-%u Thread-%u is blocked: it waits for "
		    "%s", i, j, text_object(&t->live, i, j, what,
		    sizeof(what)));
	else if (t->live.main_state == ST_MHELD)
		state_note(t, "the run is held at its start: g lets it go "
		    "first");
	else
		state_note(t, "Process-%u Thread-%u is still making its "
		    "move: it stops at its gate when the move is made", i, j);
}

unsigned
step_thread(struct tui *t, unsigned i, unsigned j)
{
	if (not_stepping(t))
		return REACT_DRAW;
	/* A move is made in the present. */
	if (!t->following)
		travel_live(t);
	if (!source_step(t->src, i, j)) {
		refuse(t, i, j);
		return REACT_DRAW;
	}
	t->step.last = (struct selection){ i, j };
	t->step.due = true;
	t->note[0] = '\0';
	if (model_stopped(&t->live))
		state_note(t, "paused: Process-%u Thread-%u makes its move "
		    "when the run goes on (space)", i, j);
	return REACT_DRAW;
}

unsigned
step_process(struct tui *t, unsigned i)
{
	unsigned k, j, n = t->live.nthread, first;

	if (not_stepping(t))
		return REACT_DRAW;
	if (i < 1 || i > t->live.nproc) {
		state_note(t, "there is no Process-%u in this run", i);
		return REACT_DRAW;
	}
	first = t->step.last.proc == i ? t->step.last.thread : 0;
	for (k = 1; k <= n; k++) {
		j = (first + k - 1) % n + 1;
		if (source_step_waiting(t->src, i, j))
			return step_thread(t, i, j);
	}
	state_note(t, "no thread of Process-%u can move now: each is "
	    "blocked, finished or still making its move", i);
	return REACT_DRAW;
}

bool
step_move_due(const struct tui *t)
{
	return t->step.due;
}

bool
step_move_came(struct tui *t)
{
	bool due = t->step.due;

	t->step.due = false;
	return due;
}

bool
step_status(const struct tui *t, char *buf, size_t len)
{
	unsigned at = t->shown->traced ? 0 : t->shown->gated;
	const char *gates = at == 1 ? "its gate" : "their gates";
	uint64_t moves;

	if (len > 0)
		buf[0] = '\0';
	/* A stepped run's past, or a recording of one. */
	if (!step_on(t) && at > 0)
		snprintf(buf, len, "%u thread%s at %s: the run was in step mode "
		    "then", at, at == 1 ? "" : "s", gates);
	if (!step_on(t))
		return at > 0;
	moves = source_step_grants(t->src);
	snprintf(buf, len, "step mode: %llu move%s, %u at %s%s (Enter: the "
	    "selected thread moves, 1-9: a process's next, S: all go freely)",
	    (unsigned long long)moves, moves == 1 ? "" : "s", at, gates,
	    (t->opt.run.steps & STEPS_TIMED) ? ", sleeps timed" : "");
	return true;
}
