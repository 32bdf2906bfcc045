/*
 * model_objects.h: the model's rules for what a thread waits for and holds,
 * shared by model.c alone.
 *
 * model.c checks a transition against its table and, for a wait or a hold,
 * asks model_obj_ok whether the object it names may be named; once the
 * thread is in its new state, model_obj_take notes what it waits for or
 * took and looks for a cycle of waits.  model_obj_release gives back what
 * a thread that ended held.  None of these counts a bad event: the caller
 * does.
 */
#ifndef PTVIZ_MODEL_OBJECTS_H
#define PTVIZ_MODEL_OBJECTS_H

#include <stdbool.h>

struct event;
struct model;
struct model_proc;
struct model_thread;

/* May a wait or a hold by thread t (of process p) name ev's what and
   object? */
bool	model_obj_ok(const struct model *m, const struct event *ev,
	    const struct model_proc *p, const struct model_thread *t);

/* After a wait, may thread t go on to state: does it fit what it waited
   for?  True of a thread that was not waiting. */
bool	model_obj_after_wait_ok(const struct model_thread *t,
	    unsigned state);

/* Note what a wait or a hold by thread t names; mark a deadlock if a
   mutex wait closes a cycle. */
void	model_obj_take(struct model *m, const struct event *ev,
	    struct model_proc *p, struct model_thread *t);

/* Let go of everything thread j of process i (t) holds. */
void	model_obj_release(struct model *m, unsigned i, unsigned j,
	    struct model_thread *t);

#endif
