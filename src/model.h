/*
 * model.h: what the main process knows about a run, built only from events.
 *
 * The model is pure: no clock, no I/O, no signals.  A test drives it with an
 * array of events; the front ends read it to draw.  It trusts no event: one
 * whose indices, state, pid or transition make no sense is counted in `bad`
 * and changes nothing else, so a child writing garbage into shared memory
 * can never crash the main process or corrupt the counts.
 *
 * Life cycles (model.c's table is the whole of the rules):
 *   thread   new -> running -> sleeping -> done, or new -> failed (never
 *            started), or lost (its process died first; set by the model);
 *            the other workloads go through computing, waiting (for the
 *            CPU, a mutex, the semaphore or the barrier) and holding (a
 *            mutex or a permit) on their way to done
 *
 * Waiting and holding.  The model knows who holds each mutex and permit
 * and what each thread waits for, so it can say "waiting for the mutex of
 * Process-2, held by Thread-3", and find a deadlock: a cycle of threads
 * each waiting for a mutex the next one holds.  A process's own mutexes
 * share one ring, so their order of arrival is their true order and a
 * second holder is refused; the global mutex and the semaphore are shared
 * by processes whose rings are read in turn, so there the model follows
 * what it is told and does not judge (a recording's reader judges them by
 * time, at its end: src/spans.h).
 *   process  new -> forked -> starting -> joining -> done, then reaped:
 *            stays done if it exited 0 after done, else killed or failed;
 *            while reaping is held, zombie comes between its end and its
 *            reaping (not reaped yet; its threads keep their states until
 *            it is)
 *   moves    the race's and the queue's threads go through moves
 *            (model_moves.h) from running to done
 *   main     new -> running -> done, with stopped and continued taking
 *            turns in between (a pause of every child); a run held at its
 *            start goes new -> held -> running, its threads no further
 *            than running while it is held, and its clock (t0) starts at
 *            running, when the gate opens
 */
#ifndef PTVIZ_MODEL_H
#define PTVIZ_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "model_types.h"

struct run_config;

/* Set up an empty model of nproc x nthread; -1 with errno on failure. */
int	model_init(struct model *m, unsigned nproc, unsigned nthread);

/* Set m up for the workload of cfg: the queue's slots and its items
   (the race needs nothing); -1 with errno on failure. */
int	model_work(struct model *m, const struct run_config *cfg);

/* Make m empty again, as model_init (or model_init_traced) left it,
   keeping its memory and its CPUs (busy.h). */
void	model_reset(struct model *m);

/* Free what model_init allocated. */
void	model_free(struct model *m);

/* Apply one event; false (and m->bad counted) if it was ignored. */
bool	model_apply(struct model *m, const struct event *ev);

/* Process i (1-based). */
const struct model_proc *model_proc(const struct model *m, unsigned i);

/* Thread j of process i (both 1-based). */
const struct model_thread *model_thread(const struct model *m, unsigned i,
	    unsigned j);

/* True while the main process has every child stopped (a pause). */
bool	model_stopped(const struct model *m);

/* True once every process has been reaped (or failed to fork). */
bool	model_finished(const struct model *m);

#endif
