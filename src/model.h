/*
 * model.h: what the main process knows about a run, built only from events.
 *
 * The model is pure: no clock, no I/O, no signals.  A test drives it with an
 * array of events; the front ends read it to draw.  It trusts no event: one
 * whose indices, state, pid or transition make no sense is counted in `bad`
 * and changes nothing else, so a child writing garbage into shared memory
 * can never crash the main process or corrupt the counts.
 *
 * Life cycles (a state may only follow the one before it):
 *   thread   new -> running -> sleeping -> done, or new -> failed (never
 *            started), or lost (its process died first; set by the model)
 *   process  new -> forked -> starting -> joining -> done, then reaped:
 *            stays done if it exited 0 after done, else killed or failed
 *   main     new -> running -> done, with stopped and continued taking
 *            turns in between (a pause of every child)
 */
#ifndef PTVIZ_MODEL_H
#define PTVIZ_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "event.h"

struct model_thread {
	uint8_t		 state;
	int32_t		 tid;
	uint32_t	 rank;		/* finishing order from 1; 0 before */
	uint64_t	 sleep_ns;	/* planned */
	uint64_t	 t_running;	/* event times, 0 until they happen */
	uint64_t	 t_sleeping;
	uint64_t	 t_done;	/* done, lost or failed */
	int		 err;		/* failed: errno of pthread_create */
};

struct model_proc {
	uint8_t		 state;
	bool		 reaped;
	int32_t		 pid;
	int		 wstatus;	/* waitpid() status once reaped, -1 if
					   it was never forked */
	uint32_t	 rank;		/* order of reaping from 1; 0 before */
	unsigned	 threads_ended;	/* done, lost or failed */
	uint64_t	 t_forked;
	uint64_t	 t_starting;
	uint64_t	 t_joining;
	uint64_t	 t_done;
	uint64_t	 t_end;		/* reaped */
};

struct model {
	unsigned	 nproc;
	unsigned	 nthread;	/* per process */
	uint64_t	 t0;		/* main running: when the run started */
	uint8_t		 main_state;
	uint64_t	 t_main_done;
	struct model_proc   *procs;	/* [nproc] */
	struct model_thread *threads;	/* [nproc * nthread] */
	unsigned	 threads_in[ST_COUNT];	/* threads in each state */
	unsigned	 procs_in[ST_COUNT];	/* processes in each state */
	unsigned	 threads_done;	/* == threads_in[ST_DONE], the rank */
	unsigned	 procs_reaped;
	uint64_t	 slept_ns;	/* sum of the finished threads' sleeps */
	uint64_t	 sleep_starts;	/* sum of t_sleeping of the threads
					   sleeping now (mod 2^64) */
	unsigned	 stops;		/* pauses so far */
	uint64_t	 events;	/* events applied */
	uint64_t	 bad;		/* events ignored */
};

/* Set up an empty model of nproc x nthread; -1 with errno on failure. */
int	model_init(struct model *m, unsigned nproc, unsigned nthread);

/* Make m empty again, as model_init left it, keeping its memory. */
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

/* True if process i (1-based) is alive and stopped by a pause. */
bool	model_proc_stopped(const struct model *m, unsigned i);

/* Nanoseconds from the start of the run to `now`, or to its end once it
   has ended; 0 before it started. */
uint64_t model_elapsed(const struct model *m, uint64_t now);

/* How many threads slept at once on average: the sleeps so far divided
   by the elapsed time (1.0: one at a time); 0 before any time passed. */
double	model_concurrency(const struct model *m, uint64_t now);

/* Nanoseconds slept by every thread up to `now`: the finished threads'
   sleeps and those still in progress.  O(1). */
uint64_t model_slept_ns(const struct model *m, uint64_t now);

/* True once every process has been reaped (or failed to fork). */
bool	model_finished(const struct model *m);

/* Events a complete run of nproc x nthread produces, including those the
   main process makes itself (forked, exited, main running and done). */
uint64_t model_expected_events(unsigned nproc, unsigned nthread);

#endif
