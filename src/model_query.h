/*
 * model_query.h: what a model answers of time and order (model_query.c).
 */
#ifndef PTVIZ_MODEL_QUERY_H
#define PTVIZ_MODEL_QUERY_H

#include <stdbool.h>
#include <stdint.h>

struct model;
struct model_thread;

/* True if process i (1-based) is alive and stopped by a pause. */
bool	model_proc_stopped(const struct model *m, unsigned i);

/* True if thread j of process i waits at the gate of a run held at its
   start (g): started, not yet let go. */
bool	model_thread_held(const struct model *m, unsigned i, unsigned j);

/* Nanoseconds from the start of the run to `now`, or to its end once it
   has ended; 0 before it started (a run held at its start starts when
   the gate opens). */
uint64_t model_elapsed(const struct model *m, uint64_t now);

/* Step mode: nanoseconds up to `now` the whole run was held, every thread
   at its gate, blocked or ended (the room's time, not the program's). */
uint64_t model_held_ns(const struct model *m, uint64_t now);

/* How many threads were busy at once on average (sleeping, computing or
   holding): model_slept_ns() divided by the elapsed time, less the time
   the run was held in step mode (1.0: one at a time); 0 before any time
   passed. */
double	model_concurrency(const struct model *m, uint64_t now);

/* Nanoseconds every thread was busy up to `now`: the ended phases and
   those still going; busy time once spent stays spent, and computing
   counts no more than the CPUs could give (busy.h).  O(1). */
uint64_t model_slept_ns(const struct model *m, uint64_t now);

/* Threads busy at this moment: sleeping, holding, and computing (no
   more of these than the CPUs, when they are known). */
unsigned model_busy_now(const struct model *m);

/* How far thread j of process i is through the phase it is in, 0..1:
   its sleep or time held, or (computing) the CPU time it planned. */
double	model_progress(const struct model *m, unsigned i, unsigned j,
	    uint64_t now);

/* The thread (1-based) of process i that holds what thread t waits for,
   or 0: none, or what it waits for has no single holder. */
unsigned model_holder(const struct model *m, unsigned i,
	    const struct model_thread *t, unsigned *proc);

/* Two runs of the same counts (the same seed, another schedule): mark in
   moved[i - 1] each process i that finished in another place (the order
   of its "done") in now than in before; the number marked.  A process
   that was not done in both is not marked.  0 if the counts differ. */
unsigned model_moved(const struct model *before, const struct model *now,
	    bool *moved);

/* The threads process i has: the run's per process, or a traced
   program's, those born so far. */
unsigned model_proc_threads(const struct model *m, unsigned i);

/* Events a complete run of nproc x nthread produces, including those the
   main process makes itself (forked, exited, main running and done). */
uint64_t model_expected_events(unsigned nproc, unsigned nthread);

#endif
