/*
 * model_traced.h: the model of a traced program (ptviz -- COMMAND), which
 * has no P x T fixed in advance: it grows as births arrive.
 *
 * It is the same struct model the built-in run fills, read through the
 * same model_proc() and model_thread(); only how it grows differs.
 * Processes are numbered in order of birth (1: COMMAND), threads in order
 * of birth within their process (1: its main thread).  m->nproc is the
 * processes born so far and m->nthread the room each has for threads, the
 * most any process has had; a process's own count is its nthreads.  Room
 * is made by reallocation: more processes double the array, a process
 * with more threads than the room lays the threads out again, wider.  A
 * cell beyond a process's nthreads stays "new" and is in no count.
 *
 * Life cycles (the whole of the rules, checked as model.c checks its):
 *   process  new -> born -> exec (any number of times) -> exited, failed
 *            (a status not 0) or killed (by a signal); born in order, each
 *            of a process born before it, or of ptviz (0)
 *   thread   new -> born -> ended; born in order within its process,
 *            which must be alive; all end when their process does
 *   main     new -> running -> done; between, stopped (a pause) ->
 *            continued -> stopped ...; births, execs and ends still come
 *            while it is stopped (a task on its way to the stop)
 * An event that breaks them is counted in m->bad and changes nothing; so
 * is one that needs room the allocation could not make.
 */
#ifndef PTVIZ_MODEL_TRACED_H
#define PTVIZ_MODEL_TRACED_H

#include <stdbool.h>

struct event;
struct model;

/* Set up an empty model of a traced program, with no process yet; -1 with
   errno on failure.  model_free() frees it; model_reset() empties it,
   keeping the room it has made. */
int	model_init_traced(struct model *m);

/* Apply one event of a traced program (model_apply() calls it for a
   traced model, through m->apply_traced); false if it was ignored. */
bool	model_traced_apply(struct model *m, const struct event *ev);

/* The traced program's exit status, as a shell gives it: COMMAND's own
   (process 1's), or 128+N if signal N killed it; 1 if it has not ended. */
int	model_traced_status(const struct model *m);

#endif
