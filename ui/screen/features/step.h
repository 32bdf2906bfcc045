/*
 * step.h: step mode on the screen -- the room is the scheduler (S, Enter,
 * the digits; src/steps.h has the gates).
 *
 * In step mode every thread of the live run stops at its gate before each
 * move it reports, and nothing moves until a key lets one thread make
 * one: Enter the selected cell's, a digit the next of that process's, in
 * turn.  A thread that cannot move now -- blocked on a lock another
 * holds, ended, still making its move -- is refused with a note that says
 * why.  The mode is one of the counts now (t->opt.run.steps): a rerun
 * (R, r, the keys that change the counts) starts in it too.
 */
#ifndef PTVIZ_STEP_H
#define PTVIZ_STEP_H

#include <stdbool.h>
#include <stddef.h>

struct tui;

/* A run starts: none moved yet, no move due. */
void		 step_new_run(struct tui *t);

/* S: step mode on, or off (every thread goes freely again); the reaction
   (REACT_*). */
unsigned	 step_toggle(struct tui *t);

/* Is the screen in step mode: do Enter and the digits move threads (of
   ptviz's own program, not a replay)?  And is the run shown in it live,
   so that they can? */
bool		 step_keys(const struct tui *t);
bool		 step_on(const struct tui *t);

/* Let thread j of process i make one move, or say in a note why it
   cannot; the reaction. */
unsigned	 step_thread(struct tui *t, unsigned i, unsigned j);

/* A digit: the next thread of process i that waits at its gate, after
   the one moved last, makes one move; the reaction. */
unsigned	 step_process(struct tui *t, unsigned i);

/* Is thread j of process i at its gate, waiting for a move, at the
   moment shown (the model's: a stepped run's past or recording too)? */
bool		 step_gated(const struct tui *t, unsigned i, unsigned j);

/* Is a move a key let go still to report (the loop then watches the run,
   to draw the report at once)? */
bool		 step_move_due(const struct tui *t);

/* Events came in: was a move let go waiting for them (its report is the
   key's answer, drawn at once)?  It is not due any more. */
bool		 step_move_came(struct tui *t);

/* The header's line in step mode: "step mode: 12 moves, 2 at their
   gates (...)"; for a moment of a stepped run's past or recording, the
   threads at their gates then; false (buf empty) if neither. */
bool		 step_status(const struct tui *t, char *buf, size_t len);

#endif
