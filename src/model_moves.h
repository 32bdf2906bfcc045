/*
 * model_moves.h: the model's rules for the moves of the race and the
 * queue (ST_MOVE, event.h's EVENT_MOVES), shared by model.c alone, as
 * model_objects.h is for waits and holds.
 *
 * model.c checks a move's transition against its table, asks
 * model_move_ok whether the move may follow the thread's last one with
 * the figures it carries, and then model_move_take counts it.  None of
 * these counts a bad event: the caller does.
 */
#ifndef PTVIZ_MODEL_MOVES_H
#define PTVIZ_MODEL_MOVES_H

#include <stdbool.h>

struct event;
struct model;
struct model_thread;

/* May thread t make move ev (its kind, its figures) now? */
bool	model_move_ok(const struct model *m, const struct event *ev,
	    const struct model_thread *t);

/* After its last move, may thread t go on to `state` (not a move): not
   in the middle of an update, nor done still holding the lock?  And done
   with no move at all only as a consumer of the queue that found every
   item taken. */
bool	model_move_next_ok(const struct model *m,
	    const struct model_thread *t, unsigned state);

/* Count move ev of thread t: the counter's writes and the updates lost,
   the items put and taken; an unlock lets go of what t holds. */
void	model_move_take(struct model *m, const struct event *ev,
	    unsigned i, unsigned j, struct model_thread *t);

#endif
